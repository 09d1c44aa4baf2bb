import { describe, expect, test } from 'vitest';
import { rankRanges } from './rank-ranges';

describe('rankRanges', () => {
  test('overlapping intervals share ranks; a separated one is ranked alone', () => {
    const ranks = rankRanges([
      { id: 'a', value: 0.5, lo: 0.4, hi: 0.6 },
      { id: 'b', value: 0.45, lo: 0.35, hi: 0.55 },
      { id: 'c', value: 0.1, lo: 0.05, hi: 0.15 },
    ]);
    expect(ranks.get('a')).toEqual({ best: 1, worst: 2 });
    expect(ranks.get('b')).toEqual({ best: 1, worst: 2 });
    expect(ranks.get('c')).toEqual({ best: 3, worst: 3 });
  });

  test('a chain of overlaps: the ends are separated, the middle overlaps both', () => {
    const ranks = rankRanges([
      { id: 'top', value: 0.8, lo: 0.7, hi: 0.9 },
      { id: 'mid', value: 0.65, lo: 0.55, hi: 0.75 },
      { id: 'low', value: 0.5, lo: 0.4, hi: 0.6 },
    ]);
    expect(ranks.get('top')).toEqual({ best: 1, worst: 2 });
    expect(ranks.get('mid')).toEqual({ best: 1, worst: 3 });
    expect(ranks.get('low')).toEqual({ best: 2, worst: 3 });
  });

  test('no value, no rank; no interval ranks by the point', () => {
    const ranks = rankRanges([
      { id: 'none', value: null, lo: null, hi: null },
      { id: 'x', value: 0.2, lo: null, hi: null },
      { id: 'y', value: 0.1, lo: null, hi: null },
    ]);
    expect(ranks.has('none')).toBe(false);
    expect(ranks.get('x')).toEqual({ best: 1, worst: 1 });
    expect(ranks.get('y')).toEqual({ best: 2, worst: 2 });
  });
});
