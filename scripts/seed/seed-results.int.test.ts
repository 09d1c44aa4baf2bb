import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../db/client';
import { loadSuite } from '../../evals/suites';
import { seedResults } from './seed-results';
import { SYNTHETIC_MODELS } from './synthetic-models';

// `sawtooth seed`'s bulk load (statements in db/queries/seed-results.ts) on a real SQLite file: exactly the results
// asked for, every run's counters equal to its stored rows (as the recorder would have kept them), fsync restored.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-seed-'));
const db = openDb(path.join(dir, 'sawtooth.db'));
afterAll(() => {
  closeDb(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('seedResults', () => {
  it('writes the results asked for, with run counters that match the rows', async () => {
    const models = SYNTHETIC_MODELS.slice(0, 3);
    const report = await seedResults(db, { results: 3_000, suite: loadSuite('core'), models });
    expect(report).toMatchObject({ results: 3_000, models: 3 });

    const sqlite = db.$client;
    expect(sqlite.prepare('SELECT count(*) FROM results').pluck().get()).toBe(3_000);
    expect(sqlite.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(report.runs);
    const mismatched = sqlite
      .prepare(
        `SELECT r.id FROM runs r LEFT JOIN (SELECT run_id, sum(outcome = 'pass') AS p, sum(outcome = 'fail') AS f, sum(outcome = 'error') AS e
           FROM results GROUP BY run_id) x ON x.run_id = r.id
         WHERE r.pass_count != coalesce(x.p, 0) OR r.fail_count != coalesce(x.f, 0) OR r.error_count != coalesce(x.e, 0)`,
      )
      .all();
    expect(mismatched).toEqual([]);
    expect(sqlite.prepare('SELECT id FROM models ORDER BY id').pluck().all()).toEqual(models.map((m) => m.id).sort());
    // NORMAL, as openDb set it: the seed's fsync-off is undone.
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
  });

  it("stores each model's default profile (its newest completed run), as the worker does on completion", async () => {
    // 1,300 results a model: the first run (one sample of core's 1,280 probes) completes, the second is cut short.
    const second = openDb(path.join(dir, 'second.db'));
    try {
      const report = await seedResults(second, { results: 2_600, suite: loadSuite('core'), models: SYNTHETIC_MODELS.slice(0, 2) });
      // Each model's newest completed run has its default profile stored, as the worker stores it on completion.
      const sqlite = second.$client;
      const newestCompleted = sqlite
        .prepare(`SELECT model_id AS modelId, json_array(max(id)) AS runIds FROM runs WHERE status = 'completed' GROUP BY model_id ORDER BY model_id`)
        .all();
      expect(newestCompleted).toHaveLength(2);
      expect(report.profiles).toBe(newestCompleted.length);
      expect(sqlite.prepare('SELECT model_id AS modelId, run_ids AS runIds FROM profile_cache ORDER BY model_id').all()).toEqual(newestCompleted);
    } finally {
      closeDb(second);
    }
  });
});
