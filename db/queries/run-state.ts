import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** A run's status, or undefined when there is no run with that id. */
export async function runStatusOf(db: SqlRunner, runId: number): Promise<string | undefined> {
  return (await db.get<{ status: string }>(sql`SELECT status FROM runs WHERE id = ${runId}`))?.status;
}

/** Who holds a run's lease and until when (both null when nobody does). */
export async function runLeaseOf(db: SqlRunner, runId: number): Promise<{ owner: string | null; expiresAt: number | null } | undefined> {
  return db.get(sql`SELECT lease_owner AS owner, lease_expires_at AS "expiresAt" FROM runs WHERE id = ${runId}`);
}

/** Marks a run cancelled at `finishedAt` and drops its lease (its worker sees it at the next heartbeat). */
export async function markRunCancelled(db: SqlRunner, runId: number, finishedAt: number): Promise<void> {
  await db.run(sql`
    UPDATE runs SET status = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, finished_at = ${finishedAt} WHERE id = ${runId}`);
}

/** Marks a run completed at `finishedAt` (fixtures that stored a run's results themselves, without a worker). */
export async function markRunCompleted(db: SqlRunner, runId: number, finishedAt: number): Promise<void> {
  await db.run(sql`UPDATE runs SET status = 'completed', finished_at = ${finishedAt} WHERE id = ${runId}`);
}

/** Puts a run back in the queue: no lease, no end time, no message (a worker answers what is missing). */
export async function requeueRun(db: SqlRunner, runId: number): Promise<void> {
  await db.run(sql`
    UPDATE runs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, finished_at = NULL, message = NULL WHERE id = ${runId}`);
}

/**
 * Deletes a run's `error` results and queues it again with its error counter lowered to match, in one transaction.
 * Returns how many errors were deleted.
 */
export async function requeueWithoutErrors(db: SqlRunner, runId: number): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx.run(sql`DELETE FROM results WHERE run_id = ${runId} AND outcome = 'error'`);
    await tx.run(sql`
      UPDATE runs SET error_count = error_count - ${removed}, status = 'queued', lease_owner = NULL, lease_expires_at = NULL,
        finished_at = NULL, message = NULL WHERE id = ${runId}`);
    return removed;
  });
}
