import type { ProviderError } from '../providers';

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterCapMs: number;
}

/**
 * How long to wait before retry number `retryIndex` (0 = the first retry).
 * The endpoint's Retry-After wins, capped (openai 6.49 would sleep whatever a server says); otherwise exponential
 * backoff with full jitter, random() × min(max, base × 2^retryIndex), which spreads a burst of failures out.
 */
export function retryDelayMs(error: ProviderError, retryIndex: number, policy: BackoffPolicy, random: () => number): number {
  if (error.retryAfterMs !== undefined) return Math.min(Math.max(0, error.retryAfterMs), policy.retryAfterCapMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}
