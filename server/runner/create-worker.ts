import type { Store } from '../../db/store';
import { createSchedulerRegistry, providerFor } from './endpoints';
import { createSqlRunQueue } from './run-queue';
import { Worker, type WorkerOptions } from './worker';

/**
 * A worker wired the one usual way: the SQL lease queue of the store (SQLite or PostgreSQL), the OpenAI-compatible provider and a fresh per-endpoint
 * scheduler. Every place that works runs (dashboard server, `sawtooth worker`, `eval`, tests, benches) starts here;
 * `opts` sets the lease, polling and callbacks, and may swap a part for a test.
 */
export function createWorker(store: Store, opts: Partial<Omit<WorkerOptions, 'store'>> = {}): Worker {
  return new Worker({ store, queue: createSqlRunQueue(store), provider: providerFor, scheduler: createSchedulerRegistry(), ...opts });
}
