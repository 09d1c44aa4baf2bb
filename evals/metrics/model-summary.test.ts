import { describe, expect, it } from 'vitest';
import { betweenFamilyVariance } from './between-family-variance';
import { familyMetrics } from './family-metrics';
import { jaggedness } from './jaggedness';
import { reliability } from './reliability';
import { inversionIndex } from './inversion-index';
import { modelSummary } from './model-summary';
import { sawtoothProfile } from './sawtooth-profile';
import { pairs } from './tally-builders';
import { tierAccuracy } from './tier-accuracy';
import { wilson } from './wilson';

const input = [
  ...pairs('arithmetic.demo', [['P', 'P'], ['F', 'P'], ['P', 'F'], ['P', 'F']]),
  ...pairs('commonsense.demo', [['P', 'P'], ['P', 'F'], ['E', 'P']]),
];

describe('modelSummary', () => {
  it('summarises two families, hand-computed', () => {
    const summary = modelSummary(input);
    // Used pairs: 4 + 2 (one excluded). acc_e = 5/6, acc_h = 3/6, J = 1 inverted / 3 solved hard.
    expect(summary.easy).toMatchObject({ acc: 5 / 6, n: 6, method: 'wilson', excludedPairs: 1, errorSamples: 1 });
    expect([summary.easy.lo, summary.easy.hi]).toEqual([wilson(5, 6).lo, wilson(5, 6).hi]);
    expect(summary.hard).toMatchObject({ acc: 1 / 2, n: 6, errorSamples: 0 });
    expect(summary.inversion.j).toBeCloseTo(1 / 3, 12);
    expect(summary.unevenness.u).toBeCloseTo(0.125, 12); // acc_e 3/4 and 1
    expect(summary.counts).toEqual({ pass: 9, fail: 4, error: 1, refusal: 0 });
    expect(summary).toMatchObject({ nPairs: 6, excludedPairs: 1, errorSamples: 1 });
    expect(summary.families.map((family) => [family.id, family.inv])).toEqual([
      ['arithmetic.demo', 1 / 2],
      ['commonsense.demo', 0],
    ]);
  });

  it('gives the same numbers as the single-metric functions (one definition everywhere)', () => {
    const multi = [
      ...pairs('logic.multi', [['PPF', 'PFF'], ['PFF', 'FFF'], ['PPP', 'PPF'], ['FFF', 'FFF'], ['PFP', 'PPP']]),
      ...pairs('logic.other', [['PP', 'PF'], ['FF', 'PP'], ['PF', 'PF']]),
    ];
    const options = { seed: 5 };
    const summary = modelSummary(multi, options);
    expect(summary.inversion).toEqual(inversionIndex(multi, options));
    expect(summary.easy).toEqual(tierAccuracy(multi, 'easy', options));
    expect(summary.hard).toEqual(tierAccuracy(multi, 'hard', options));
    expect(summary.families).toEqual(familyMetrics(multi, options));
    expect(summary.profile).toEqual(sawtoothProfile(summary.families));
    expect(summary.easy.method).toBe('bootstrap');
    expect(summary.jaggedness).toEqual(jaggedness(multi, options));
    expect(summary.unevenness.net).toEqual(betweenFamilyVariance(multi, options));
    expect(summary.reliability).toEqual(reliability(multi, options));
  });

  it.each([
    { name: 'empty', rows: [], easy: null, j: null, counts: { pass: 0, fail: 0, error: 0, refusal: 0 } },
    { name: 'all pass', rows: [['P', 'P'], ['P', 'P']], easy: 1, j: 0, counts: { pass: 4, fail: 0, error: 0, refusal: 0 } },
    { name: 'all fail', rows: [['F', 'F'], ['F', 'F']], easy: 0, j: null, counts: { pass: 0, fail: 4, error: 0, refusal: 0 } },
    { name: 'all error', rows: [['E', 'EE'], ['E', 'E']], easy: null, j: null, counts: { pass: 0, fail: 0, error: 5, refusal: 0 } },
    { name: 'all refusal', rows: [['R', 'RR'], ['R', 'R']], easy: null, j: null, counts: { pass: 0, fail: 0, error: 0, refusal: 5 } },
  ] as Array<{ name: string; rows: Array<[string, string]>; easy: number | null; j: number | null; counts: object }>)(
    '$name',
    ({ rows, easy, j, counts }) => {
      const summary = modelSummary(pairs('x.y', rows));
      // Two pairs at most: no flip could reach significance (minP = ¼ > α), so never "jagged" or "not jagged".
      expect(summary.jaggedness.verdict).toBe('insufficient data');
      expect(summary.easy.acc).toBe(easy);
      expect(summary.inversion.j).toBe(j);
      expect(summary.counts).toEqual(counts);
      expect(summary.profile).toHaveLength(rows.length === 0 ? 0 : 2);
    },
  );
});

describe('the worked example of README.md ("The jaggedness verdict")', () => {
  const rows = (n: number, easy: string, hard: string) => Array.from({ length: n }, () => [easy, hard] as const);
  const example = [
    ...pairs('arithmetic.add', [...rows(8, 'P', 'P'), ...rows(2, 'P', 'F')]),
    ...pairs('commonsense.count', [...rows(1, 'P', 'P'), ...rows(9, 'F', 'P')]),
    ...pairs('algorithmic.sort', [...rows(3, 'P', 'P'), ...rows(3, 'P', 'F'), ...rows(2, 'F', 'P'), ...rows(2, 'F', 'F')]),
  ];

  it('gives the numbers the README shows', () => {
    const summary = modelSummary(example);
    expect(summary.jaggedness.verdict).toBe('jagged');
    expect(summary.jaggedness.invertedFamilies).toEqual(['commonsense.count']);
    const count = summary.jaggedness.teeth.find((t) => t.family === 'commonsense.count')!;
    expect(count.p).toBeCloseTo(2 ** -9, 12);
    expect(count.pHolm).toBeCloseTo(3 * 2 ** -9, 12);
    expect(summary.jaggedness.teeth.find((t) => t.family === 'algorithmic.sort')!.p).toBeCloseTo(26 / 32, 12);
    expect(summary.jaggedness.index).toBeCloseTo(0.15, 12);
    expect(summary.jaggedness.lo).toBeCloseTo(0.117, 3);
    expect(summary.jaggedness.hi).toBeCloseTo(0.167, 3);
    expect(summary.inversion.j).toBeCloseTo(11 / 23, 12);
    expect(summary.unevenness.u).toBeCloseTo(0.368, 3);
    expect(summary.unevenness.net.tau).toBeCloseTo(0.357, 3);
  });

  it('turns "not jagged" when the flipped family’s hard probes are yes/no and its easy ones open', () => {
    const guessable = example.map((pair) => (pair.family === 'commonsense.count' ? { ...pair, chance: { easy: 0, hard: 0.5 } } : pair));
    const summary = modelSummary(guessable);
    expect(summary.jaggedness.verdict).toBe('not jagged');
    expect(summary.jaggedness.testableFamilies).toBe(2);
  });
});
