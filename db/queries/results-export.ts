import { sql, type SQL } from 'drizzle-orm';
import { inList } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

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
 * by results(run_id, probe_key, sample), a model by results(model_id, probe_key, outcome, id). So rows come out
 * grouped by probe, and each page costs the same however deep into a million rows it is. Row-value comparison and
 * the orders are the same on both engines (outcomes are lower-case ASCII, so collation cannot reorder them).
 */
function pageWhere(
  db: SqlRunner,
  scope: { runId: number } | { modelId: string; runIds: readonly number[] },
  cursor: ExportCursor,
): SQL {
  if ('runId' in scope) {
    return sql`WHERE r.run_id = ${scope.runId} AND (r.probe_key, r.sample) > (${cursor.k1}, ${Number(cursor.k2)}) ORDER BY r.probe_key, r.sample`;
  }
  return sql`WHERE r.model_id = ${scope.modelId} AND ${inList(db, sql`r.run_id`, scope.runIds)}
    AND (r.probe_key, r.outcome, r.id) > (${cursor.k1}, ${String(cursor.k2)}, ${cursor.k3}) ORDER BY r.probe_key, r.outcome, r.id`;
}

/**
 * The pages of one export: a run's results (`runId`), or a model's results in the runs `runIds`.
 * Each call returns the next `pageSize` rows after `cursor`.
 */
export function exportPages(
  db: SqlRunner,
  scope: { runId: number } | { modelId: string; runIds: readonly number[] },
  pageSize: number,
): (cursor: ExportCursor) => Promise<ExportRow[]> {
  const limit = Math.floor(pageSize);
  return (cursor) =>
    db.all<ExportRow>(sql`
      SELECT r.id AS result_id, r.run_id, r.model_id, p.id AS probe_id, r.family_id AS family, r.domain, r.tier,
             r.sample, r.outcome, r.error_kind, p.prompt, p.answer, r.response, r.extracted, r.reason, r.latency_ms,
             r.prompt_tokens, r.completion_tokens, r.cost_usd, r.ticks, r.created_at, r.probe_key AS k1
      FROM results r JOIN probes p ON p.key = r.probe_key
      ${pageWhere(db, scope, cursor)} LIMIT ${limit}`);
}

/** The suite id of one run, or of every run of a model on one suite (a model has at most a few hundred runs). */
export async function exportRunSuites(
  db: SqlRunner,
  scope: { runId: number } | { modelId: string; suiteId: string },
): Promise<Array<{ id: number; suite: string }>> {
  const where = 'runId' in scope ? sql`ru.id = ${scope.runId}` : sql`ru.model_id = ${scope.modelId} AND s.id = ${scope.suiteId}`;
  return db.all(sql`SELECT ru.id, s.id AS suite FROM runs ru JOIN suites s ON s.key = ru.suite_key WHERE ${where} ORDER BY ru.id`);
}
