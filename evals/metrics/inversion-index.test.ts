import { describe, expect, it } from 'vitest';
import { inversionIndex } from './inversion-index';
import { mulberry32 } from './prng';
import { pair, pairs } from './tally-builders';

const worked = pairs('arithmetic.demo', [['P', 'P'], ['F', 'P'], ['P', 'F'], ['P', 'F']]);

describe('inversionIndex', () => {
  it("is the pooled INV of metrics.md's worked example, with an interval around it", () => {
    const result = inversionIndex(worked);
    expect(result.j).toBe(1 / 2);
    expect(result.lo!).toBeLessThanOrEqual(1 / 2);
    expect(result.hi!).toBeGreaterThanOrEqual(1 / 2);
    expect(result).toMatchObject({ nPairs: 4, excludedPairs: 0, errorSamples: 0 });
    // A resample holds neither of the two solved hard probes with probability (1/2)^4 = 1/16: ~125 of 2,000 draws.
    expect(result.drawsUsed!).toBeGreaterThan(1800);
    expect(result.drawsUsed!).toBeLessThan(1950);
  });

  it('pools over families (each solved hard probe weighs the same)', () => {
    // Family a: 1 of 1 solved hard probe inverted; family b: 0 of 3. Pooled 1/4, not the family mean 1/2.
    const input = [...pairs('x.a', [['F', 'P']]), ...pairs('x.b', [['P', 'P'], ['P', 'P'], ['P', 'P']])];
    expect(inversionIndex(input).j).toBe(1 / 4);
  });

  it.each([
    { name: 'empty', rows: [], j: null, lo: null, hi: null, nPairs: 0, excludedPairs: 0 },
    { name: 'all pass', rows: [['P', 'P'], ['P', 'P']], j: 0, lo: 0, hi: 0, nPairs: 2, excludedPairs: 0 },
    { name: 'all fail', rows: [['F', 'F'], ['F', 'F']], j: null, lo: null, hi: null, nPairs: 2, excludedPairs: 0 },
    { name: 'all error', rows: [['E', 'E'], ['E', 'E']], j: null, lo: null, hi: null, nPairs: 0, excludedPairs: 2 },
    { name: 'every solved hard inverted', rows: [['F', 'P'], ['F', 'P'], ['F', 'F']], j: 1, lo: 1, hi: 1, nPairs: 3, excludedPairs: 0 },
  ] as Array<{ name: string; rows: Array<[string, string]>; j: number | null; lo: number | null; hi: number | null; nPairs: number; excludedPairs: number }>)(
    '$name',
    ({ rows, j, lo, hi, nPairs, excludedPairs }) => {
      expect(inversionIndex(pairs('x.y', rows))).toMatchObject({ j, lo, hi, nPairs, excludedPairs });
    },
  );

  it('k > 1: J = Σ (1 − p(e))·p(h) / Σ p(h)', () => {
    // p(e) = 1/2, 1/4; p(h) = 1, 1/2 → (1/2·1 + 3/4·1/2) / (3/2) = 7/12
    expect(inversionIndex(pairs('x.y', [['PF', 'PP'], ['PFFF', 'PF']])).j).toBeCloseTo(7 / 12, 12);
  });

  it('leaves out pairs with an all-error probe and says so', () => {
    const input = [...worked, pair('arithmetic.demo#9', 'arithmetic.demo', 'F', 'E')];
    expect(inversionIndex(input)).toMatchObject({ j: 1 / 2, nPairs: 4, excludedPairs: 1, errorSamples: 1 });
  });

  describe('bootstrap', () => {
    const random = mulberry32(99);
    const outcome = (p: number) => (random() < p ? 'P' : 'F');
    const many = Array.from({ length: 200 }, (_, i) => pair(`x.y#${i}`, 'x.y', outcome(0.8), outcome(0.5)));

    it('is deterministic for a seed and depends on it', () => {
      expect(inversionIndex(many, { seed: 1 })).toEqual(inversionIndex(many, { seed: 1 }));
      const a = inversionIndex(many, { seed: 1 });
      const b = inversionIndex(many, { seed: 2 });
      expect([a.lo, a.hi]).not.toEqual([b.lo, b.hi]);
      expect(a.j).toBe(b.j);
    });

    it.each([1, 2, 3, 4, 5])('contains the point estimate (seed %i)', (seed) => {
      const { j, lo, hi, drawsUsed } = inversionIndex(many, { seed });
      expect(lo!).toBeLessThan(j!);
      expect(hi!).toBeGreaterThan(j!);
      expect(drawsUsed).toBe(2000);
    });

    it('narrows with more pairs', () => {
      const small = inversionIndex(many.slice(0, 50));
      const large = inversionIndex(many);
      expect(large.hi! - large.lo!).toBeLessThan(small.hi! - small.lo!);
    });

    it('takes the number of draws and refuses a bad one', () => {
      expect(inversionIndex(many, { draws: 50 }).drawsUsed).toBe(50);
      expect(() => inversionIndex(many, { draws: 0 })).toThrow(/draws must be a positive integer/);
    });
  });
});
