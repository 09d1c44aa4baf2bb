import { describe, expect, it } from 'vitest';
import { mcnemarExact } from './mcnemar';

describe('mcnemarExact', () => {
  // Exact two-sided binomial p-values, computed with exact fractions: 2·Σ_{i ≤ min} C(n, i) / 2^n, capped at 1.
  it.each([
    { b: 0, c: 5, p: 0.0625 },
    { b: 5, c: 0, p: 0.0625 },
    { b: 1, c: 9, p: 0.021484375 },
    { b: 2, c: 8, p: 0.109375 },
    { b: 10, c: 20, p: 0.09873714670538902 },
    { b: 3, c: 4, p: 1 },
    { b: 4, c: 4, p: 1 },
    { b: 0, c: 0, p: 1 },
    { b: 400, c: 500, p: 0.0009564441369189461 },
    // 2^-3100 underflows a double; the log-space sum does not.
    { b: 1500, c: 1600, p: 0.07537169707532781 },
  ])('b=$b, c=$c → p=$p', ({ b, c, p }) => {
    expect(mcnemarExact(b, c)).toBeCloseTo(p, 12);
    expect(Math.abs(mcnemarExact(b, c) - p) / p).toBeLessThan(1e-9);
  });

  it.each([
    [-1, 2],
    [1.5, 2],
    [2, Number.NaN],
  ])('rejects b=%s, c=%s', (b, c) => {
    expect(() => mcnemarExact(b, c)).toThrow(/non-negative integers/);
  });
});
