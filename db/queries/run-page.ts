import type { Db } from '../client';
import { RUN_STATUSES } from '../schema';
import type { RunRow } from './runs';

// The statuses a run page may filter on (the routers validate with them; the schema stays inside db/).
export { RUN_STATUSES };
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * One page of runs, newest first, optionally of one status and/or some ids, with the total that matches (for the
 * pager). Reads only the page's rows: runs(status, …) is indexed, and the count is of runs, never of results.
 */
export function runPage(
  db: Db,
  opts: { status?: RunStatus; ids?: number[]; limit: number; offset: number },
): { rows: RunRow[]; total: number } {
  const where = `(@status IS NULL OR r.status = @status) AND (@ids IS NULL OR r.id IN (SELECT value FROM json_each(@ids)))`;
  const params = { status: opts.status ?? null, ids: opts.ids ? JSON.stringify(opts.ids) : null };
  const rows = db.$client
    .prepare(
      `SELECT r.id, r.model_id AS modelId, m.label AS modelLabel, s.id AS suiteId, s.version AS suiteVersion,
              r.status, r.settings, r.samples, r.expected, r.pass_count AS passCount, r.fail_count AS failCount,
              r.error_count AS errorCount, r.refusal_count AS refusalCount, r.temperature, r.cost_usd AS costUsd, r.origin, r.message, r.created_at AS createdAt,
              r.started_at AS startedAt, r.finished_at AS finishedAt
       FROM runs r JOIN models m ON m.id = r.model_id JOIN suites s ON s.key = r.suite_key
       WHERE ${where} ORDER BY r.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: opts.limit, offset: opts.offset }) as Array<RunRow & { settings: string }>;
  const { total } = db.$client.prepare(`SELECT count(*) AS total FROM runs r WHERE ${where}`).get(params) as { total: number };
  return { rows: rows.map((r) => ({ ...r, settings: JSON.parse(r.settings) as unknown })), total };
}
