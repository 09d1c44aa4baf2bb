import type { SqlRunner } from '../../db/store';
import { markRunCancelled, requeueRun, requeueWithoutErrors, runLeaseOf, runStatusOf } from '../../db/queries/run-state';
import { liveLeaseCheck, liveLeaseHolder, type LeaseCheck } from './lease-holder';
import { CHUNKED_LEASE_OWNER } from '../../db/queries/run-chunks';
import { liveChunkHolder } from '../queue/chunk-holders';

export class RunStateError extends Error {}

async function runStatus(db: SqlRunner, runId: number): Promise<string> {
  const status = await runStatusOf(db, runId);
  if (status === undefined) throw new RunStateError(`no run with id ${runId}`);
  return status;
}

/** Cancels a queued or running run. Its worker sees the change at its next heartbeat and stops; stored results stay. */
export async function cancelRun(db: SqlRunner, runId: number): Promise<void> {
  const status = await runStatus(db, runId);
  if (status !== 'queued' && status !== 'running') throw new RunStateError(`run ${runId} is ${status}: only a queued or running run can be cancelled`);
  await markRunCancelled(db, runId, Date.now());
}

/**
 * Queues a cancelled, failed (or completed but incomplete) run again: a worker answers only what is missing. A run
 * still marked running whose worker is gone (lease expired, given back at Ctrl-C, or its process on this host is
 * dead after kill -9) is taken over at once; a live holder is named.
 */
export async function resumeRun(db: SqlRunner, runId: number, check: LeaseCheck = liveLeaseCheck()): Promise<void> {
  const status = await runStatus(db, runId);
  if (status === 'queued') throw new RunStateError(`run ${runId} is already queued`);
  if (status === 'running') {
    const lease = (await runLeaseOf(db, runId))!;
    // A chunked run (PostgreSQL) has no one lease: any live worker holding one of its chunks keeps it running.
    const holder = lease.owner === CHUNKED_LEASE_OWNER ? await liveChunkHolder(db, runId, check) : liveLeaseHolder(lease.owner, lease.expiresAt, check);
    if (holder) throw new RunStateError(`run ${runId} is running: ${holder}; cancel it first, or wait for that worker`);
  }
  await requeueRun(db, runId);
}

/**
 * Deletes a finished run's `error` results and queues it again, so that exactly those probes are asked again.
 * Passes and fails are kept as they are. Returns how many errors will be retried.
 */
export async function retryRunErrors(db: SqlRunner, runId: number): Promise<number> {
  const status = await runStatus(db, runId);
  if (status === 'queued' || status === 'running') throw new RunStateError(`run ${runId} is ${status}: wait for it to finish or cancel it first`);
  return requeueWithoutErrors(db, runId);
}
