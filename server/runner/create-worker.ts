import type { Db } from '../../db/client';
import { createSchedulerRegistry, providerFor } from './endpoints';
import { createSqliteRunQueue } from './run-queue';
import { Worker, type WorkerOptions } from './worker';

/**
 * A worker wired the one usual way: the SQLite lease queue, the OpenAI-compatible provider and a fresh per-endpoint
 * scheduler. Every place that works runs (dashboard server, `sawtooth worker`, `eval`, tests, benches) starts here;
 * `opts` sets the lease, polling and callbacks, and may swap a part for a test.
 */
export function createWorker(db: Db, opts: Partial<Omit<WorkerOptions, 'db'>> = {}): Worker {
  return new Worker({ db, queue: createSqliteRunQueue(db), provider: providerFor, scheduler: createSchedulerRegistry(), ...opts });
}
