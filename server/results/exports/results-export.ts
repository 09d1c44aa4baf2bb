import type { Db } from '../../../db/client';
import { csvLine } from './csv-cell';

export type ExportFormat = 'csv' | 'json';
/** One run, or a model's runs on one suite (default core): an export never mixes suites. */
export type ExportScope = { runId: number } | { modelId: string; suiteId?: string };

/** The exported columns, in order (CSV header = these names). */
export const EXPORT_COLUMNS = [
  'result_id', 'run_id', 'model_id', 'suite_id', 'probe_id', 'family', 'domain', 'tier', 'sample', 'outcome', 'error_kind',
  'prompt', 'answer', 'response', 'extracted', 'reason', 'latency_ms', 'prompt_tokens', 'completion_tokens', 'cost_usd',
  'ticks', 'created_at',
] as const;

const PAGE = 1_000;

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
 * A run's results, or a model's results on one suite, as CSV or JSON text, yielded a page at a time (keyset paging, 1000 rows per query),
 * so an export of a million rows never holds more than one page in memory on the server or in the pipe.
 */
export function* exportResults(db: Db, scope: ExportScope, format: ExportFormat): Generator<string> {
  const byRun = 'runId' in scope;
  const key = byRun ? scope.runId : scope.modelId;
  const page = db.$client.prepare(
    `SELECT r.id AS result_id, r.run_id, r.model_id, p.id AS probe_id, r.family_id AS family, r.domain, r.tier,
            r.sample, r.outcome, r.error_kind, p.prompt, p.answer, r.response, r.extracted, r.reason, r.latency_ms,
            r.prompt_tokens, r.completion_tokens, r.cost_usd, r.ticks, r.created_at, r.probe_key AS k1
     FROM results r JOIN probes p ON p.key = r.probe_key
     ${byRun ? PAGE_SQL.run : PAGE_SQL.model} LIMIT ${PAGE}`,
  );
  // The suite of each run (a model has at most a few hundred runs): a lookup, not a join in the page query.
  const suites = new Map(
    (db.$client
      .prepare(
        `SELECT ru.id, s.id AS suite FROM runs ru JOIN suites s ON s.key = ru.suite_key
         WHERE ${byRun ? 'ru.id = @key' : 'ru.model_id = @key AND s.id = @suite'}`,
      )
      .all({ key, suite: byRun ? null : (scope.suiteId ?? 'core') }) as Array<{ id: number; suite: string }>).map((r) => [r.id, r.suite]),
  );
  const runs = JSON.stringify([...suites.keys()]);
  if (format === 'csv') yield csvLine(EXPORT_COLUMNS);
  else yield '[';
  let cursor: { k1: number; k2: number | string; k3: number } = { k1: -1, k2: byRun ? -1 : '', k3: -1 };
  let first = true;
  for (;;) {
    const rows = page.all({ key, ...(byRun ? {} : { runs }), ...cursor }) as Array<Record<(typeof EXPORT_COLUMNS)[number], unknown> & { result_id: number; run_id: number; sample: number; outcome: string; k1: number; created_at: number }>;
    if (rows.length === 0) break;
    let chunk = '';
    for (const row of rows) {
      const { k1: _k1, ...rest } = row;
      const out = { ...rest, suite_id: suites.get(row.run_id) ?? null, created_at: new Date(row.created_at).toISOString() };
      if (format === 'csv') chunk += csvLine(EXPORT_COLUMNS.map((c) => out[c]));
      else {
        const ordered = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, out[c]]));
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(ordered)}`;
        first = false;
      }
    }
    yield chunk;
    const last = rows[rows.length - 1]!;
    cursor = { k1: last.k1, k2: byRun ? last.sample : last.outcome, k3: last.result_id };
    if (rows.length < PAGE) break;
  }
  if (format === 'json') yield '\n]\n';
}

/** A file name for a download: sawtooth-run-12.csv, sawtooth-model-gpt-4o.json. */
export function exportFileName(scope: ExportScope, format: ExportFormat): string {
  const what = 'runId' in scope ? `run-${scope.runId}` : `model-${scope.modelId.replace(/[^a-z0-9._-]+/gi, '-')}-${scope.suiteId ?? 'core'}`;
  return `sawtooth-${what}.${format}`;
}
