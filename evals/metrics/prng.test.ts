import { describe, expect, it } from 'vitest';
import { percentileInterval, resampledSums } from './bootstrap';
import { Mulberry32, mulberry32 } from './prng';

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('is uniform on [0, 1) to within sampling noise', () => {
    const random = mulberry32(1);
    const bins = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const u = random();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]!++;
    }
    // Each bin: mean 10,000, SD ≈ 95; 6 SD is never reached by a sound generator.
    for (const count of bins) expect(Math.abs(count - draws / 10)).toBeLessThan(600);
  });
});

describe('percentileInterval', () => {
  it('interpolates linearly between order statistics (R type 7)', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => 100 - i); // 100..0, unsorted on purpose
    const interval = percentileInterval(values, 0.9)!;
    expect(interval.lo).toBeCloseTo(5, 10);
    expect(interval.hi).toBeCloseTo(95, 10);
    expect(interval.drawsUsed).toBe(101);
    expect(percentileInterval(Float64Array.from([0, 1]), 0.5)).toEqual({ lo: 0.25, hi: 0.75, drawsUsed: 2 });
  });

  it('skips undefined (NaN) draws and is null when none is defined', () => {
    expect(percentileInterval(Float64Array.from([NaN, 3, NaN, 1]), 1)).toEqual({ lo: 1, hi: 3, drawsUsed: 2 });
    expect(percentileInterval(Float64Array.from([NaN, NaN]))).toBeNull();
    expect(percentileInterval(new Float64Array(0))).toBeNull();
  });
});

describe('percentileInterval against a full sort', () => {
  /** Type-7 quantile by sorting a copy: the obvious reference. */
  function reference(values: number[], q: number): number {
    const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const position = (sorted.length - 1) * q;
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
  }

  it.each([1, 2, 3, 7, 50, 2000])('agrees on %i random values with many ties and some NaN', (length) => {
    const random = mulberry32(length);
    for (let trial = 0; trial < 20; trial++) {
      // Few distinct values, as bootstrap draws of k = 1 data are; plus the odd NaN.
      const values = Array.from({ length }, () => (random() < 0.05 ? NaN : Math.floor(random() * 7) / 6));
      const finite = values.filter((v) => !Number.isNaN(v)).length;
      const got = percentileInterval(Float64Array.from(values));
      if (finite === 0) {
        expect(got).toBeNull();
        continue;
      }
      expect(got!.lo).toBeCloseTo(reference(values, 0.025), 12);
      expect(got!.hi).toBeCloseTo(reference(values, 0.975), 12);
      expect(got!.drawsUsed).toBe(finite);
    }
  });
});

describe('resampledSums', () => {
  it('draws exactly the indices Mulberry32.index draws (its inlined generator is the same one)', () => {
    const n = 37;
    const draws = 25;
    const seed = 123456789;
    // x = the row index, y = 1: per draw, sumX is the sum of the drawn indices and sumY counts them.
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = new Float64Array(n).fill(1);
    const sums = resampledSums(x, y, { draws, seed });
    const generator = new Mulberry32(seed);
    for (let d = 0; d < draws; d++) {
      let expected = 0;
      for (let i = 0; i < n; i++) expected += generator.index(n);
      expect(sums.sumX[d]).toBe(expected);
      expect(sums.sumY[d]).toBe(n);
    }
  });

  it('sums x·y per draw', () => {
    const sums = resampledSums(Float64Array.from([2]), Float64Array.from([3]), { draws: 3 });
    expect([...sums.sumXY]).toEqual([6, 6, 6]);
  });
});
