import { describe, expect, it } from 'vitest';
import { deriveSeed, Rng } from './random';

const draws = (seed: number, n = 20) => {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('Rng', () => {
  it('is a pure function of its seed', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('is the reference mulberry32 stream (so a suite seed means the same probes everywhere)', () => {
    // bryc's widely copied reference implementation, kept verbatim in spirit: `a += 0x6D2B79F5` on a JS number.
    function referenceMulberry32(a: number) {
      return () => {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    for (const seed of [0, 1, 12345, 2 ** 31 + 7]) {
      const reference = referenceMulberry32(seed);
      expect(draws(seed, 50)).toEqual(Array.from({ length: 50 }, () => reference()));
    }
  });

  it('int covers both ends of its range and nothing outside it', () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => rng.int(3, 2)).toThrow(/bad range/);
  });

  it('int is roughly uniform', () => {
    const rng = new Rng(99);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(0, 3)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffle returns a permutation and leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = new Rng(3).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(shuffled).not.toEqual(input);
  });

  it('sample picks distinct items and refuses to pick more than there are', () => {
    const picked = new Rng(5).sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(picked).size).toBe(3);
    expect(() => new Rng(5).sample(['a'], 2)).toThrow(/2 of 1/);
    expect(() => new Rng(5).pick([])).toThrow(/empty/);
  });
});

describe('deriveSeed', () => {
  it('is deterministic and separates neighbouring parts', () => {
    expect(deriveSeed('fam', 1, 2)).toBe(deriveSeed('fam', 1, 2));
    const seeds = new Set<number>();
    for (let i = 0; i < 1000; i++) seeds.add(deriveSeed('fam', 1, i));
    expect(seeds.size).toBe(1000);
    // "1" the string and 1 the number are different parts; so are ("ab", "c") and ("a", "bc").
    expect(deriveSeed('1')).not.toBe(deriveSeed(1));
    expect(deriveSeed('ab', 'c')).not.toBe(deriveSeed('a', 'bc'));
  });
});
