/**
 * Slows down guessing the access token at /login: after `maxFailures` wrong tokens within `windowMs`, the form
 * refuses every attempt (right or wrong) until the oldest failure leaves the window. One counter for the whole
 * server, not per address: a client's address is whatever X-Forwarded-For claims, and this dashboard has one
 * user. The lock-out only closes the form; a bearer header or an existing session cookie still works.
 */
export interface LoginThrottle {
  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  waitSeconds(): number;
  failed(): void;
  succeeded(): void;
}

export function createLoginThrottle(opts: { maxFailures?: number; windowMs?: number; now?: () => number } = {}): LoginThrottle {
  const maxFailures = opts.maxFailures ?? 10;
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let failures: number[] = [];
  const recent = () => {
    const t = now();
    failures = failures.filter((at) => t - at < windowMs);
    return t;
  };
  return {
    waitSeconds() {
      const t = recent();
      return failures.length < maxFailures ? 0 : Math.max(1, Math.ceil((failures[0]! + windowMs - t) / 1000));
    },
    failed() {
      recent();
      failures.push(now());
    },
    succeeded() {
      failures = [];
    },
  };
}

const globalForThrottle = globalThis as unknown as { sawtoothLoginThrottle?: LoginThrottle };

/** The server process's one throttle (kept on globalThis so that dev reloads do not reset it). */
export function loginThrottle(): LoginThrottle {
  globalForThrottle.sawtoothLoginThrottle ??= createLoginThrottle();
  return globalForThrottle.sawtoothLoginThrottle;
}
