import { describe, expect, it } from 'vitest';
import { pair, pairs } from './tally-builders';
import { tierAccuracy } from './tier-accuracy';
import { wilson } from './wilson';

// metrics.md's worked example: k = 1, one family, four pairs.
const worked = pairs('arithmetic.demo', [
  ['P', 'P'],
  ['F', 'P'],
  ['P', 'F'],
  ['P', 'F'],
]);

describe('tierAccuracy', () => {
  it('uses Wilson on the worked example (k = 1)', () => {
    const easy = tierAccuracy(worked, 'easy');
    const hard = tierAccuracy(worked, 'hard');
    expect(easy).toMatchObject({ acc: 3 / 4, n: 4, samples: 4, method: 'wilson', excludedPairs: 0, errorSamples: 0 });
    expect(hard).toMatchObject({ acc: 2 / 4, n: 4, method: 'wilson' });
    expect([easy.lo, easy.hi]).toEqual([wilson(3, 4).lo, wilson(3, 4).hi]);
    expect(easy.lo).toBeCloseTo(0.3006, 4);
    expect(easy.hi).toBeCloseTo(0.9544, 4);
  });

  it.each([
    { name: 'all pass', rows: [['P', 'P'], ['P', 'P']], easy: 1, hard: 1 },
    { name: 'all fail', rows: [['F', 'F'], ['F', 'F']], easy: 0, hard: 0 },
    { name: 'hard only', rows: [['F', 'P'], ['F', 'P']], easy: 0, hard: 1 },
  ] as const)('$name', ({ rows, easy, hard }) => {
    const family = pairs('logic.case', rows);
    expect(tierAccuracy(family, 'easy').acc).toBe(easy);
    expect(tierAccuracy(family, 'hard').acc).toBe(hard);
  });

  it('is empty for no pairs and for all-error pairs, counting what it left out', () => {
    expect(tierAccuracy([], 'easy')).toEqual({
      acc: null, lo: null, hi: null, n: 0, samples: 0, errorSamples: 0, excludedPairs: 0, method: null,
    });
    const allError = pairs('logic.case', [['EE', 'E'], ['E', 'EEE']]);
    expect(tierAccuracy(allError, 'easy')).toMatchObject({ acc: null, n: 0, errorSamples: 3, excludedPairs: 2 });
    expect(tierAccuracy(allError, 'hard')).toMatchObject({ acc: null, n: 0, errorSamples: 4, excludedPairs: 2 });
  });

  it('leaves out a pair whose OTHER probe has only errors, so both tiers rest on the same pairs', () => {
    const family = [...worked, pair('arithmetic.demo#5', 'arithmetic.demo', 'P', 'EE')];
    const easy = tierAccuracy(family, 'easy');
    expect(easy).toMatchObject({ acc: 3 / 4, n: 4, excludedPairs: 1, errorSamples: 0 });
    expect(tierAccuracy(family, 'hard')).toMatchObject({ acc: 2 / 4, n: 4, excludedPairs: 1, errorSamples: 2 });
  });

  it('still uses Wilson when errors leave one graded sample per probe', () => {
    const family = pairs('logic.case', [['PEE', 'F'], ['EF', 'P']]);
    expect(tierAccuracy(family, 'easy')).toMatchObject({ acc: 1 / 2, method: 'wilson', samples: 2, errorSamples: 3 });
  });

  describe('k > 1: bootstrap over pairs', () => {
    // p(e) = 2/3, 1/3, 1, 0, 2/3 → acc_e = 8/15
    const family = pairs('logic.multi', [
      ['PPF', 'PFF'],
      ['PFF', 'FFF'],
      ['PPP', 'PPF'],
      ['FFF', 'FFF'],
      ['PFP', 'PPP'],
    ]);

    it('reports the mean pass rate with an interval around it', () => {
      const easy = tierAccuracy(family, 'easy');
      expect(easy.method).toBe('bootstrap');
      expect(easy.acc).toBeCloseTo(8 / 15, 12);
      expect(easy.samples).toBe(15);
      expect(easy.lo!).toBeLessThan(easy.acc!);
      expect(easy.hi!).toBeGreaterThan(easy.acc!);
      // A mean of pass rates in [0, 1] resampled from {0, 1/3, 2/3, 1} cannot leave those limits.
      expect(easy.lo!).toBeGreaterThanOrEqual(0);
      expect(easy.hi!).toBeLessThanOrEqual(1);
    });

    it('is deterministic for a seed and moves with the seed', () => {
      // 40 pairs with k = 4 and varied pass rates, so quantiles are not pinned to a few discrete values.
      const outcomes = ['PPPP', 'PPPF', 'PPFF', 'PFFF', 'FFFF', 'PPPF', 'PPFF'];
      const varied = Array.from({ length: 40 }, (_, i) =>
        pair(`logic.varied#${i}`, 'logic.varied', outcomes[i % 7]!, outcomes[(i * 3) % 7]!),
      );
      const first = tierAccuracy(varied, 'hard', { seed: 7 });
      expect(tierAccuracy(varied, 'hard', { seed: 7 })).toEqual(first);
      const others = [8, 9, 10].map((seed) => tierAccuracy(varied, 'hard', { seed }));
      expect(others.some((other) => other.lo !== first.lo || other.hi !== first.hi)).toBe(true);
    });

    it('collapses to a point when every pair has the same pass rate', () => {
      const flat = pairs('logic.flat', [['PF', 'PF'], ['FP', 'PF'], ['PF', 'FP']]);
      expect(tierAccuracy(flat, 'easy')).toMatchObject({ acc: 0.5, lo: 0.5, hi: 0.5, method: 'bootstrap' });
    });
  });
});
