import { describe, expect, it } from 'vitest';
import { suitePairChance } from '../../evals/metrics';
import { loadSuite } from '../../evals/suites';
import { batteryTrial, isRight, runBattery } from './battery';
import { answerSheet, detectableFamilies, REQUIRED_MODELS, tiersOf } from './models';
import { sheetTallies } from './tallies';

// The issue-9 battery on the real core suite (28 families × ~20 pairs, k = 1), read from the suite itself so it stays
// valid as pairs, twins and chance levels change: every model's verdict must be right in ≥ 95% of 200 seeded runs.
const suite = loadSuite('core');

describe('the simulated-model battery on core', () => {
  it.each(REQUIRED_MODELS)('%s gets the right verdict in ≥ 95% of 200 seeded replications', (model) => {
    const [result] = runBattery(suite, { models: [model], replications: 200, seed: 1 });
    expect(result!.passRate).toBeGreaterThanOrEqual(0.95);
  }, 120_000); // 200 full verdicts per model; the shared box is slow under load (a limit, not an assertion)

  it('answers every probe of the suite, and the tallies have one graded sample per tier', () => {
    const sheet = answerSheet(suite, 'coin-flipper', 3);
    const probes = suite.pairs.reduce((n, pair) => n + 2 + (pair.easyTwin ? 1 : 0) + (pair.hardTwin ? 1 : 0), 0);
    expect(sheet.right.size).toBe(probes);
    const tallies = sheetTallies(suite, sheet);
    expect(tallies).toHaveLength(suite.pairs.length);
    for (const tally of tallies) expect(tally.easy.pass + tally.easy.fail + tally.hard.pass + tally.hard.fail).toBe(2);
  });

  it('marks a twinned tier with some probe right and some wrong as a partial fail', () => {
    const pair = suite.pairs.find((p) => p.easyTwin && !p.hardTwin)!;
    const [easy, twin] = tiersOf(pair).easy;
    const hard = tiersOf(pair).hard[0]!;
    const sheet = (rights: boolean[]) => ({ model: 'coin-flipper' as const, flippedFamilies: [], right: new Map([easy!, twin!, hard].map((p, i) => [p.id, rights[i]!])) });
    const tally = (rights: boolean[]) => sheetTallies({ families: suite.families, pairs: [pair] }, sheet(rights))[0]!;
    expect(tally([true, true, false])).toMatchObject({ easy: { pass: 1, fail: 0 }, hard: { pass: 0, fail: 1 } });
    expect(tally([true, false, true]).easy).toEqual({ pass: 0, fail: 1, error: 0, partial: 1 });
    expect(tally([false, false, true]).easy).toEqual({ pass: 0, fail: 1, error: 0 });
    expect(tally([false, false, true]).chance).toEqual(suitePairChance(pair));
  });

  it('flips the jagged model where it says, and a trial is reproducible from its seed', () => {
    const sheet = answerSheet(suite, 'jagged', 11);
    expect(sheet.flippedFamilies).toHaveLength(5);
    const tallies = sheetTallies(suite, sheet).filter((t) => sheet.flippedFamilies.includes(t.family));
    const easy = tallies.reduce((n, t) => n + t.easy.pass, 0) / tallies.length;
    const hard = tallies.reduce((n, t) => n + t.hard.pass, 0) / tallies.length;
    expect(easy).toBeLessThan(0.3);
    expect(hard).toBeGreaterThan(0.8);
    expect(batteryTrial(suite, 'jagged', 11)).toEqual(batteryTrial(suite, 'jagged', 11));
  });

  it('finds which families can show a flip at all', () => {
    // Two core families cannot reach α/m = 0.05/28 even with all 20 pairs flipped, because guessing alone explains
    // flips there (q0 from the grader's chances, all right Πc and all wrong Π(1 − c) per tier):
    // - turning-directions: easy is a choice of 4 with a twin (all right 1/16, all wrong 9/16), hard a single choice
    //   of 4 (¼, ¾): a guesser flips 9/64 and orders 3/64 of its pairs, q0 = ¾, and ¾²⁰ = 0.0032 > 0.0018;
    // - balanced-brackets: an open easy probe (never guessed) against a twinned yes/no hard tier (¼): every flip may
    //   be a guess, q0 = 1.
    // That is the suite's design, not noise: a hard twin on turning-directions (q0 = ½) or a guessable easy tier on
    // balanced-brackets would make them testable. The jagged model flips only detectable families.
    expect(suite.families.map((f) => f.id).filter((id) => !detectableFamilies(suite).includes(id)).sort()).toEqual([
      'algorithmic.balanced-brackets',
      'commonsense.turning-directions',
    ]);
    const probe = (id: string, tier: 'easy' | 'hard', kind: 'numeric' | 'yesno') => ({
      id, family: 'a.x', tier, prompt: `Q ${id}`, answer: kind === 'yesno' ? 'yes' : '1', grader: { kind },
    });
    const guessable = Array.from({ length: 12 }, (_, i) => ({
      id: `a.x#${i}`, family: 'a.x', easy: probe(`a.x#${i}/easy`, 'easy', 'numeric'), hard: probe(`a.x#${i}/hard`, 'hard', 'yesno'),
    }));
    const plain = guessable.map((pair) => ({ ...pair, id: pair.id.replace('a.x', 'b.y'), family: 'b.y', hard: { ...pair.hard, family: 'b.y', grader: { kind: 'numeric' as const } }, easy: { ...pair.easy, family: 'b.y' } }));
    expect(detectableFamilies({ families: [{ id: 'a.x' }, { id: 'b.y' }], pairs: [...guessable, ...plain] })).toEqual(['b.y']);
  });

  it.each([
    { model: 'smooth', verdict: 'not jagged', flipped: [], inverted: [], right: true },
    { model: 'smooth', verdict: 'jagged', flipped: [], inverted: ['a.x'], right: false },
    { model: 'coin-flipper', verdict: 'insufficient data', flipped: [], inverted: [], right: false },
    { model: 'jagged', verdict: 'jagged', flipped: ['a.x', 'b.y'], inverted: ['a.x', 'b.y', 'c.z'], right: true },
    { model: 'jagged', verdict: 'jagged', flipped: ['a.x', 'b.y'], inverted: ['a.x', 'b.y', 'c.z', 'd.w'], right: false },
    { model: 'jagged', verdict: 'jagged', flipped: ['a.x', 'b.y'], inverted: ['a.x'], right: false },
    { model: 'jagged', verdict: 'not jagged', flipped: ['a.x'], inverted: [], right: false },
  ] as const)('judges $model → $verdict, inverted $inverted: right = $right', ({ model, verdict, flipped, inverted, right }) => {
    expect(isRight(model, verdict, flipped, inverted)).toBe(right);
  });
});
