import type { Db } from '../../db/client';
import { csvLine } from './csv-cell';

export type ExportFormat = 'csv' | 'json';
export type ExportScope = { runId: number } | { modelId: string };

/** The exported columns, in order (CSV header = these names). */
export const EXPORT_COLUMNS = [
  'result_id', 'run_id', 'model_id', 'suite_id', 'probe_id', 'family', 'domain', 'tier', 'sample', 'outcome', 'error_kind',
  'prompt', 'answer', 'response', 'extracted', 'reason', 'latency_ms', 'prompt_tokens', 'completion_tokens', 'cost_usd',
  'ticks', 'created_at',
] as const;

const PAGE = 1_000;

/**
 * A run's or a model's results as CSV or JSON text, yielded a page at a time (keyset on the result id, 1000 rows per
 * query), so an export of a million rows never holds more than one page in memory on the server or in the pipe.
 */
export function* exportResults(db: Db, scope: ExportScope, format: ExportFormat): Generator<string> {
  const filter = 'runId' in scope ? 'r.run_id = @key' : 'r.model_id = @key';
  const page = db.$client.prepare(
    `SELECT r.id AS result_id, r.run_id, r.model_id, s.id AS suite_id, p.id AS probe_id, r.family_id AS family, r.domain, r.tier,
            r.sample, r.outcome, r.error_kind, p.prompt, p.answer, r.response, r.extracted, r.reason, r.latency_ms,
            r.prompt_tokens, r.completion_tokens, r.cost_usd, r.ticks, r.created_at
     FROM results r JOIN probes p ON p.key = r.probe_key JOIN runs ru ON ru.id = r.run_id JOIN suites s ON s.key = ru.suite_key
     WHERE ${filter} AND r.id > @after ORDER BY r.id LIMIT ${PAGE}`,
  );
  const key = 'runId' in scope ? scope.runId : scope.modelId;
  if (format === 'csv') yield csvLine(EXPORT_COLUMNS);
  else yield '[';
  let after = 0;
  let first = true;
  for (;;) {
    const rows = page.all({ key, after }) as Array<Record<(typeof EXPORT_COLUMNS)[number], unknown> & { result_id: number; created_at: number }>;
    if (rows.length === 0) break;
    let chunk = '';
    for (const row of rows) {
      const out = { ...row, created_at: new Date(row.created_at).toISOString() };
      if (format === 'csv') chunk += csvLine(EXPORT_COLUMNS.map((c) => out[c]));
      else {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(out)}`;
        first = false;
      }
    }
    yield chunk;
    after = rows[rows.length - 1]!.result_id;
    if (rows.length < PAGE) break;
  }
  if (format === 'json') yield '\n]\n';
}

/** A file name for a download: sawtooth-run-12.csv, sawtooth-model-gpt-4o.json. */
export function exportFileName(scope: ExportScope, format: ExportFormat): string {
  const what = 'runId' in scope ? `run-${scope.runId}` : `model-${scope.modelId.replace(/[^a-z0-9._-]+/gi, '-')}`;
  return `sawtooth-${what}.${format}`;
}
