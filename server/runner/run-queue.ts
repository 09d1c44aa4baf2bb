import type { Db } from '../../db/client';
import { runLeaseQueries } from '../../db/queries/run-leases';

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
  const leases = runLeaseQueries(db);
  return {
    claim(workerId, leaseMs, runId) {
      const t = now();
      const row = leases.claim({ workerId, expires: t + leaseMs, now: t, runId: runId ?? null });
      return row ? { ...row, settings: JSON.parse(row.settings) as unknown } : null;
    },
    heartbeat(runId, workerId, leaseMs) {
      return leases.heartbeat({ runId, workerId, expires: now() + leaseMs });
    },
    finish(runId, workerId, status, message) {
      leases.finish({ runId, workerId, status, message: message ?? null, now: now() });
    },
    release(runId, workerId) {
      leases.release({ runId, workerId });
    },
  };
}
