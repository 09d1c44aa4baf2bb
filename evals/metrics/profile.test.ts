import { describe, expect, it } from 'vitest';
import { PairSchema } from '../contracts';
import { buildProfile } from './profile';
import { ProfileSchema } from './profile-schema';
import { withSuiteChance } from './suite-chance';
import type { PairTally } from './tally';
import { pairs } from './tally-builders';

const rows = (n: number, easy: string, hard: string) => Array.from({ length: n }, () => [easy, hard] as const);

const input = (tallies: PairTally[], families?: Array<{ id: string; domain: string }>) => ({
  model: 'm',
  suite: { id: 'core', version: '0123456789abcdef' },
  runs: [7, 3],
  pairs: tallies,
  families,
  options: { draws: 100 },
});

describe('buildProfile', () => {
  it('builds the documented object: verdict, flipped family, families not evaluated without accuracies', () => {
    const tallies = [
      ...pairs('arithmetic.flip', rows(10, 'F', 'P')),
      ...pairs('arithmetic.fine', rows(10, 'P', 'F')),
      ...pairs('commonsense.refused', rows(3, 'R', 'R')), // answered only with refusals
      ...pairs('commonsense.unsent', rows(2, '', '')), // out of scope: never sent
    ];
    const profile = buildProfile(input(tallies, [{ id: 'olympiad.absent', domain: 'olympiad' }]));
    expect(ProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.suite).toEqual({ id: 'core', version: '0123456789abcdef' });
    expect(profile.runs).toEqual([3, 7]);
    expect(profile.counts).toEqual({ pass: 20, fail: 20, error: 0, refusal: 6 });
    expect(profile.jaggedness).toMatchObject({ verdict: 'jagged', index: 0.25, invertedFamilies: ['arithmetic.flip'], nFamilies: 2 });
    expect(profile.reliability.singleSample).toBe(true);
    expect(profile.families.map((f) => [f.id, f.evaluated, f.inverted])).toEqual([
      ['arithmetic.fine', true, false],
      ['arithmetic.flip', true, true],
      ['commonsense.refused', false, false],
      ['commonsense.unsent', false, false],
      ['olympiad.absent', false, false],
    ]);
    const refused = profile.families[2]!;
    expect(refused).toEqual({ id: 'commonsense.refused', domain: 'commonsense', chance: 0, hardChance: 0, refusals: 6, errors: 0, evaluated: false, inverted: false });
    expect('easy' in refused).toBe(false);
    const flip = profile.families[1]!;
    if (!flip.evaluated) throw new Error('flip should be evaluated');
    expect(flip.easy.acc).toBe(0);
    expect(flip.hard.acc).toBe(1);
    expect(flip.tooth).toMatchObject({ flipped: 10, ordered: 0, expectedFlipped: 5, testable: true });
  });

  it.each([
    { name: 'empty', tallies: [], verdict: 'insufficient data', nPairs: 0 },
    { name: 'all error', tallies: pairs('a.x', rows(10, 'E', 'E')), verdict: 'insufficient data', nPairs: 0 },
    { name: 'all pass', tallies: pairs('a.x', rows(10, 'P', 'P')), verdict: 'not jagged', nPairs: 10 },
    { name: 'all fail', tallies: pairs('a.x', rows(10, 'F', 'F')), verdict: 'not jagged', nPairs: 10 },
  ])('$name validates against the schema', ({ tallies, verdict, nPairs }) => {
    const profile = buildProfile(input(tallies));
    expect(ProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.jaggedness.verdict).toBe(verdict);
    expect(profile.nPairs).toBe(nPairs);
  });

  it('takes each pair’s tier chances from the suite, twins multiplied (all right and all wrong)', () => {
    const probe = (slot: string, tier: 'easy' | 'hard', answer: string) => ({
      id: `commonsense.t#1/${slot}`, family: 'commonsense.t', tier, prompt: `Q ${slot}?`, answer, grader: { kind: 'yesno' as const },
    });
    const pair = PairSchema.parse({
      id: 'commonsense.t#1', family: 'commonsense.t',
      easy: probe('easy', 'easy', 'yes'), easyTwin: probe('easy-twin', 'easy', 'no'), hard: probe('hard', 'hard', 'yes'),
    });
    const [tally] = withSuiteChance(pairs('commonsense.t', [['P', 'F']]), { id: 's', pairs: [pair] });
    expect(tally!.chance).toEqual({ easy: 0.25, hard: 0.5, easyAllWrong: 0.25, hardAllWrong: 0.5 });
    expect(() => withSuiteChance(pairs('commonsense.u', [['P', 'F']]), { id: 's', pairs: [pair] })).toThrow(
      'metrics: pair "commonsense.u#1" is not in suite "s"',
    );
  });
});
