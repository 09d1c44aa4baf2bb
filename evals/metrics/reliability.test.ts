import { describe, expect, it } from 'vitest';
import { pearson, reliability } from './reliability';
import type { PairTally } from './tally';
import { pairs } from './tally-builders';

const rows = (n: number, easy: string, hard: string) => Array.from({ length: n }, () => [easy, hard] as const);

describe('reliability', () => {
  it.each([
    { name: 'empty', input: [], samples: null, single: false, stability: null, split: false },
    { name: 'all error', input: pairs('a.x', rows(3, 'EE', 'EE')), samples: null, single: false, stability: null, split: false },
    { name: 'k = 1: rests on one sample', input: pairs('a.x', rows(3, 'P', 'F')), samples: { min: 1, max: 1 }, single: true, stability: null, split: false },
    { name: 'all pass, k = 2', input: pairs('a.x', rows(3, 'PP', 'PP')), samples: { min: 2, max: 2 }, single: false, stability: 1, split: true },
    { name: 'all fail, k = 2', input: pairs('a.x', rows(3, 'FF', 'FF')), samples: { min: 2, max: 2 }, single: false, stability: 1, split: true },
    // Pair 1 unanimous on both tiers, pair 2 split on easy: stability ½.
    { name: 'one of two pairs stable', input: pairs('a.x', [['PP', 'PP'], ['PF', 'PP']]), samples: { min: 2, max: 2 }, single: false, stability: 0.5, split: true },
    // Errors and refusals are not samples: "PE" has one graded sample.
    { name: 'mixed k: an error leaves one sample', input: pairs('a.x', [['PE', 'PP'], ['PR', 'FF']]), samples: { min: 1, max: 2 }, single: true, stability: 1, split: false },
  ] as Array<{ name: string; input: PairTally[]; samples: object | null; single: boolean; stability: number | null; split: boolean }>)(
    '$name',
    ({ input, samples, single, stability, split }) => {
      const result = reliability(input, { splits: 5 });
      expect(result.samples).toEqual(samples);
      expect(result.singleSample).toBe(single);
      expect(result.stability).toBe(stability);
      expect(result.splitHalf !== null).toBe(split);
    },
  );

  it('agrees fully when every sample gives the same answer', () => {
    // Family a.x flipped in every sample, b.y ordered: both halves see the same, excess ½ and −½: r = 1.
    const input = [...pairs('a.x', rows(10, 'FF', 'PP')), ...pairs('b.y', rows(10, 'PP', 'FF'))];
    expect(reliability(input, { splits: 5 }).splitHalf).toEqual({ splits: 5, agreement: 1, verdictAgreement: 1, correlation: 1 });
  });

  it('deals partial fails as partial: a half-right twinned tier stays no evidence in each half', () => {
    // a.x: easy tier half right in every sample (H), hard passed: never flipped, excess 0. b.y: flipped, excess ½.
    // Were partials dealt as outright fails, both families would flip in both halves and r would be undefined.
    const input = [...pairs('a.x', rows(10, 'HH', 'PP')), ...pairs('b.y', rows(10, 'FF', 'PP'))];
    expect(reliability(input, { splits: 5 }).splitHalf).toEqual({ splits: 5, agreement: 1, verdictAgreement: 1, correlation: 1 });
  });

  it('deals samples without inventing any', () => {
    // 4 samples per tier, half passing: each half gets 2 graded samples; the verdict may differ, counts stay valid.
    const result = reliability(pairs('a.x', rows(10, 'PPFF', 'PFPF')), { splits: 10 });
    expect(result.splitHalf!.agreement).toBeGreaterThanOrEqual(0);
    expect(result.splitHalf!.agreement).toBeLessThanOrEqual(1);
    expect(result.stability).toBe(0);
  });
});

describe('pearson', () => {
  it.each([
    { x: [1, 2, 3], y: [2, 4, 6], r: 1 },
    { x: [1, 2, 3], y: [3, 2, 1], r: -1 },
    { x: [1, 2, 3], y: [1, 1, 1], r: null },
    { x: [1], y: [1], r: null },
    { x: [], y: [], r: null },
  ])('r($x, $y) = $r', ({ x, y, r }) => {
    const got = pearson(x, y);
    if (r === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(r, 12);
  });
});
