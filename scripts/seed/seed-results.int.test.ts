import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedProbeRows } from '../../db/queries/seed-results';
import { openSeedWriter } from '../../db/queries/seed-writer';
import { sqliteDbOf } from '../../db/store';
import { loadSuite } from '../../evals/suites';
import { spawnCli } from '../../testing/cli/spawn-cli';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { seedResults } from './seed-results';
import { SYNTHETIC_MODELS } from './synthetic-models';

// `sawtooth seed`'s bulk load on a real SQLite file and a real PostgreSQL database (db/queries/seed-writer*.ts):
// exactly the results asked for, every run's counters equal to its stored rows (as the recorder would have kept
// them), the same rows on both engines, indexes and settings as they were, and nothing left behind by a failed load.

/** The results' secondary indexes and foreign keys as the engine lists them (names only). */
async function resultsIndexes(database: TestDatabase): Promise<string[]> {
  const { store } = database;
  const rows = store.dialect === 'pg'
    ? await store.all<{ name: string }>(sql`
        SELECT indexname AS "name" FROM pg_indexes WHERE tablename = 'results'
        UNION ALL SELECT conname FROM pg_constraint WHERE conrelid = 'results'::regclass AND contype = 'f'`)
    : await store.all<{ name: string }>(sql`
        SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'results'
        UNION ALL SELECT 'fk ' || "from" FROM pragma_foreign_key_list('results')`);
  return rows.map((r) => r.name).sort();
}

/** The seeded rows that do not depend on the clock, in a fixed order (both engines must hold the same). */
async function seededRows(database: TestDatabase): Promise<unknown[]> {
  return database.store.all(sql`
    SELECT r.run_id AS "runId", r.model_id AS "modelId", p.id AS "probeId", r.sample, r.outcome, r.error_kind AS "errorKind",
      r.response, r.extracted, r.reason, r.latency_ms AS "latencyMs", r.prompt_tokens AS "promptTokens",
      r.completion_tokens AS "completionTokens", r.cost_usd AS "costUsd", r.ticks
    FROM results r JOIN probes p ON p.key = r.probe_key ORDER BY r.run_id, p.id, r.sample`);
}

const mismatchedCounters = sql`
  SELECT r.id FROM runs r LEFT JOIN (
    SELECT run_id, sum(CASE WHEN outcome = 'pass' THEN 1 ELSE 0 END) AS p, sum(CASE WHEN outcome = 'fail' THEN 1 ELSE 0 END) AS f,
      sum(CASE WHEN outcome = 'error' THEN 1 ELSE 0 END) AS e
    FROM results GROUP BY run_id) x ON x.run_id = r.id
  WHERE r.pass_count != coalesce(x.p, 0) OR r.fail_count != coalesce(x.f, 0) OR r.error_count != coalesce(x.e, 0)`;

const firstRows: Partial<Record<'sqlite' | 'pg', unknown[]>> = {};

