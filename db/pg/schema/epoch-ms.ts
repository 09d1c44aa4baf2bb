import { sql } from 'drizzle-orm';
import { bigint } from 'drizzle-orm/pg-core';

/**
 * A time as epoch milliseconds, as the SQLite schema stores every time (its `timestamp_ms` columns and the plain
 * integer ones alike), so that the raw queries that compare and return these numbers mean the same on both dialects.
 * bigint: epoch ms overflow PostgreSQL's 4-byte integer; read back as a JS number (exact up to 2^53).
 */
export function epochMs(name: string) {
  return bigint(name, { mode: 'number' });
}

/** The default of a creation time: now, in epoch ms (SQLite's `unixepoch('subsec') * 1000`). */
export const nowEpochMs = sql`((extract(epoch from now()) * 1000)::bigint)`;
