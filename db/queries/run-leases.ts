import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** A run row as the queue hands it to a worker (settings still JSON text). */
export interface ClaimedRunRow {
  id: number;
  modelId: string;
  suiteKey: number;
  settings: string;
}

/**
 * Leases the oldest queued run, or a running one whose lease expired before `now` (`runId`: only that run).
 *
 * One statement, so two workers never claim the same run. On SQLite the write lock serializes claims. On PostgreSQL
 * (READ COMMITTED) the sub-select locks the row it picks and skips rows another claim holds (`FOR UPDATE SKIP
 * LOCKED`): a concurrent claim takes the next run instead of waiting and then re-claiming the same one.
 */
export async function claimRunLease(
  db: SqlRunner,
  p: { workerId: string; expires: number; now: number; runId: number | null },
): Promise<ClaimedRunRow | undefined> {
  const claimable = sql`(status = 'queued' OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < ${p.now})))`;
  const onlyRun = p.runId === null ? sql`` : sql` AND id = ${p.runId}`;
  const lock = db.dialect === 'pg' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  return db.get<ClaimedRunRow>(sql`
    UPDATE runs SET status = 'running', lease_owner = ${p.workerId}, lease_expires_at = ${p.expires},
      started_at = coalesce(started_at, ${p.now})
    WHERE id = (SELECT id FROM runs WHERE ${claimable}${onlyRun} ORDER BY id LIMIT 1${lock})
    RETURNING id, model_id AS "modelId", suite_key AS "suiteKey", settings`);
}

/** Extends a held lease of a running run; false when the lease is someone else's or the run left `running`. */
export async function extendRunLease(db: SqlRunner, p: { runId: number; workerId: string; expires: number }): Promise<boolean> {
  const changed = await db.run(sql`
    UPDATE runs SET lease_expires_at = ${p.expires}
    WHERE id = ${p.runId} AND lease_owner = ${p.workerId} AND status = 'running'`);
  return changed === 1;
}

/** Ends a running run this worker holds, dropping the lease. */
export async function finishRunLease(
  db: SqlRunner,
  p: { runId: number; workerId: string; status: 'completed' | 'failed'; message: string | null; now: number },
): Promise<void> {
  await db.run(sql`
    UPDATE runs SET status = ${p.status}, message = ${p.message}, finished_at = ${p.now}, lease_owner = NULL, lease_expires_at = NULL
    WHERE id = ${p.runId} AND lease_owner = ${p.workerId} AND status = 'running'`);
}

/** Drops this worker's lease without ending the run. */
export async function releaseRunLease(db: SqlRunner, p: { runId: number; workerId: string }): Promise<void> {
  await db.run(sql`UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ${p.runId} AND lease_owner = ${p.workerId}`);
}