describeEachBackend('seedResults', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
  });
  afterEach(async () => database.drop());

  it('writes the results asked for, with run counters that match the rows, and leaves indexes and settings as they were', async () => {
    const { store } = database;
    const indexesBefore = await resultsIndexes(database);
    const models = SYNTHETIC_MODELS.slice(0, 3);
    const report = await seedResults(store, { results: 3_000, suite: loadSuite('core'), models });
    expect(report).toMatchObject({ results: 3_000, models: 3 });

    expect((await store.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM results`))!.n).toBe(3_000);
    expect((await store.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM runs`))!.n).toBe(report.runs);
    expect(await store.all(mismatchedCounters)).toEqual([]);
    expect((await store.all<{ id: string }>(sql`SELECT id FROM models ORDER BY id`)).map((m) => m.id)).toEqual(models.map((m) => m.id).sort());
    // PostgreSQL dropped them for the load: rebuilt, under the same names.
    expect(await resultsIndexes(database)).toEqual(indexesBefore);
    // NORMAL, as openDb set it: the seed's fsync-off is undone.
    if (dialect === 'sqlite') expect(sqliteDbOf(store, 'test').$client.pragma('synchronous', { simple: true })).toBe(1);
    // A run queued after the seed gets a key past the seeded ones (PostgreSQL took them from the runs' sequence).
    const next = await store.get<{ id: number }>(sql`
      INSERT INTO runs (model_id, suite_key, status, settings, expected) SELECT model_id, suite_key, 'queued', settings, 1 FROM runs LIMIT 1 RETURNING id`);
    expect(next!.id).toBeGreaterThan(report.runs);

    // Both engines get the same rows from the same seed (run ids from 1 on an empty database on both).
    firstRows[dialect] = await seededRows(database);
    const other = firstRows[dialect === 'pg' ? 'sqlite' : 'pg'];
    if (other) expect(firstRows[dialect]).toEqual(other);
  });

  it('adds to a database that holds results (--force), keeping its indexes', async () => {
    const { store } = database;
    const suite = loadSuite('core');
    const first = await seedResults(store, { results: 2_000, suite, models: SYNTHETIC_MODELS.slice(0, 2) });
    const indexes = await resultsIndexes(database);
    // Fewer results than the table holds: PostgreSQL inserts with its indexes in place.
    const second = await seedResults(store, { results: 500, suite, models: SYNTHETIC_MODELS.slice(2, 3), seed: 2 });
    expect((await store.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM results`))!.n).toBe(2_500);
    expect((await store.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM runs`))!.n).toBe(first.runs + second.runs);
    expect(await store.all(mismatchedCounters)).toEqual([]);
    expect(await resultsIndexes(database)).toEqual(indexes);
  });

  it("stores each model's default profile (its newest completed run), as the worker does on completion", async () => {
    const { store } = database;
    // 1,300 results a model: the first run (one sample of core's 1,280 probes) completes, the second is cut short.
    const report = await seedResults(store, { results: 2_600, suite: loadSuite('core'), models: SYNTHETIC_MODELS.slice(0, 2) });
    const newestCompleted = await store.all<{ modelId: string; runId: number }>(
      sql`SELECT model_id AS "modelId", max(id) AS "runId" FROM runs WHERE status = 'completed' GROUP BY model_id ORDER BY model_id`,
    );
    expect(newestCompleted).toHaveLength(2);
    expect(report.profiles).toBe(newestCompleted.length);
    const stored = await store.all<{ modelId: string; runIds: string }>(sql`SELECT model_id AS "modelId", run_ids AS "runIds" FROM profile_cache ORDER BY model_id`);
    expect(stored).toEqual(newestCompleted.map((r) => ({ modelId: r.modelId, runIds: JSON.stringify([r.runId]) })));
  });

  it('keeps nothing of a load that fails (a result of a probe that does not exist), and says which constraint', async () => {
    const { store } = database;
    const suite = loadSuite('core');
    await seedResults(store, { results: 1_300, suite, models: SYNTHETIC_MODELS.slice(0, 1) });
    const before = await seededRows(database);
    const indexes = await resultsIndexes(database);
    const suiteKey = (await store.get<{ key: number }>(sql`SELECT key FROM suites WHERE id = 'core'`))!.key;
    const probe = (await seedProbeRows(store, suiteKey))[0]!;

    const writer = await openSeedWriter(store, 10_000);
    const failing = (async () => {
      const runId = await writer.beginRun({ modelId: 'seed-frontier-a', suiteKey, status: 'completed', settings: '{"samples":1}', samples: 1, expected: 2,
        createdAt: 1, startedAt: 2, finishedAt: 3 });
      writer.addResult([runId, 'seed-frontier-a', probe.key, probe.family, probe.domain, probe.tier, 1, 'pass', null, 'r', 'x', 'ok', 1, 1, 1, null, null, 4]);
      writer.addResult([runId, 'seed-frontier-a', 987_654_321, probe.family, probe.domain, probe.tier, 1, 'pass', null, 'r', 'x', 'ok', 1, 1, 1, null, null, 4]);
      writer.endRun(runId, { pass: 2, fail: 0, error: 0, cost: 0 });
      await writer.endBatch();
      await writer.finish();
    })();
    // SQLite refuses the row as it is inserted; PostgreSQL when it checks the foreign key it dropped for the load.
    await expect(failing).rejects.toThrow(/FOREIGN KEY|foreign key/);
    await writer.abort();
    expect(await seededRows(database)).toEqual(before);
    expect(await resultsIndexes(database)).toEqual(indexes);
  });

  it('`sawtooth seed` fills the database SAWTOOTH_DATABASE_URL / SAWTOOTH_DB names, and refuses one with results unless --force', async () => {
    const run = async (args: string[]) => {
      const child = spawnCli(['seed', ...args], { ...database.env, SAWTOOTH_CONFIG: 'absent.json' });
      const code = await child.exited;
      return { code, stdout: child.stdout(), stderr: child.stderr() };
    };
    const first = await run(['--results', '1500']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^seeded 1500 results \(8 models, \d+ runs, suite core; \d+ default profiles stored\) into /);
    const again = await run(['--results', '10']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('already holds 1500 results: give --force');
    expect((await database.store.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM results`))!.n).toBe(1_500);
  });
});
