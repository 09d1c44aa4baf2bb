import { liveWorkers } from '../../db/queries/worker-registry';
import type { SqlRunner } from '../../db/store';
import type { LeaseCheck } from '../runner/lease-holder';
import { PRESENCE_TTL_MS } from './worker-presence';

/**
 * Why a chunked run (PostgreSQL) still has a live worker, or null when none holds a chunk of it: the worker registry
 * names the workers that heartbeated within its TTL and what they work on; a worker on this host whose process is
 * gone (kill -9) is not counted, as for a whole-run lease.
 */
export async function liveChunkHolder(db: SqlRunner, runId: number, check: LeaseCheck): Promise<string | null> {
  const holders = (await liveWorkers(db, PRESENCE_TTL_MS)).filter(
    (w) => w.runId === runId && !(w.host === check.host && !check.isAlive(w.pid)),
  );
  if (holders.length === 0) return null;
  const [first] = holders;
  const others = holders.length > 1 ? ` and ${holders.length - 1} more worker(s)` : '';
  return `pid ${first!.pid} on host ${first!.host} holds chunk ${first!.chunk ?? '?'} of it${others}`;
}
