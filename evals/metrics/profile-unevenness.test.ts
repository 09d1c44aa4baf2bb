import { describe, expect, it } from 'vitest';
import { familyMetrics } from './family-metrics';
import { profileUnevenness } from './profile-unevenness';
import { pairs } from './tally-builders';

describe('profileUnevenness', () => {
  it('is the population SD of acc_e across families', () => {
    // acc_e = 1, 1/2, 0 → mean 1/2, population variance (1/4 + 0 + 1/4) / 3 = 1/6.
    const families = familyMetrics([
      ...pairs('a.one', [['P', 'F'], ['P', 'F']]),
      ...pairs('a.two', [['P', 'F'], ['F', 'F']]),
      ...pairs('a.three', [['F', 'F'], ['F', 'F']]),
    ]);
    const { u, nFamilies, excludedFamilies } = profileUnevenness(families);
    expect(u).toBeCloseTo(Math.sqrt(1 / 6), 12);
    expect([nFamilies, excludedFamilies]).toEqual([3, 0]);
  });

  it('is 0 for one family or a flat profile, null for none, and counts families without acc_e', () => {
    expect(profileUnevenness(familyMetrics(pairs('a.one', [['P', 'F'], ['F', 'F']]))).u).toBe(0);
    expect(profileUnevenness(familyMetrics([...pairs('a.one', [['P', 'F']]), ...pairs('a.two', [['P', 'P']])])).u).toBe(0);
    expect(profileUnevenness([])).toEqual({ u: null, nFamilies: 0, excludedFamilies: 0 });
    const withDown = familyMetrics([...pairs('a.one', [['P', 'F']]), ...pairs('a.two', [['F', 'P']]), ...pairs('a.down', [['E', 'E']])]);
    expect(profileUnevenness(withDown)).toEqual({ u: 0.5, nFamilies: 2, excludedFamilies: 1 });
  });
});
