import { describe, expect, it } from 'vitest';
import { clusteredMcnemar } from './clustered-mcnemar';
import { mcnemarExact } from './mcnemar';

describe('clusteredMcnemar', () => {
  // Hand-computed: p = share of sign flips of the nonzero d_j with |Σ| ≥ |observed Σ|.
  it.each([
    { name: 'empty', d: [], pairs: 0, p: 1 },
    { name: 'all ties (every pair nets to 0)', d: [0, 0, 0], pairs: 0, p: 1 },
    { name: 'one pair +2', d: [2], pairs: 1, p: 1 },
    { name: 'five pairs +1: McNemar b = 0, c = 5', d: [1, 1, 1, 1, 1], pairs: 5, p: 2 / 32 },
    { name: 'ten pairs +2: only the two one-sign flips reach 20', d: Array(10).fill(2), pairs: 10, p: 2 / 1024 },
    // d = [2, 1, −1]: Σ = 2; flips give Σ ∈ {±2 ± 1 ± 1}: |Σ| ≥ 2 in 6 of 8 (all but +2−1−1... and −2+1+1 → 0).
    { name: 'mixed sizes and signs', d: [2, 1, -1], pairs: 3, p: 6 / 8 },
    // d = [2, 2, 1]: Σ = 5; |Σ| = 5 only for all-plus or all-minus: 2/8.
    { name: 'mixed, one-sided', d: [2, 2, 1], pairs: 3, p: 2 / 8 },
  ])('$name', ({ d, pairs, p }) => {
    const result = clusteredMcnemar(d);
    expect(result.discordantPairs).toBe(pairs);
    expect(result.p).toBeCloseTo(p, 12);
  });

  it('is McNemar’s exact test when each pair has one discordant probe', () => {
    expect(clusteredMcnemar([1, 1, 1, -1, 1, 1, 1]).p).toBe(mcnemarExact(1, 6));
  });

  it('stays finite for thousands of pairs', () => {
    const { p } = clusteredMcnemar([...Array(1500).fill(2), ...Array(1500).fill(-2), 1]);
    expect(p).toBeGreaterThan(0.9);
    expect(p).toBeLessThanOrEqual(1);
  });

  it('names a difference outside −2..2', () => {
    expect(() => clusteredMcnemar([1, 3])).toThrow(/pair 1 has difference 3; expected an integer in −2..2/);
  });
});
