import type { Db } from '../client';

/** One exported result (export column names) with its keyset column `k1` (the probe key). */
export interface ExportRow {
  result_id: number;
  run_id: number;
  model_id: string;
  probe_id: string;
  family: string;
  domain: string;
  tier: string;
  sample: number;
  outcome: string;
  error_kind: string | null;
  prompt: string;
  answer: string;
  response: string | null;
  extracted: string | null;
  reason: string;
  latency_ms: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  ticks: number | null;
  created_at: number;
  k1: number;
}

/** Where the last page ended: probe key, then sample (by run) or outcome (by model), then result id. */
export interface ExportCursor {
  k1: number;
  k2: number | string;
  k3: number;
}

/**
 * The page query. Each pages along an index it can walk in order (no sort per page, no scan from the start): a run
 * by results(run_id, probe_key, sample), a model by results(model_id, probe_key, outcome, rowid). So rows come out
 * grouped by probe, and each page costs the same however deep into a million rows it is.
 */
const PAGE_SQL = {
  run: `WHERE r.run_id = @key AND (r.probe_key, r.sample) > (@k1, @k2) ORDER BY r.probe_key, r.sample`,
  model: `WHERE r.model_id = @key AND r.run_id IN (SELECT value FROM json_each(@runs))
          AND (r.probe_key, r.outcome, r.id) > (@k1, @k2, @k3) ORDER BY r.probe_key, r.outcome, r.id`,
};

/**
 * The pages of one export, prepared once: a run's results (`runId`), or a model's results in the runs `runIds`.
 * Each call returns the next `pageSize` rows after `cursor`.
 */
export function exportPages(
  db: Db,
  scope: { runId: number } | { modelId: string; runIds: readonly number[] },
  pageSize: number,
): (cursor: ExportCursor) => ExportRow[] {
  const byRun = 'runId' in scope;
  const page = db.$client.prepare(
    `SELECT r.id AS result_id, r.run_id, r.model_id, p.id AS probe_id, r.family_id AS family, r.domain, r.tier,
            r.sample, r.outcome, r.error_kind, p.prompt, p.answer, r.response, r.extracted, r.reason, r.latency_ms,
            r.prompt_tokens, r.completion_tokens, r.cost_usd, r.ticks, r.created_at, r.probe_key AS k1
     FROM results r JOIN probes p ON p.key = r.probe_key
     ${byRun ? PAGE_SQL.run : PAGE_SQL.model} LIMIT ${Math.floor(pageSize)}`,
  );
  const fixed = byRun ? { key: scope.runId } : { key: scope.modelId, runs: JSON.stringify(scope.runIds) };
  return (cursor) => page.all({ ...fixed, ...cursor }) as ExportRow[];
}

/** The suite id of one run, or of every run of a model on one suite (a model has at most a few hundred runs). */
export function exportRunSuites(db: Db, scope: { runId: number } | { modelId: string; suiteId: string }): Array<{ id: number; suite: string }> {
  const byRun = 'runId' in scope;
  return db.$client
    .prepare(
      `SELECT ru.id, s.id AS suite FROM runs ru JOIN suites s ON s.key = ru.suite_key
       WHERE ${byRun ? 'ru.id = @key' : 'ru.model_id = @key AND s.id = @suite'}`,
    )
    .all(byRun ? { key: scope.runId, suite: null } : { key: scope.modelId, suite: scope.suiteId }) as Array<{ id: number; suite: string }>;
}
