import { claimRunLease, extendRunLease, finishRunLease, releaseRunLease } from '../../db/queries/run-leases';
import type { SqlRunner } from '../../db/store';

/** A run a worker holds the lease of. */
export interface ClaimedRun {
  id: number;
  modelId: string;
  suiteKey: number;
  settings: unknown;
  /** A chunk of a chunked run (the PostgreSQL queue, server/queue/): only the pairs at these positions. */
  positions?: { first: number; last: number };
  chunk?: number;
}

/**
 * The job queue behind runs: the only thing a worker knows about it. The SQL lease queue below implements it with a
 * lease column on `runs` (SQLite and PostgreSQL alike); another queue engine (e.g. pg-boss) can sit behind the same
 * four calls.
 */
export interface RunQueue {
  /** Takes the oldest queued run, or a running one whose lease expired (its worker died). `runId` restricts it to one run. */
  claim(workerId: string, leaseMs: number, runId?: number): Promise<ClaimedRun | null>;
  /** Extends the lease. Resolves false when the lease was lost or the run was cancelled: the worker must stop. */
  heartbeat(runId: number, workerId: string, leaseMs: number): Promise<boolean>;
  /**
   * Ends the run (completed / failed) and drops the lease, unless it was cancelled meanwhile. A chunked queue resolves
   * whether this call ended it (of two workers ending the last chunks at once, one does).
   */
  finish(runId: number, workerId: string, status: 'completed' | 'failed', message?: string): Promise<boolean | void>;
  /** Gives the lease back without ending the run (shutdown): another worker may take it at once. */
  release(runId: number, workerId: string): Promise<void>;
  /**
   * Chunked queues only: the claimed chunk is answered. Resolves true when it was the run's last chunk (the worker
   * then ends the run with `finish`), false when other chunks remain (possibly in other workers' hands).
   */
  chunkDone?(runId: number, workerId: string): Promise<boolean>;
  /** Stops the queue's background work (pg-boss maintenance); the store stays open. */
  close?(): Promise<void>;
}

/** The lease queue over `runs` (status + lease columns) of a store, on either engine. */
export function createSqlRunQueue(db: SqlRunner, now: () => number = Date.now): RunQueue {
  return {
    async claim(workerId, leaseMs, runId) {
      const t = now();
      const row = await claimRunLease(db, { workerId, expires: t + leaseMs, now: t, runId: runId ?? null });
      return row ? { ...row, settings: JSON.parse(row.settings) as unknown } : null;
    },
    heartbeat(runId, workerId, leaseMs) {
      return extendRunLease(db, { runId, workerId, expires: now() + leaseMs });
    },
    finish(runId, workerId, status, message) {
      return finishRunLease(db, { runId, workerId, status, message: message ?? null, now: now() });
    },
    release(runId, workerId) {
      return releaseRunLease(db, { runId, workerId });
    },
  };
}
