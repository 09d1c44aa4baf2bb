import type { Db } from '../../db/client';

/** A run a worker holds the lease of. */
export interface ClaimedRun {
  id: number;
  modelId: string;
  suiteKey: number;
  settings: unknown;
}

/**
 * The job queue behind runs. SQLite implements it with a lease column on `runs`; a Postgres deployment would put a
 * queue engine (e.g. pg-boss) behind the same four calls.
 */
export interface RunQueue {
  /** Takes the oldest queued run, or a running one whose lease expired (its worker died). `runId` restricts it to one run. */
  claim(workerId: string, leaseMs: number, runId?: number): ClaimedRun | null;
  /** Extends the lease. Returns false when the lease was lost or the run was cancelled: the worker must stop. */
  heartbeat(runId: number, workerId: string, leaseMs: number): boolean;
  /** Ends the run (completed / failed) and drops the lease, unless it was cancelled meanwhile. */
  finish(runId: number, workerId: string, status: 'completed' | 'failed', message?: string): void;
  /** Gives the lease back without ending the run (shutdown): another worker may take it at once. */
  release(runId: number, workerId: string): void;
}

export function createSqliteRunQueue(db: Db, now: () => number = Date.now): RunQueue {
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
    claim(workerId, leaseMs, runId) {
      const t = now();
      const row = claimStmt.get({ workerId, expires: t + leaseMs, now: t, runId: runId ?? null }) as
        | { id: number; modelId: string; suiteKey: number; settings: string }
        | undefined;
      return row ? { ...row, settings: JSON.parse(row.settings) as unknown } : null;
    },
    heartbeat(runId, workerId, leaseMs) {
      return heartbeatStmt.run({ runId, workerId, expires: now() + leaseMs }).changes === 1;
    },
    finish(runId, workerId, status, message) {
      finishStmt.run({ runId, workerId, status, message: message ?? null, now: now() });
    },
    release(runId, workerId) {
      releaseStmt.run({ runId, workerId });
    },
  };
}
