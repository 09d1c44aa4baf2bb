import { serverDb } from '../db';
import { env } from '../env';
import { Worker } from './worker';
import { createWorker } from './create-worker';

const globalForWorker = globalThis as unknown as { sawtoothWorker?: Worker };

/** Starts the dashboard server's own worker (once per process), unless SAWTOOTH_WORKER=0. */
export function startServerWorker(): void {
  if (env().SAWTOOTH_WORKER === '0' || globalForWorker.sawtoothWorker) return;
  const db = serverDb();
  const worker = createWorker(db, {
    pollMs: 1_000,
    // The database refuses writes, so the run page cannot show this: the server log does.
    onStoreTrouble: (runId, t) => console.error(`sawtooth: run ${runId}: ${t.pending} result(s) held in memory: ${t.reason}` +
      (t.retryInMs === null ? `; gave up after ${t.attempt} attempts (the run ends failed, resumable)` : `; retrying in ${t.retryInMs} ms`)),
  });
  globalForWorker.sawtoothWorker = worker;
  worker.start();
  const stop = () => void worker.stop();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
