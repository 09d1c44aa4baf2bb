import type { SqlRunner } from '../../db/store/store';
import { ensureRateSlots, takeRateSlot } from '../../db/queries/rate-slots';
import type { RateLimit } from './rate-limit';

/** How a budget waits: a cancellable sleep (tests inject one that advances their clock). */
export type AbortableSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RateBudgetOptions {
  /** The time in epoch ms; default: the database's clock, the one clock every machine shares. */
  now?: () => number;
  sleep?: AbortableSleep;
}

export interface RateBudget {
  /**
   * Waits until a request to `endpoint` may start under `limit`, then counts it. Rejects with the signal's reason when
   * the signal aborts while waiting (nothing is counted then). Returns the start time granted (epoch ms).
   */
  acquire(endpoint: string, limit: RateLimit, signal?: AbortSignal): Promise<number>;
}

export const sleepUnlessAborted: AbortableSleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** A wait is cut into steps of at most this, so a limit another run raised meanwhile is noticed. */
const MAX_WAIT_STEP_MS = 1_000;

/**
 * The shared budget over `rate_slots`. Guarantee: for each endpoint, at most `limit.requests` acquisitions are granted
 * in any window of `limit.perSeconds` seconds, measured on the database's clock, across every process sharing the
 * database (runs on one endpoint with different limits: each stays within its own, and all together within the
 * largest). Holding no lock while waiting: a process that dies mid-wait costs nothing.
 */
export function createRateBudget(db: SqlRunner, options: RateBudgetOptions = {}): RateBudget {
  const sleep = options.sleep ?? sleepUnlessAborted;
  const ensured = new Set<string>();
  return {
    async acquire(endpoint, limit, signal) {
      const windowMs = Math.round(limit.perSeconds * 1000);
      const key = `${endpoint}\n${limit.requests}`;
      if (!ensured.has(key)) {
        await ensureRateSlots(db, endpoint, limit.requests);
        ensured.add(key);
      }
      for (;;) {
        if (signal?.aborted) throw signal.reason as Error;
        const take = await takeRateSlot(db, { endpoint, limit: limit.requests, windowMs, now: options.now?.() });
        if (take.granted) return take.at;
        // 0 means a concurrent taker won the slot we saw: try again at once (another may be free).
        if (take.waitMs > 0) await sleep(Math.min(take.waitMs, MAX_WAIT_STEP_MS), signal);
      }
    },
  };
}
