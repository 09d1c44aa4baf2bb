import { hostname } from 'node:os';
import { heartbeatWorker, removeWorker } from '../../db/queries/worker-registry';
import type { SqlRunner } from '../../db/store/store';

/** How often a worker says it is alive, and how long after its last word `sawtooth workers` forgets it. */
export const PRESENCE_INTERVAL_MS = 5_000;
export const PRESENCE_TTL_MS = 30_000;

export interface WorkerPresence {
  /** What the worker works on now (null: idle); written at once. */
  working(runId: number | null, chunk?: number | null): Promise<void>;
  /** Leaves the registry (a clean stop). */
  stop(): Promise<void>;
}

/**
 * Keeps this worker's row of the `workers` registry fresh while it runs. A failed heartbeat (database busy or
 * unreachable) is skipped: the next one tries again, and the row only ages out if the silence lasts the whole TTL.
 */
export async function startWorkerPresence(
  db: SqlRunner,
  opts: { id: string; intervalMs?: number; ttlMs?: number; pid?: number; host?: string },
): Promise<WorkerPresence> {
  const ttlMs = opts.ttlMs ?? PRESENCE_TTL_MS;
  const me = { id: opts.id, host: opts.host ?? hostname(), pid: opts.pid ?? process.pid, ttlMs };
  let runId: number | null = null;
  let chunk: number | null = null;
  const beat = () => heartbeatWorker(db, { ...me, runId, chunk });
  await beat();
  const timer = setInterval(() => void beat().catch(() => {}), opts.intervalMs ?? PRESENCE_INTERVAL_MS);
  timer.unref();
  return {
    async working(run, part = null) {
      runId = run;
      chunk = part;
      await beat().catch(() => {});
    },
    async stop() {
      clearInterval(timer);
      await removeWorker(db, me.id).catch(() => {});
    },
  };
}
