import type { Db } from '../client';

/** A run's status, or undefined when there is no run with that id. */
export function runStatusOf(db: Db, runId: number): string | undefined {
  return db.$client.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(runId) as string | undefined;
}

/** Who holds a run's lease and until when (both null when nobody does). */
export function runLeaseOf(db: Db, runId: number): { owner: string | null; expiresAt: number | null } | undefined {
  return db.$client.prepare('SELECT lease_owner AS owner, lease_expires_at AS expiresAt FROM runs WHERE id = ?').get(runId) as
    | { owner: string | null; expiresAt: number | null }
    | undefined;
}

/** Marks a run cancelled at `finishedAt` and drops its lease (its worker sees it at the next heartbeat). */
export function markRunCancelled(db: Db, runId: number, finishedAt: number): void {
  db.$client
    .prepare(`UPDATE runs SET status = 'cancelled', lease_owner = NULL, lease_expires_at = NULL, finished_at = ? WHERE id = ?`)
    .run(finishedAt, runId);
}

/** Marks a run completed at `finishedAt` (fixtures that stored a run's results themselves, without a worker). */
export function markRunCompleted(db: Db, runId: number, finishedAt: number): void {
  db.$client.prepare(`UPDATE runs SET status = 'completed', finished_at = ? WHERE id = ?`).run(finishedAt, runId);
}

/** Puts a run back in the queue: no lease, no end time, no message (a worker answers what is missing). */
export function requeueRun(db: Db, runId: number): void {
  db.$client
    .prepare(`UPDATE runs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, finished_at = NULL, message = NULL WHERE id = ?`)
    .run(runId);
}

/**
 * Deletes a run's `error` results and queues it again with its error counter lowered to match, in one transaction.
 * Returns how many errors were deleted.
 */
export function requeueWithoutErrors(db: Db, runId: number): number {
  return db.$client.transaction(() => {
    const removed = db.$client.prepare(`DELETE FROM results WHERE run_id = ? AND outcome = 'error'`).run(runId).changes;
    db.$client
      .prepare(`UPDATE runs SET error_count = error_count - ?, status = 'queued', lease_owner = NULL, lease_expires_at = NULL,
        finished_at = NULL, message = NULL WHERE id = ?`)
      .run(removed, runId);
    return removed;
  })();
}
