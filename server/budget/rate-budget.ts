import type { SqlRunner } from '../../db/store/store';
import { ensureRateSlots, takeRateSlot } from '../../db/queries/rate-slots';
import type { RateLimit } from './rate-limit';

/** How a budget waits: a cancellable sleep (tests inject one that advances their clock). */
export type AbortableSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RateBudgetOptions {
  /** The time in epoch ms; default: the database's clock, the one clock every machine shares. */
  now?: () => number;
  sleep?: AbortableSleep;
  /** See GUARD_MS (tests of the slot arithmetic set 0). */
  guardMs?: number;
  /** Elapsed time on this machine, for the guard (default performance.now). */
  elapsed?: () => number;
}

/**
 * The database stamps a grant when its statement runs; the request leaves this machine a little later, by a delay
 * that varies (a busy database, event loop or machine). Measured across three workers on two cores, that variation
 * let up to 29 requests leave in a second under a limit of 25 per second. So a slot is reused only W + GUARD_MS after
 * its last grant, and a grant that took longer than GUARD_MS from asking to using is not used (its slot stays spent;
 * the request asks again): two requests on one slot then leave at least W apart.
 */
export const GUARD_MS = 250;

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
 * The shared budget over `rate_slots`. Guarantee, per endpoint: at most `limit.requests` requests leave the workers
 * in any window of `limit.perSeconds` seconds, summed over every process on every machine sharing the database. Why:
 * there are L slots; the database grants a slot only W + GUARD_MS after its last grant (its own clock, one for all
 * machines), and a worker uses a grant only within GUARD_MS of asking for it; so two requests on one slot leave at
 * least W apart, and L + 1 requests in one window would need two on one slot. Runs on one endpoint with different
 * limits: each stays within its own, all together within the largest. No lock is held while waiting: a process that
 * dies mid-wait costs nothing.
 */
export function createRateBudget(db: SqlRunner, options: RateBudgetOptions = {}): RateBudget {
  const sleep = options.sleep ?? sleepUnlessAborted;
  const guardMs = options.guardMs ?? GUARD_MS;
  const elapsed = options.elapsed ?? (() => performance.now());
  const ensured = new Set<string>();
  return {
    async acquire(endpoint, limit, signal) {
      const windowMs = Math.round(limit.perSeconds * 1000) + guardMs;
      const key = `${endpoint}\n${limit.requests}`;
      if (!ensured.has(key)) {
        await ensureRateSlots(db, endpoint, limit.requests);
        ensured.add(key);
      }
      for (;;) {
        if (signal?.aborted) throw signal.reason as Error;
        const asked = elapsed();
        const take = await takeRateSlot(db, { endpoint, limit: limit.requests, windowMs, now: options.now?.() });
        if (take.granted) {
          if (guardMs > 0 && elapsed() - asked > guardMs) continue; // too late to use safely: ask again
          return take.at;
        }
        // 0 means a concurrent taker won the slot we saw: try again at once (another may be free).
        if (take.waitMs > 0) await sleep(Math.min(take.waitMs, MAX_WAIT_STEP_MS), signal);
      }
    },
  };
}
