/**
 * When the database refuses a write for a reason that passes (SQLite or PostgreSQL) — another writer holds the lock past busy_timeout (a
 * large import), or the disk is full until someone frees space — the recorder keeps the batch in memory and tries
 * again after a growing pause. Tests inject `sleep` (no real waiting) and count the pauses asked for.
 */
export interface StoreRetryPolicy {
  sleep: (ms: number) => Promise<void>;
  /** Attempts at one batch before giving up (the run then ends failed, resumable). */
  maxAttempts: number;
  /** The pause before attempt `attempt + 1` (attempt counts from 1). */
  backoffMs: (attempt: number) => number;
}

export const defaultStoreRetry: StoreRetryPolicy = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  maxAttempts: 8,
  backoffMs: (attempt) => Math.min(5_000, 250 * 2 ** (attempt - 1)),
};

/** What a retryable store failure was, in words a user can act on; null when retrying would not help. */
export function retryableStoreFailure(error: unknown): string | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `the database is locked by another writer (${code})`;
  if (code === 'SQLITE_FULL') return 'the disk (or the database size limit) is full (SQLITE_FULL)';
  // PostgreSQL (SQLSTATE codes) and the network under it: conflicts, a full disk, a server restarting or out of
  // connections, a dropped connection. Each passes with time; a constraint or syntax error does not.
  if (code === '40001' || code === '40P01') return `the database aborted the write on a conflict with another writer (${code})`;
  if (code === '53100') return 'the database server\'s disk is full (53100)';
  if (code === '53300' || code === '57P03') return `the database server cannot take the connection right now (${code})`;
  if (code.startsWith('08') || code === '57P01' || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)) {
    return `the connection to the database was lost (${code})`;
  }
  return null;
}

/** One report while the recorder waits out a store failure. */
export interface StoreTrouble {
  reason: string;
  attempt: number;
  /** Results held in memory, not yet stored. */
  pending: number;
  /** The pause before the next attempt; null when the recorder gave up. */
  retryInMs: number | null;
}

/** The recorder gave up: the results it held are not stored (the run stays resumable). */
export class StoreError extends Error {
  constructor(readonly reason: string, readonly pending: number, attempts: number) {
    super(`could not store ${pending} result(s) after ${attempts} attempts: ${reason}`);
    this.name = 'StoreError';
  }
}
