import type { SqlRunner } from '../../../db/store';
import { exportPages, exportRunSuites, type ExportCursor } from '../../../db/queries/results-export';
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
 * A run's results, or a model's results on one suite, as CSV or JSON text, yielded a page at a time (keyset paging, 1000 rows per query),
 * so an export of a million rows never holds more than one page in memory on the server or in the pipe.
 */
export async function* exportResults(db: SqlRunner, scope: ExportScope, format: ExportFormat): AsyncGenerator<string> {
  const byRun = 'runId' in scope;
  // The suite of each run: a lookup, not a join in the page query.
  const suites = new Map(
    (await exportRunSuites(db, byRun ? { runId: scope.runId } : { modelId: scope.modelId, suiteId: scope.suiteId ?? 'core' })).map((r) => [r.id, r.suite]),
  );
  const page = exportPages(db, byRun ? { runId: scope.runId } : { modelId: scope.modelId, runIds: [...suites.keys()] }, PAGE);
  if (format === 'csv') yield csvLine(EXPORT_COLUMNS);
  else yield '[';
  let cursor: ExportCursor = { k1: -1, k2: byRun ? -1 : '', k3: -1 };
  let first = true;
  for (;;) {
    const rows = await page(cursor);
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
