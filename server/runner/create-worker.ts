import type { Store } from '../../db/store';
import { withRateBudget } from '../budget/budgeted-provider';
import { createRateBudget } from '../budget/rate-budget';
import { chunkRunQueue, DEFAULT_CHUNK_LEASE_MS } from '../queue/chunk-queue';
import { createSchedulerRegistry, providerFor } from './endpoints';
import { createSqlRunQueue } from './run-queue';
import { cachedListedScope } from './listed-scope-cache';
import { Worker, type WorkerOptions } from './worker';

/**
 * A worker wired the one usual way: the queue of the store's engine (SQLite: the lease over `runs`, one worker per
 * run; PostgreSQL: runs cut into chunks on pg-boss, several workers per run, server/queue/), the OpenAI-compatible
 * provider behind the shared rate budget, and a fresh per-endpoint scheduler. Every place that works runs (dashboard
 * server, `sawtooth worker`, `eval`, tests, benches) starts here; `opts` sets the lease, polling and callbacks, and
 * may swap a part for a test.
 */
export function createWorker(store: Store, opts: Partial<Omit<WorkerOptions, 'store'>> = {}): Worker {
  const chunked = store.dialect === 'pg';
  const leaseMs = opts.leaseMs ?? (chunked ? DEFAULT_CHUNK_LEASE_MS : undefined);
  const queue = chunked ? chunkRunQueue(store, { leaseMs }) : createSqlRunQueue(store);
  const provider = withRateBudget(providerFor, createRateBudget(store));
  // A chunk worker finding nothing looks again soon: the run it waits for may be planned by another worker any moment.
  const pollMs = opts.pollMs ?? (chunked ? 250 : undefined);
  return new Worker({ store, queue, provider, scheduler: createSchedulerRegistry(), listedScope: cachedListedScope(), ...opts, leaseMs, pollMs });
}
