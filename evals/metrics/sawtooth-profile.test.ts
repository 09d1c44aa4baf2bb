import { describe, expect, it } from 'vitest';
import { familyMetrics } from './family-metrics';
import { sawtoothProfile } from './sawtooth-profile';
import { pairs } from './tally-builders';

describe('sawtoothProfile', () => {
  it('gives (f, easy) then (f, hard) per family, in domain then id order, with whiskers and n', () => {
    const families = familyMetrics([
      ...pairs('commonsense.time', [['P', 'F'], ['P', 'P']]),
      ...pairs('arithmetic.fractions', [['F', 'P']]),
      ...pairs('arithmetic.down', [['E', 'E']]),
    ]);
    const profile = sawtoothProfile([...families].reverse());
    expect(profile.map(({ family, tier, acc, n }) => [family, tier, acc, n])).toEqual([
      ['arithmetic.down', 'easy', null, 0],
      ['arithmetic.down', 'hard', null, 0],
      ['arithmetic.fractions', 'easy', 0, 1],
      ['arithmetic.fractions', 'hard', 1, 1],
      ['commonsense.time', 'easy', 1, 2],
      ['commonsense.time', 'hard', 0.5, 2],
    ]);
    const time = families.find((family) => family.id === 'commonsense.time')!;
    expect(profile[4]).toEqual({ family: 'commonsense.time', domain: 'commonsense', tier: 'easy', acc: 1, lo: time.easy.lo, hi: time.easy.hi, n: 2 });
    expect(profile[0]).toMatchObject({ lo: null, hi: null });
  });

  it('is empty for no families', () => {
    expect(sawtoothProfile([])).toEqual([]);
  });
});
