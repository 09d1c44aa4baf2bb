import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';
import { dbNow } from './db-clock';

/**
 * The statements of the shared rate budget (server/budget/): `rate_slots` holds, per endpoint, L slots with the time
 * each last let a request start. Times come from the database's clock (one clock for every machine), unless a test
 * injects `now`.
 */

/** Creates slots 1..limit of an endpoint that do not exist yet (free: last used at 0). Idempotent. */
export async function ensureRateSlots(db: SqlRunner, endpoint: string, limit: number): Promise<void> {
  await db.run(sql`
    WITH RECURSIVE n(slot) AS (SELECT 1 UNION ALL SELECT slot + 1 FROM n WHERE slot < ${limit})
    INSERT INTO rate_slots (endpoint, slot, used_at) SELECT ${endpoint}, slot, 0 FROM n WHERE true
    ON CONFLICT (endpoint, slot) DO NOTHING`);
}

export type SlotTake = { granted: true; at: number } | { granted: false; waitMs: number };

/**
 * Takes the least recently used of the endpoint's first `limit` slots if it was last used at least `windowMs` ago, in
 * ONE statement: on PostgreSQL the candidate row is locked (`FOR UPDATE SKIP LOCKED`, so concurrent takers pick
 * different slots) and the condition is checked again on the row as updated; SQLite runs one writer at a time. When
 * none is free, says how long until the oldest one is (0: a concurrent taker won the race; try again at once).
 */
export async function takeRateSlot(
  db: SqlRunner,
  p: { endpoint: string; limit: number; windowMs: number; now?: number },
): Promise<SlotTake> {
  const clock = dbNow(db, p.now);
  const lock = db.dialect === 'pg' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const taken = await db.get<{ at: number }>(sql`
    WITH clock AS (SELECT ${clock} AS now),
    free AS (
      SELECT slot FROM rate_slots
      WHERE endpoint = ${p.endpoint} AND slot <= ${p.limit} AND used_at <= (SELECT now FROM clock) - ${p.windowMs}
      ORDER BY used_at LIMIT 1 ${lock})
    UPDATE rate_slots SET used_at = (SELECT now FROM clock)
    WHERE endpoint = ${p.endpoint} AND slot = (SELECT slot FROM free)
      AND used_at <= (SELECT now FROM clock) - ${p.windowMs}
    RETURNING used_at AS "at"`);
  if (taken) return { granted: true, at: Number(taken.at) };
  const wait = await db.get<{ waitMs: number | null }>(sql`
    SELECT min(used_at) + ${p.windowMs} - ${dbNow(db, p.now)} AS "waitMs"
    FROM rate_slots WHERE endpoint = ${p.endpoint} AND slot <= ${p.limit}`);
  return { granted: false, waitMs: Math.max(0, Number(wait?.waitMs ?? 0)) };
}
