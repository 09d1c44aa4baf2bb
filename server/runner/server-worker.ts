import { serverDb } from '../db';
import { env } from '../env';
import { Worker } from './worker';
import { createWorker } from './create-worker';

const globalForWorker = globalThis as unknown as { sawtoothWorker?: Worker };

/** Starts the dashboard server's own worker (once per process), unless SAWTOOTH_WORKER=0. */
export function startServerWorker(): void {
  if (env().SAWTOOTH_WORKER === '0' || globalForWorker.sawtoothWorker) return;
  const db = serverDb();
  const worker = createWorker(db, { pollMs: 1_000 });
  globalForWorker.sawtoothWorker = worker;
  worker.start();
  const stop = () => void worker.stop();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
