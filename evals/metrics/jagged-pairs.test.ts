import { describe, expect, it } from 'vitest';
import { jaggedPairs } from './jagged-pairs';
import { pairs } from './tally-builders';

describe('jaggedPairs', () => {
  it.each([
    { name: "metrics.md's worked example: pair 2", rows: [['P', 'P'], ['F', 'P'], ['P', 'F'], ['P', 'F']], ids: ['#2'] },
    { name: 'empty', rows: [], ids: [] },
    { name: 'all pass', rows: [['P', 'P'], ['P', 'P']], ids: [] },
    { name: 'all fail', rows: [['F', 'F'], ['F', 'F']], ids: [] },
    { name: 'all error', rows: [['E', 'E'], ['E', 'P']], ids: [] },
    // k > 1: a tie (1/2 vs 1/2) is not jagged; 1/3 < 2/3 is.
    { name: 'k > 1', rows: [['PF', 'FP'], ['PFF', 'PPF'], ['PPP', 'PPF']], ids: ['#2'] },
    { name: 'several, input order kept', rows: [['F', 'P'], ['P', 'P'], ['F', 'P']], ids: ['#1', '#3'] },
  ] as Array<{ name: string; rows: Array<[string, string]>; ids: string[] }>)('$name', ({ rows, ids }) => {
    const jagged = jaggedPairs(pairs('commonsense.demo', rows));
    expect(jagged.map((pair) => pair.pairId)).toEqual(ids.map((id) => `commonsense.demo${id}`));
  });

  it('carries both pass rates as evidence', () => {
    expect(jaggedPairs(pairs('commonsense.demo', [['PFF', 'PPF']]))).toEqual([
      { pairId: 'commonsense.demo#1', family: 'commonsense.demo', domain: 'commonsense', pEasy: 1 / 3, pHard: 2 / 3 },
    ]);
  });
});
