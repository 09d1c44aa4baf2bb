import { describe, expect, it } from 'vitest';
import { thinkingTime } from './thinking-time';

describe('thinkingTime', () => {
  it('gives n, mean and median per family and tier, families in id order, easy before hard', () => {
    const rows = [
      { family: 'b.fam', tier: 'hard' as const, ticks: 30 },
      { family: 'a.fam', tier: 'easy' as const, ticks: 4 },
      { family: 'a.fam', tier: 'easy' as const, ticks: 10 },
      { family: 'a.fam', tier: 'easy' as const, ticks: 1 },
      { family: 'a.fam', tier: 'hard' as const, ticks: 8 },
      { family: 'a.fam', tier: 'hard' as const, ticks: 20 },
      { family: 'b.fam', tier: 'hard' as const, ticks: 10 },
    ];
    expect(thinkingTime(rows)).toEqual([
      { family: 'a.fam', tier: 'easy', n: 3, mean: 5, median: 4 },
      { family: 'a.fam', tier: 'hard', n: 2, mean: 14, median: 14 },
      { family: 'b.fam', tier: 'easy', n: 0, mean: null, median: null },
      { family: 'b.fam', tier: 'hard', n: 2, mean: 20, median: 20 },
    ]);
  });

  it('is empty for no rows', () => {
    expect(thinkingTime([])).toEqual([]);
  });

  it('sorts ticks numerically for the median (10 after 9)', () => {
    const ticks = [10, 9, 100, 2, 11];
    expect(thinkingTime(ticks.map((t) => ({ family: 'x.y', tier: 'easy' as const, ticks: t })))[0]!.median).toBe(10);
  });
});
