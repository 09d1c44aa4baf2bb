import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../providers';
import { retryDelayMs } from './backoff';

const policy = { baseDelayMs: 500, maxDelayMs: 30_000, retryAfterCapMs: 60_000 };
const serverError: ProviderError = { kind: 'server_error', message: 'x', retryable: true };

describe('retryDelayMs', () => {
  it('doubles the jitter ceiling per retry, up to maxDelayMs', () => {
    const atCeiling = () => 0.999999;
    expect([0, 1, 2, 3, 6, 7, 20].map((i) => retryDelayMs(serverError, i, policy, atCeiling))).toEqual([499, 999, 1999, 3999, 29999, 29999, 29999]);
  });

  it('is full jitter: anywhere from 0 to the ceiling', () => {
    expect(retryDelayMs(serverError, 3, policy, () => 0)).toBe(0);
    expect(retryDelayMs(serverError, 3, policy, () => 0.5)).toBe(2000);
  });

  it('honours retry-after exactly, capped at retryAfterCapMs', () => {
    const random = () => 0.5;
    expect(retryDelayMs({ ...serverError, kind: 'rate_limited', retryAfterMs: 2_500 }, 0, policy, random)).toBe(2_500);
    expect(retryDelayMs({ ...serverError, kind: 'rate_limited', retryAfterMs: 120_000 }, 0, policy, random)).toBe(60_000);
  });
});
