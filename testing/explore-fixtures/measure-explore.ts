import { sqliteStore } from '../../db/store';
// Times the explore procedures on ~1,000,000 results, cold (first call on a fresh handle) and warm (cached).
// Usage: npx tsx testing/explore-fixtures/measure-explore.ts [db-file]   (seeds the file first if it does not exist)
import { existsSync } from 'node:fs';
import { closeDb, openDb } from '../../db/client';
import { createCaller } from '../../server/trpc/root';
import { seedRun } from './seed-results';
import { syntheticSuite } from './synthetic-suite';

const file = process.argv[2] ?? '.tmp/explore-1m.db';
const MODELS = 8;
const RUNS = 5;
const SAMPLES = 25; // 8 models × 5 runs × 25 samples × 1,000 probes = 1,000,000 results
const ids = Array.from({ length: MODELS }, (_, i) => `perf-model-${i}`);

if (!existsSync(file)) {
  const db = openDb(file);
  const suite = syntheticSuite({ families: 20, pairsPerFamily: 25 });
  for (const [m, id] of ids.entries()) {
    for (let run = 0; run < RUNS; run++) {
      await seedRun(db, {
        modelId: id, arch: m === 0 ? 'ctm' : 'llm', suite, samples: SAMPLES,
        answer: ({ pairIndex, familyIndex, tier, sample }) => {
          const x = (pairIndex * 7 + familyIndex * 13 + sample * 3 + m * 5 + run) % 10;
          return { outcome: x === 0 ? 'error' : x < (tier === 'easy' ? 7 : 4) ? 'pass' : 'fail', ticks: m === 0 ? 10 + x : undefined };
        },
      });
    }
  }
  closeDb(db);
}

async function time(name: string, fn: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await fn();
  console.log(`${name.padEnd(34)} ${(performance.now() - start).toFixed(1)} ms`);
}

{
  const caller = createCaller({ store: sqliteStore(openDb(file)) });
  await time('models.leaderboard (cold)', () => caller.models.leaderboard());
  await time('models.leaderboard (warm)', () => caller.models.leaderboard());
  await time('models.get (warm)', () => caller.models.get({ id: ids[1]! }));
  await time('compare.get 4 models (first)', () => caller.compare.get({ models: ids.slice(0, 4) }));
  await time('compare.get 4 models (warm)', () => caller.compare.get({ models: ids.slice(0, 4) }));
  await time('compare.disagreements 4 models', () => caller.compare.disagreements({ models: ids.slice(0, 4), filters: ['pass', 'fail'] }));
  await time('models.jaggedPairs', () => caller.models.jaggedPairs({ id: ids[1]! }));
  await time('models.thinkingTime (ctm)', () => caller.models.thinkingTime({ id: ids[0]! }));
  await time('models.thinkingTime (llm)', () => caller.models.thinkingTime({ id: ids[1]! }));
}
const fresh = createCaller({ store: sqliteStore(openDb(file)) });
await time('models.get (cold, new handle)', () => fresh.models.get({ id: ids[2]! }));
await time('compare.get 4 models (cold)', () => fresh.compare.get({ models: ids.slice(4, 8) }));
