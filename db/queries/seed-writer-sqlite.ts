import { sqliteDbOf } from '../store/sqlite-store';
import type { Store } from '../store/store';
import type { SeedWriter } from './seed-results';

/**
 * `sawtooth seed` on SQLite: statements prepared once on the store's connection and run synchronously (an await per
 * row would cost more than the insert), one transaction per batch, fsync off while filling (a seed is re-creatable)
 * and restored after; once filled, SQLite refreshes its planner statistics. The seeder is the connection's only user
 * while it runs (a command of its own), so the store's transaction gate is not needed around the batches.
 */
export function sqliteSeedWriter(store: Store): SeedWriter {
  const sqlite = sqliteDbOf(store, 'the SQLite seed writer').$client;
  const insertRun = sqlite.prepare(`INSERT INTO runs (model_id, suite_key, status, settings, samples, expected, origin, created_at, started_at, finished_at)
    VALUES (?, ?, ?, ?, ?, ?, 'eval', ?, ?, ?) RETURNING id`).pluck();
  const setCounters = sqlite.prepare('UPDATE runs SET pass_count = ?, fail_count = ?, error_count = ?, cost_usd = ? WHERE id = ?');
  const insertResult = sqlite.prepare(`INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind,
    response, extracted, reason, latency_ms, prompt_tokens, completion_tokens, cost_usd, ticks, telemetry, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`);
  const previousSync = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  const restoreSync = () => void sqlite.pragma(`synchronous = ${previousSync}`);
  const begun = () => {
    if (!sqlite.inTransaction) sqlite.exec('BEGIN IMMEDIATE');
  };
  return {
    async beginRun(r) {
      begun();
      return insertRun.get(r.modelId, r.suiteKey, r.status, r.settings, r.samples, r.expected, r.createdAt, r.startedAt, r.finishedAt) as number;
    },
    addResult(row) {
      insertResult.run(...row);
    },
    endRun(runId, c) {
      setCounters.run(c.pass, c.fail, c.error, c.cost, runId);
    },
    async endBatch() {
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
    },
    async finish() {
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
      restoreSync();
      sqlite.pragma('optimize');
    },
    async abort() {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      restoreSync();
    },
  };
}
