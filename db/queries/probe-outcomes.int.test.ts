import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { alpha, beta, ctm } from '../../testing/explore-fixtures/patterns';
import { seedRun } from '../../testing/explore-fixtures/seed-results';
import { seededDatabase } from '../../testing/explore-fixtures/seeded-database';
import { syntheticSuite } from '../../testing/explore-fixtures/synthetic-suite';
import { describeEachBackend, type TestDatabase } from '../../testing/store-backends/backends';
import { suiteProbeOutcomes, type ProbeOutcomeRow } from './probe-outcomes';

// Probe health's counts on both engines: the same rows as a plain reading of every result of the suite's probes.
const suite = syntheticSuite({ families: 2, pairsPerFamily: 4 });

describeEachBackend('suiteProbeOutcomes', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await seededDatabase(dialect, async (db) => {
      await seedRun(db, { modelId: 'alpha', suite, samples: 2, answer: alpha });
      await seedRun(db, { modelId: 'alpha', suite, answer: beta });
      await seedRun(db, { modelId: 'beta', suite, answer: beta });
      await seedRun(db, { modelId: 'ctm', arch: 'ctm', suite, samples: 3, answer: ctm });
    });
  });
  afterAll(() => database.drop());

  it('counts passes and graded samples per (model, probe) over all runs, errors and refusals left out', async () => {
    const db = database.store;
    const suiteKey = (await db.get<{ key: number }>(sql`SELECT key FROM suites WHERE id = ${suite.id}`))!.key;
    const pairs = await db.all<{ pairId: string; family: string; easy: number; hard: number }>(sql`
      SELECT pair_id AS "pairId", family_id AS family, easy_probe_key AS easy, hard_probe_key AS hard FROM suite_pairs WHERE suite_key = ${suiteKey}`);
    const probeIds = new Map((await db.all<{ key: number; id: string }>(sql`SELECT key, id FROM probes`)).map((p) => [p.key, p.id]));
    const results = await db.all<{ modelId: string; probeKey: number; outcome: string }>(
      sql`SELECT model_id AS "modelId", probe_key AS "probeKey", outcome FROM results`,
    );
    const expected: ProbeOutcomeRow[] = [];
    for (const pair of pairs) {
      for (const slot of ['easy', 'hard'] as const) {
        for (const model of ['alpha', 'beta', 'ctm']) {
          const mine = results.filter((r) => r.modelId === model && r.probeKey === pair[slot]);
          if (mine.length === 0) continue;
          expected.push({
            model, pairId: pair.pairId, family: pair.family, probeId: probeIds.get(pair[slot])!, slot,
            passes: mine.filter((r) => r.outcome === 'pass').length,
            trials: mine.filter((r) => r.outcome === 'pass' || r.outcome === 'fail').length,
          });
        }
      }
    }
    expected.sort((x, y) => (x.pairId < y.pairId ? -1 : x.pairId > y.pairId ? 1 : x.slot < y.slot ? -1 : x.slot > y.slot ? 1 : x.model < y.model ? -1 : 1));
    const got = await suiteProbeOutcomes(db, suiteKey);
    expect(got).toEqual(expected);
    expect(got).toHaveLength(suite.pairs.length * 2 * 3);
    // alpha's two runs pool: 2 + 1 samples of each probe.
    expect(got.filter((r) => r.model === 'alpha').every((r) => r.trials === 3)).toBe(true);
  });
});
