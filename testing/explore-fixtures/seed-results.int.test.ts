import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../store-backends/backends';
import { seedRun } from './seed-results';
import { syntheticSuite } from './synthetic-suite';

// seedRun straight onto a store of either engine (the explore tests reached PostgreSQL through a SQLite copy before
// the runner's queries were on the store): a completed run with one row per probe and sample, counters in step.
describeEachBackend('seedRun', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
  });
  afterEach(async () => database.drop());

  it('stores a completed run through the run creation and the recorder, counters matching its rows', async () => {
    const { store } = database;
    const suite = syntheticSuite({ families: 2, pairsPerFamily: 3 });
    const runId = await seedRun(store, {
      modelId: 'alpha', suite, samples: 2, answer: (p) => ({ outcome: p.tier === 'hard' && p.sample === 2 ? 'fail' : 'pass', ticks: 5 }),
    });
    const run = await store.get<{ status: string; pass: number; fail: number; n: number }>(sql`
      SELECT r.status, r.pass_count AS "pass", r.fail_count AS "fail", (SELECT count(*) FROM results WHERE run_id = r.id) AS "n"
      FROM runs r WHERE r.id = ${runId}`);
    // 2 families × 3 pairs × 2 tiers × 2 samples; the hard tier's second sample fails.
    expect(run).toEqual({ status: 'completed', pass: 18, fail: 6, n: 24 });
    const ticks = await store.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM results WHERE run_id = ${runId} AND ticks = 5`);
    expect(ticks!.n).toBe(24);
  });
});
