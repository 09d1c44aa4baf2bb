import { describe, expect, it } from 'vitest';
import { consistency, independenceBaseline, inversionRate } from './consistency';
import { pair, pairs } from './tally-builders';

const worked: Array<[string, string]> = [
  ['P', 'P'],
  ['F', 'P'],
  ['P', 'F'],
  ['P', 'F'],
];

// Hand-computed: CS = Σ p(e)p(h) / Σ p(h); INV = 1 − CS; baseline = 1 − mean p(e) over the used pairs.
const cases: Array<{
  name: string;
  rows: Array<[string, string]>;
  cs: number | null;
  baseline: number | null;
  nPairs: number;
  excludedPairs: number;
  errorSamples: number;
}> = [
  { name: "metrics.md's worked example", rows: worked, cs: 1 / 2, baseline: 1 / 4, nPairs: 4, excludedPairs: 0, errorSamples: 0 },
  { name: 'empty', rows: [], cs: null, baseline: null, nPairs: 0, excludedPairs: 0, errorSamples: 0 },
  { name: 'all pass', rows: [['P', 'P'], ['P', 'P'], ['P', 'P']], cs: 1, baseline: 0, nPairs: 3, excludedPairs: 0, errorSamples: 0 },
  // No hard probe solved: nothing to be consistent with.
  { name: 'all fail', rows: [['F', 'F'], ['F', 'F']], cs: null, baseline: 1, nPairs: 2, excludedPairs: 0, errorSamples: 0 },
  { name: 'all error', rows: [['E', 'E'], ['EE', 'E']], cs: null, baseline: null, nPairs: 0, excludedPairs: 2, errorSamples: 5 },
  { name: 'every hard solved, every easy failed', rows: [['F', 'P'], ['F', 'P']], cs: 0, baseline: 1, nPairs: 2, excludedPairs: 0, errorSamples: 0 },
  {
    name: 'worked example plus an all-error hard probe (left out)',
    rows: [...worked, ['P', 'EE']],
    cs: 1 / 2,
    baseline: 1 / 4,
    nPairs: 4,
    excludedPairs: 1,
    errorSamples: 2,
  },
  // k > 1: p(e) = 1/2, 1; p(h) = 1/2, 1/4 → Σ p(h) = 3/4, Σ p(e)p(h) = 1/4 + 1/4 → CS = 2/3; baseline = 1 − 3/4.
  { name: 'k > 1', rows: [['PF', 'PF'], ['PP', 'PFFF']], cs: 2 / 3, baseline: 1 / 4, nPairs: 2, excludedPairs: 0, errorSamples: 0 },
  // Errors among graded samples only shrink k: p(e) = 1 (one graded sample), p(h) = 1/2.
  { name: 'errors beside graded samples', rows: [['EPE', 'PF'], ['F', 'PEP']], cs: 1 / 3, baseline: 1 / 2, nPairs: 2, excludedPairs: 0, errorSamples: 3 },
];

describe('consistency, inversionRate, independenceBaseline', () => {
  it.each(cases)('$name', ({ rows, cs, baseline, nPairs, excludedPairs, errorSamples }) => {
    const family = pairs('arithmetic.demo', rows);
    const coverage = { nPairs, excludedPairs, errorSamples };
    const gotCs = consistency(family);
    const gotInv = inversionRate(family);
    expect(gotCs).toMatchObject(coverage);
    expect(gotInv).toMatchObject(coverage);
    expect(independenceBaseline(family)).toMatchObject({ ...coverage, baseline });
    if (cs === null) {
      expect(gotCs.cs).toBeNull();
      expect(gotInv.inv).toBeNull();
    } else {
      expect(gotCs.cs).toBeCloseTo(cs, 12);
      expect(gotInv.inv).toBeCloseTo(1 - cs, 12);
    }
  });

  it('with k = 1, INV is n01 / (n11 + n01)', () => {
    // n11 = 3 (both solved), n01 = 2 (easy failed, hard solved), plus pairs with the hard probe failed.
    const family = pairs('logic.k1', [['P', 'P'], ['P', 'P'], ['P', 'P'], ['F', 'P'], ['F', 'P'], ['P', 'F'], ['F', 'F']]);
    expect(inversionRate(family).inv).toBeCloseTo(2 / 5, 12);
  });

  it('refuses a pair id given twice (it would be counted twice)', () => {
    const twice = [pair('a.b#1', 'a.b', 'P', 'P'), pair('a.b#1', 'a.b', 'F', 'P')];
    expect(() => consistency(twice)).toThrow(/"a\.b#1" appears twice/);
  });
});
