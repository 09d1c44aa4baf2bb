import { describe, expect, it } from 'vitest';
import { relativeConsistency } from './relative-consistency';
import { mulberry32 } from './prng';
import { pairs } from './tally-builders';

// Every value hand-computed from the definitions in relative-consistency.ts (exact fractions).
const cases: Array<{
  name: string;
  rows: Array<[string, string]>;
  cs: number;
  lb: number;
  bounds: { sort: number; easyShift: number; hardShift: number };
  ub: number | null;
  rcs: number | null;
}> = [
  {
    // P_e = 3/4, P_h = 1/2, gap 1/4. sort: [0,1,1,1]·[0,0,1,1] = 2 → 2/2. easyShift: 3·(1 − 1/4) / 2.
    name: "metrics.md's worked example: below independence",
    rows: [['P', 'P'], ['F', 'P'], ['P', 'F'], ['P', 'F']],
    cs: 1 / 2, lb: 3 / 4, bounds: { sort: 1, easyShift: 9 / 8, hardShift: 1 }, ub: 1, rcs: -1,
  },
  {
    // 3 of 5 easy, 3 of 5 hard solved, gap 0, two of the three solved hard have their easy twin.
    name: 'k = 1, above independence',
    rows: [['P', 'P'], ['P', 'P'], ['P', 'F'], ['F', 'P'], ['F', 'F']],
    cs: 2 / 3, lb: 3 / 5, bounds: { sort: 1, easyShift: 1, hardShift: 1 }, ub: 1, rcs: 1 / 6,
  },
  {
    // 2 easy, 3 hard solved (gap −1/4): at most 2 of 3 solved hard can have a solved twin, UB_sort = 2/3 = CS → RCS 1.
    name: 'k = 1, as consistent as the accuracies allow (UB_sort tie)',
    rows: [['P', 'P'], ['P', 'P'], ['F', 'P'], ['F', 'F']],
    cs: 2 / 3, lb: 1 / 2, bounds: { sort: 2 / 3, easyShift: 5 / 6, hardShift: 3 / 4 }, ub: 2 / 3, rcs: 1,
  },
  {
    name: 'k = 1, UB_sort below 1 is the bound used',
    rows: [['P', 'P'], ['P', 'F'], ['F', 'P'], ['F', 'P']],
    cs: 1 / 3, lb: 1 / 2, bounds: { sort: 2 / 3, easyShift: 5 / 6, hardShift: 3 / 4 }, ub: 2 / 3, rcs: -1,
  },
  {
    // p(e) = [1/2, 0, 3/4], p(h) = [1, 0, 1/4], gap 0: Σp(h) = 5/4, Σp(e)p(h) = 11/16, Σp(e)² = 13/16, Σp(h)² = 17/16.
    name: 'k = 4, the easy-marginal bound is the smallest above CS',
    rows: [['PPFF', 'PPPP'], ['FFFF', 'FFFF'], ['PPPF', 'PFFF']],
    cs: 11 / 20, lb: 5 / 12, bounds: { sort: 7 / 10, easyShift: 13 / 20, hardShift: 17 / 20 }, ub: 13 / 20, rcs: 4 / 7,
  },
  {
    // p(e) = [3/4, 1/4, 1], p(h) = [1, 0, 1/2], gap 1/6.
    name: 'k = 4, non-zero gap',
    rows: [['PPPF', 'PPPP'], ['PFFF', 'FFFF'], ['PPPP', 'PPFF']],
    cs: 5 / 6, lb: 2 / 3, bounds: { sort: 11 / 12, easyShift: 31 / 36, hardShift: 8 / 9 }, ub: 31 / 36, rcs: 6 / 7,
  },
  {
    // Every hard probe at 1: CS = P_e = LB = UB_sort, no room to normalise by. gap = −1/2, so the easy-marginal
    // bound is (1·3/2 + 0)/2 = 3/4 > LB, but it is an expectation above the true maximum UB_sort: still null.
    name: 'degenerate: all hard solved',
    rows: [['P', 'P'], ['F', 'P']],
    cs: 1 / 2, lb: 1 / 2, bounds: { sort: 1 / 2, easyShift: 3 / 4, hardShift: 1 / 2 }, ub: null, rcs: null,
  },
  {
    name: 'degenerate: all pass',
    rows: [['P', 'P'], ['P', 'P']],
    cs: 1, lb: 1, bounds: { sort: 1, easyShift: 1, hardShift: 1 }, ub: null, rcs: null,
  },
];

describe('relativeConsistency', () => {
  it.each(cases)('$name', ({ rows, cs, lb, bounds, ub, rcs }) => {
    const result = relativeConsistency(pairs('olympiad.demo', rows));
    expect(result.cs).toBeCloseTo(cs, 12);
    expect(result.lb).toBeCloseTo(lb, 12);
    expect(result.bounds!.sort).toBeCloseTo(bounds.sort, 12);
    expect(result.bounds!.easyShift).toBeCloseTo(bounds.easyShift, 12);
    expect(result.bounds!.hardShift).toBeCloseTo(bounds.hardShift, 12);
    if (ub === null) expect(result.ub).toBeNull();
    else expect(result.ub).toBeCloseTo(ub, 12);
    if (rcs === null) expect(result.rcs).toBeNull();
    else expect(result.rcs).toBeCloseTo(rcs, 12);
  });

  it.each([
    { name: 'empty', rows: [] as Array<[string, string]>, nPairs: 0, excludedPairs: 0 },
    { name: 'all fail', rows: [['F', 'F'], ['P', 'F']] as Array<[string, string]>, nPairs: 2, excludedPairs: 0 },
    { name: 'all error', rows: [['E', 'P'], ['P', 'E']] as Array<[string, string]>, nPairs: 0, excludedPairs: 2 },
  ])('is null with no solved hard probe: $name', ({ rows, nPairs, excludedPairs }) => {
    expect(relativeConsistency(pairs('olympiad.demo', rows))).toMatchObject({
      rcs: null, cs: null, lb: null, ub: null, bounds: null, nPairs, excludedPairs,
    });
  });
});

describe('relativeConsistency on random families', () => {
  it('never exceeds 1, and lies in [0, 1] whenever CS is at least LB', () => {
    const random = mulberry32(2024);
    const outcome = () => (random() < 0.5 ? 'P' : 'F');
    for (let trial = 0; trial < 300; trial++) {
      const k = 1 + Math.floor(random() * 4);
      const rows = Array.from({ length: 2 + Math.floor(random() * 8) }, () => {
        const easy = Array.from({ length: k }, outcome).join('');
        const hard = Array.from({ length: k }, outcome).join('');
        return [easy, hard] as [string, string];
      });
      const { rcs, cs, lb, ub } = relativeConsistency(pairs('olympiad.random', rows));
      if (rcs === null) continue;
      expect(rcs).toBeLessThanOrEqual(1 + 1e-12);
      expect(ub!).toBeGreaterThanOrEqual(cs! - 1e-12);
      expect(ub!).toBeGreaterThan(lb!);
      if (cs! >= lb!) expect(rcs).toBeGreaterThanOrEqual(-1e-12);
    }
  });
});
