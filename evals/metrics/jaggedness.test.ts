import { describe, expect, it } from 'vitest';
import { testTeeth, toothColumns } from './flipped-teeth';
import { jaggedness, jaggednessVerdict } from './jaggedness';
import type { PairTally } from './tally';
import { pairs } from './tally-builders';

const rows = (n: number, easy: string, hard: string) => Array.from({ length: n }, () => [easy, hard] as const);
const withChance = (list: PairTally[], easy: number, hard: number) => list.map((pair) => ({ ...pair, chance: { easy, hard } }));

describe('jaggedness verdict (flipped teeth)', () => {
  // Hand-computed: n01 flipped, n10 ordered, p = P(Bin(n01 + n10, ½) ≥ n01) when chances are 0; Holm over evaluated families.
  it.each([
    { name: 'empty', input: [], verdict: 'insufficient data', index: null, inverted: [] },
    { name: 'all error', input: pairs('a.x', rows(10, 'E', 'E')), verdict: 'insufficient data', index: null, inverted: [] },
    { name: 'all refusal', input: pairs('a.x', rows(10, 'R', 'R')), verdict: 'insufficient data', index: null, inverted: [] },
    { name: 'all pass: no discordance', input: pairs('a.x', rows(10, 'P', 'P')), verdict: 'not jagged', index: 0, inverted: [] },
    { name: 'all fail: no discordance', input: pairs('a.x', rows(10, 'F', 'F')), verdict: 'not jagged', index: 0, inverted: [] },
    // 10 of 10 flipped: p = 2^-10 ≈ 0.00098 ≤ 0.05; index (10 − 10·½) / 10 = 0.5.
    { name: 'one family, all 10 flipped', input: pairs('a.x', rows(10, 'F', 'P')), verdict: 'jagged', index: 0.5, inverted: ['a.x'] },
    // Holm over 2 families: 2·2^-10 ≤ 0.05; index (10 − 5) / 20 pairs.
    {
      name: 'a flipped and an ordered family',
      input: [...pairs('a.x', rows(10, 'F', 'P')), ...pairs('b.y', rows(10, 'P', 'F'))],
      verdict: 'jagged',
      index: 0.25,
      inverted: ['a.x'],
    },
    // 6 flipped, 4 ordered: p = 386/1024 ≈ 0.377: noise.
    {
      name: 'six flipped, four ordered: within noise',
      input: pairs('a.x', [...rows(6, 'F', 'P'), ...rows(4, 'P', 'F')]),
      verdict: 'not jagged',
      index: 0,
      inverted: [],
    },
    // 4 pairs can give at best p = 1/16 > 0.05: no flip is detectable.
    { name: 'four pairs, all flipped: too few', input: pairs('a.x', rows(4, 'F', 'P')), verdict: 'insufficient data', index: 0, inverted: [] },
    // Open easy, yes/no hard: a guesser flips every discordant pair (q0 = 1), so flips prove nothing.
    {
      name: 'guessing cannot fake it: open easy, yes/no hard',
      input: withChance(pairs('a.x', rows(10, 'F', 'P')), 0, 0.5),
      verdict: 'insufficient data',
      index: 0,
      inverted: [],
    },
    // k = 2: per-pair pass rates; easy ½ < hard 1 is a flipped pair.
    { name: 'k = 2 pass rates', input: pairs('a.x', rows(10, 'PF', 'PP')), verdict: 'jagged', index: 0.5, inverted: ['a.x'] },
    // A partial easy tier (probe right, twin wrong) is no evidence: 10 of them against a passed hard tier flip nothing.
    { name: 'partial easy tiers: no evidence', input: pairs('a.x', rows(10, 'H', 'P')), verdict: 'not jagged', index: 0, inverted: [] },
    // 10 outright-failed easy tiers against passed hard ones still flip (q0 ½ at open answers).
    { name: 'outright easy fails: flipped', input: pairs('a.x', rows(10, 'F', 'P')), verdict: 'jagged', index: 0.5, inverted: ['a.x'] },
    // 4 flipped and 6 with a partial easy tier: only 4 discordant pairs, p = 1/16 at best, not significant.
    {
      name: 'partials do not add to the flips',
      input: pairs('a.x', [...rows(4, 'F', 'P'), ...rows(6, 'H', 'P')]),
      verdict: 'not jagged',
      index: 0,
      inverted: [],
    },
  ] as Array<{ name: string; input: PairTally[]; verdict: string; index: number | null; inverted: string[] }>)(
    '$name',
    ({ input, verdict, index, inverted }) => {
      const result = jaggedness(input, { draws: 200 });
      expect(result.verdict).toBe(verdict);
      expect(result.invertedFamilies).toEqual(inverted);
      if (index === null) expect(result.index).toBeNull();
      else expect(result.index).toBeCloseTo(index, 12);
      expect(jaggednessVerdict(input).verdict).toBe(verdict);
    },
  );

  it('computes the tooth test by hand', () => {
    const [a, b] = testTeeth(toothColumns([...pairs('a.x', rows(10, 'F', 'P')), ...pairs('b.y', [...rows(6, 'F', 'P'), ...rows(4, 'P', 'F')])]));
    expect(a).toMatchObject({ family: 'a.x', nPairs: 10, flipped: 10, ordered: 0, expectedFlipped: 5, excess: 0.5, testable: true, inverted: true });
    expect(a!.p).toBeCloseTo(1 / 1024, 12);
    expect(a!.pHolm).toBeCloseTo(2 / 1024, 12);
    expect(a!.minP).toBeCloseTo(1 / 1024, 12);
    expect(b).toMatchObject({ family: 'b.y', flipped: 6, ordered: 4, expectedFlipped: 5, inverted: false });
    expect(b!.p).toBeCloseTo(386 / 1024, 12);
    expect(b!.pHolm).toBeCloseTo(386 / 1024, 12); // max(2·p_a, 1·p_b)
    expect(b!.excess).toBeCloseTo(0.1, 12);
  });

  it('gives a stable flip a degenerate interval and a null model an interval from 0', () => {
    const flipped = jaggedness(pairs('a.x', rows(10, 'F', 'P')), { draws: 300 });
    expect([flipped.lo, flipped.hi]).toEqual([0.5, 0.5]);
    const noise = jaggedness(pairs('a.x', [...rows(6, 'F', 'P'), ...rows(4, 'P', 'F')]), { draws: 300 });
    expect(noise.lo).toBe(0);
    expect(noise.hi).toBeGreaterThanOrEqual(0);
    expect(noise.drawsUsed).toBe(300);
  });

  it('refuses a bad alpha with a line naming it', () => {
    expect(() => jaggednessVerdict(pairs('a.x', rows(3, 'P', 'P')), 1.5)).toThrow(/alpha must be in \(0, 1\), got 1.5/);
  });
});
