import { describe, expect, it } from 'vitest';
import { Mulberry32 } from './prng';
import { stratifiedBootstrap } from './stratified-bootstrap';

describe('stratifiedBootstrap', () => {
  it('resamples each family within itself, drawing the same indices as Mulberry32.index', () => {
    const seen: number[][][] = [];
    stratifiedBootstrap([2, 0, 3], { draws: 4, seed: 9 }, (rows) => seen.push(rows.map((r) => [...r])));
    const random = new Mulberry32(9);
    const expected = Array.from({ length: 4 }, () => [[random.index(2), random.index(2)], [], [random.index(3), random.index(3), random.index(3)]]);
    expect(seen).toEqual(expected);
  });

  it('visits nothing but empty rows for empty families, and every draw', () => {
    let draws = 0;
    stratifiedBootstrap([], { draws: 5 }, (rows) => {
      expect(rows).toEqual([]);
      draws++;
    });
    expect(draws).toBe(5);
  });

  it('names bad draws', () => {
    expect(() => stratifiedBootstrap([1], { draws: 0 }, () => undefined)).toThrow(/draws must be a positive integer, got 0/);
  });
});
