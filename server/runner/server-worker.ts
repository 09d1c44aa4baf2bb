import { serverStore } from '../db';
import { env } from '../env';
import { Worker } from './worker';
import { createWorker } from './create-worker';
import { newWorkerId } from './lease-holder';
import { startWorkerPresence } from '../queue/worker-presence';

const globalForWorker = globalThis as unknown as { sawtoothWorker?: Worker };

/**
 * Starts the dashboard server's own worker (once per process) on the server's store (the SQLite file, or PostgreSQL
 * with SAWTOOTH_DATABASE_URL), unless SAWTOOTH_WORKER=0. A store that cannot be opened is reported and the server
 * keeps serving (its pages report the same error).
 */
export async function startServerWorker(): Promise<void> {
  if (env().SAWTOOTH_WORKER === '0' || globalForWorker.sawtoothWorker) return;
  let store;
  try {
    store = await serverStore();
  } catch (error) {
    console.error(`sawtooth: the dashboard's worker did not start: ${(error as Error).message}`);
    return;
  }
  if (globalForWorker.sawtoothWorker) return; // another start won the race while the store opened
  const workerId = newWorkerId();
  const presence = await startWorkerPresence(store, { id: workerId }).catch(() => undefined);
  if (globalForWorker.sawtoothWorker) return void (await presence?.stop()); // lost the race while registering
  const worker = createWorker(store, {
    workerId,
    presence,
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
