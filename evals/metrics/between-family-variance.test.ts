import { describe, expect, it } from 'vitest';
import { betweenFamilyVariance } from './between-family-variance';
import type { PairTally } from './tally';
import { pairs } from './tally-builders';

const easy = (family: string, outcomes: string) => pairs(family, [...outcomes].map((e) => [e, 'P'] as const));

describe('betweenFamilyVariance (τ, net of binomial noise)', () => {
  // Hand-computed: U² = population variance of the family easy accuracies y_f; v_f = s_f² / n_f;
  // τ² = max(0, U² − (F − 1)/F · mean v_f).
  it.each([
    { name: 'empty', input: [], tau: null, nFamilies: 0, excluded: 0 },
    { name: 'all error', input: [...easy('a.x', 'EE'), ...easy('b.y', 'EE')], tau: null, nFamilies: 0, excluded: 0 },
    { name: 'one family: no between-family variance', input: easy('a.x', 'PF'), tau: null, nFamilies: 1, excluded: 0 },
    { name: 'all pass: U = 0, v = 0', input: [...easy('a.x', 'PP'), ...easy('b.y', 'PP')], tau: 0, nFamilies: 2, excluded: 0 },
    { name: 'all fail', input: [...easy('a.x', 'FF'), ...easy('b.y', 'FF')], tau: 0, nFamilies: 2, excluded: 0 },
    // y = 1 and 0 with no within-family spread: U² = ¼, τ = ½.
    { name: 'real difference, no noise', input: [...easy('a.x', 'PP'), ...easy('b.y', 'FF')], tau: 0.5, nFamilies: 2, excluded: 0 },
    // Same y = ½: U² = 0, τ² = max(0, 0 − ½·¼) = 0.
    { name: 'equal families', input: [...easy('a.x', 'PF'), ...easy('b.y', 'PF')], tau: 0, nFamilies: 2, excluded: 0 },
    // y = ¾ and ¼, s² = ¼ each, v = 1/16: U² = 1/16, τ² = 1/16 − ½·1/16 = 1/32.
    { name: 'noise removed', input: [...easy('a.x', 'PPPF'), ...easy('b.y', 'FFFP')], tau: Math.sqrt(1 / 32), nFamilies: 2, excluded: 0 },
    // A one-pair family has no within-family variance: left out.
    { name: 'one-pair family left out', input: [...easy('a.x', 'PP'), ...easy('b.y', 'FF'), ...easy('c.z', 'P')], tau: 0.5, nFamilies: 2, excluded: 1 },
  ] as Array<{ name: string; input: PairTally[]; tau: number | null; nFamilies: number; excluded: number }>)(
    '$name',
    ({ input, tau, nFamilies, excluded }) => {
      const result = betweenFamilyVariance(input, { draws: 200 });
      if (tau === null) {
        expect(result.tau).toBeNull();
        expect(result.lo).toBeNull();
      } else {
        expect(result.tau).toBeCloseTo(tau, 12);
        expect(result.lo).toBeLessThanOrEqual(result.hi!);
      }
      expect(result.nFamilies).toBe(nFamilies);
      expect(result.excludedFamilies).toBe(excluded);
    },
  );

  it('has a degenerate interval when resampling cannot change anything', () => {
    const result = betweenFamilyVariance([...easy('a.x', 'PP'), ...easy('b.y', 'FF')], { draws: 200 });
    expect(result.lo).toBeCloseTo(0.5, 12);
    expect(result.hi).toBeCloseTo(0.5, 12);
  });
});
