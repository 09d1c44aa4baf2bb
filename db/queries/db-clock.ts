import { sql, type SQL } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/**
 * Now in epoch ms as an SQL expression: the database's clock, the one clock every machine sharing the database agrees
 * on (PostgreSQL: the wall clock at this moment, not the transaction's start; SQLite: its host's, which is every
 * worker's). A test may bind its own `now` instead.
 */
export function dbNow(db: SqlRunner, now?: number): SQL {
  if (now !== undefined) return sql`CAST(${now} AS BIGINT)`;
  return db.dialect === 'pg'
    ? sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql`CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
}
