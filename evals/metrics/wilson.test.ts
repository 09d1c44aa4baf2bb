import { describe, expect, it } from 'vitest';
import { wilson } from './wilson';

describe('wilson', () => {
  // Reference values: Wilson (1927) score interval, z = 1.96, computed by hand (and matching R's prop.test(correct=FALSE)).
  it.each([
    { passes: 8, n: 10, acc: 0.8, lo: 0.4902, hi: 0.9433 },
    { passes: 5, n: 10, acc: 0.5, lo: 0.2366, hi: 0.7634 },
    { passes: 0, n: 10, acc: 0, lo: 0, hi: 0.2775 },
    { passes: 10, n: 10, acc: 1, lo: 0.7225, hi: 1 },
    { passes: 1, n: 1, acc: 1, lo: 0.2065, hi: 1 },
    { passes: 0, n: 1, acc: 0, lo: 0, hi: 0.7935 },
  ])('$passes/$n → [$lo, $hi]', ({ passes, n, acc, lo, hi }) => {
    const interval = wilson(passes, n);
    expect(interval.acc).toBe(acc);
    expect(interval.lo).toBeCloseTo(lo, 4);
    expect(interval.hi).toBeCloseTo(hi, 4);
    expect(interval.n).toBe(n);
  });

  it('has no estimate for n = 0', () => {
    expect(wilson(0, 0)).toEqual({ acc: null, lo: null, hi: null, n: 0 });
  });

  it('widens with z', () => {
    const narrow = wilson(8, 10, 1);
    const wide = wilson(8, 10, 2.576);
    expect(wide.lo!).toBeLessThan(narrow.lo!);
    expect(wide.hi!).toBeGreaterThan(narrow.hi!);
  });

  it.each([
    [11, 10],
    [-1, 10],
    [1.5, 10],
    [0, -1],
  ])('rejects passes=%s, n=%s', (passes, n) => {
    expect(() => wilson(passes, n)).toThrow(/wilson/);
  });
});
