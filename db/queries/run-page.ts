import { sql } from 'drizzle-orm';
import { inList } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';
import { RUN_STATUSES } from '../schema';
import { parseRunRow, RUN_COLUMNS, type RunRow } from './runs';

// The statuses a run page may filter on (the routers validate with them; the schema stays inside db/).
export { RUN_STATUSES };
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * One page of runs, newest first, optionally of one status and/or some ids, with the total that matches (for the
 * pager). Reads only the page's rows: runs(status, …) is indexed, and the count is of runs, never of results.
 */
export async function runPage(
  db: SqlRunner,
  opts: { status?: RunStatus; ids?: number[]; limit: number; offset: number },
): Promise<{ rows: RunRow[]; total: number }> {
  const where = sql`${opts.status === undefined ? sql`true` : sql`r.status = ${opts.status}`}
    AND ${opts.ids === undefined ? sql`true` : inList(db, sql`r.id`, opts.ids)}`;
  const rows = await db.all<RunRow & { settings: string }>(sql`
    SELECT ${RUN_COLUMNS}
    FROM runs r JOIN models m ON m.id = r.model_id JOIN suites s ON s.key = r.suite_key
    WHERE ${where} ORDER BY r.id DESC LIMIT ${opts.limit} OFFSET ${opts.offset}`);
  const { total } = (await db.get<{ total: number }>(sql`SELECT count(*) AS total FROM runs r WHERE ${where}`))!;
  return { rows: rows.map(parseRunRow), total };
}
