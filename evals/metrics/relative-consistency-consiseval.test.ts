import { describe, expect, it } from 'vitest';
import { relativeConsistency } from './relative-consistency';
import { relativeConsistencyConsisEval } from './relative-consistency-consiseval';
import type { PairTally } from './tally';
import { pairs } from './tally-builders';

describe('relativeConsistencyConsisEval (analysis.py)', () => {
  // Hand-computed with analysis.py's rule: UB = the smallest bound strictly above CS and below 1, else 1.
  it.each([
    { name: 'empty', input: [], rcs: null, ours: null },
    { name: 'all error', input: pairs('a.x', [['E', 'E']]), rcs: null, ours: null },
    { name: 'all fail: CS undefined', input: pairs('a.x', [['F', 'F'], ['F', 'F']]), rcs: null, ours: null },
    // CS = LB = 1 and every bound is 1: the script would divide by zero.
    { name: 'all pass', input: pairs('a.x', [['P', 'P'], ['P', 'P']]), rcs: null, ours: null },
    // The tie of the issue: CS = UB_sort = ½; the script moves on to the marginal bounds ⅔: (½ − ⅓)/(⅔ − ⅓).
    { name: 'tie: easy [1,0,0], hard [1,1,0]', input: pairs('a.x', [['P', 'P'], ['F', 'P'], ['F', 'F']]), rcs: 0.5, ours: 1 },
    // CS = LB = ½, every bound is 1: (½ − ½)/(1 − ½) = 0; ours agrees.
    { name: 'independence', input: pairs('a.x', [['P', 'P'], ['P', 'F'], ['F', 'P'], ['F', 'F']]), rcs: 0, ours: 0 },
  ] as Array<{ name: string; input: PairTally[]; rcs: number | null; ours: number | null }>)('$name', ({ input, rcs, ours }) => {
    const got = relativeConsistencyConsisEval(input);
    if (rcs === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(rcs, 12);
    const mine = relativeConsistency(input).rcs;
    if (ours === null) expect(mine).toBeNull();
    else expect(mine).toBeCloseTo(ours, 12);
  });
});
