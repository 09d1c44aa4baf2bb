import type { Db } from '../client';

/** A run row as the queue hands it to a worker (settings still JSON text). */
export interface ClaimedRunRow {
  id: number;
  modelId: string;
  suiteKey: number;
  settings: string;
}

/** The lease statements of the run queue over `runs` (status + lease columns), prepared once per queue. */
export interface RunLeaseQueries {
  /** Leases the oldest queued run, or a running one whose lease expired before `now` (`runId`: only that run). */
  claim(p: { workerId: string; expires: number; now: number; runId: number | null }): ClaimedRunRow | undefined;
  /** Extends a held lease of a running run; false when the lease is someone else's or the run left `running`. */
  heartbeat(p: { runId: number; workerId: string; expires: number }): boolean;
  /** Ends a running run this worker holds, dropping the lease. */
  finish(p: { runId: number; workerId: string; status: 'completed' | 'failed'; message: string | null; now: number }): void;
  /** Drops this worker's lease without ending the run. */
  release(p: { runId: number; workerId: string }): void;
}

export function runLeaseQueries(db: Db): RunLeaseQueries {
  const sqlite = db.$client;
  const claimStmt = sqlite.prepare(`
    UPDATE runs SET status = 'running', lease_owner = @workerId, lease_expires_at = @expires,
      started_at = coalesce(started_at, @now)
    WHERE id = (
      SELECT id FROM runs
      WHERE (status = 'queued' OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < @now)))
        AND (@runId IS NULL OR id = @runId)
      ORDER BY id LIMIT 1)
    RETURNING id, model_id AS modelId, suite_key AS suiteKey, settings`);
  const heartbeatStmt = sqlite.prepare(`
    UPDATE runs SET lease_expires_at = @expires
    WHERE id = @runId AND lease_owner = @workerId AND status = 'running'`);
  const finishStmt = sqlite.prepare(`
    UPDATE runs SET status = @status, message = @message, finished_at = @now, lease_owner = NULL, lease_expires_at = NULL
    WHERE id = @runId AND lease_owner = @workerId AND status = 'running'`);
  const releaseStmt = sqlite.prepare(`
    UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = @runId AND lease_owner = @workerId`);
  return {
    claim: (p) => claimStmt.get(p) as ClaimedRunRow | undefined,
    heartbeat: (p) => heartbeatStmt.run(p).changes === 1,
    finish: (p) => void finishStmt.run(p),
    release: (p) => void releaseStmt.run(p),
  };
}
