import { describe, expect, it } from 'vitest';
import { rankWithinNoise } from './rank-within-noise';

describe('rankWithinNoise', () => {
  it.each([
    { name: 'empty', rows: [], ranks: [] },
    { name: 'separated', rows: [{ value: 0.1, lo: 0.05, hi: 0.15 }, { value: 0.5, lo: 0.4, hi: 0.6 }], ranks: [2, 1] },
    // B's interval reaches A's lower bound: tied at 1; C does not reach A's: competition rank 3.
    {
      name: 'ties within noise',
      rows: [{ value: 0.5, lo: 0.4, hi: 0.6 }, { value: 0.45, lo: 0.3, hi: 0.55 }, { value: 0.2, lo: 0.1, hi: 0.3 }],
      ranks: [1, 1, 3],
    },
    // All null-model indices at 0 with [0, small] intervals: one tie.
    { name: 'all zero', rows: [{ value: 0, lo: 0, hi: 0.01 }, { value: 0, lo: 0, hi: 0 }], ranks: [1, 1] },
    { name: 'no value is unranked', rows: [{ value: null, lo: null, hi: null }, { value: 0.3, lo: 0.2, hi: 0.4 }], ranks: [null, 1] },
    // Without intervals, only equal values tie.
    { name: 'no intervals', rows: [{ value: 0.3, lo: null, hi: null }, { value: 0.3, lo: null, hi: null }, { value: 0.1, lo: null, hi: null }], ranks: [1, 1, 3] },
  ])('$name', ({ rows, ranks }) => {
    expect(rankWithinNoise(rows)).toEqual(ranks);
  });
});
