import { describe, expect, it } from 'vitest';
import { nullFlipProbability } from './null-flip';

describe('nullFlipProbability', () => {
  // Hand-computed. k = 1: max(½, c_h(1 − c_e) / (c_h(1 − c_e) + c_e(1 − c_h))).
  it.each([
    { name: 'open answers: McNemar ½', easy: 0, hard: 0, k: [1, 1], q: 0.5 },
    { name: 'both yes/no: ½', easy: 0.5, hard: 0.5, k: [1, 1], q: 0.5 },
    { name: 'guessable easy, open hard: guessing favours ordered, ½', easy: 0.5, hard: 0, k: [1, 1], q: 0.5 },
    { name: 'open easy, yes/no hard: every discordance may be a guess', easy: 0, hard: 0.5, k: [1, 1], q: 1 },
    { name: 'easy ¼ (twins), hard ½: 0.375 / (0.375 + 0.125)', easy: 0.25, hard: 0.5, k: [1, 1], q: 0.75 },
    { name: 'k = 2, open easy, yes/no hard', easy: 0, hard: 0.5, k: [2, 2], q: 1 },
    // X_e ~ Bin(2, ¼), X_h ~ Bin(2, ½): P(h > e) = 9/16·3/4 + 6/16·1/4 = 33/64; P(e > h) = 6/16·1/4 + 1/16·3/4 = 9/64.
    { name: 'k = 2, easy ¼, hard ½: 33 / 42', easy: 0.25, hard: 0.5, k: [2, 2], q: 33 / 42 },
  ])('$name', ({ easy, hard, k, q }) => {
    expect(nullFlipProbability({ easy, hard }, k[0]!, k[1]!)).toBeCloseTo(q, 12);
  });

  // Twinned tiers: all right Πc, all wrong Π(1 − c), partial otherwise; flipped = Πc_h·Π(1 − c_e), ordered the mirror.
  it.each([
    { name: 'yes/no easy + twin (¼, ¼) vs yes/no hard (½, ½): ⅛ vs ⅛, ½', c: { easy: 0.25, easyAllWrong: 0.25, hard: 0.5 }, k: [1, 1], q: 0.5 },
    { name: 'same at k = 2 and k = 3: symmetric under coin-flipping', c: { easy: 0.25, easyAllWrong: 0.25, hard: 0.5 }, k: [2, 3], q: 0.5 },
    { name: 'both tiers twinned yes/no: ½', c: { easy: 0.25, easyAllWrong: 0.25, hard: 0.25, hardAllWrong: 0.25 }, k: [1, 1], q: 0.5 },
    // Choice of 4 with a twin (1/16, 9/16) vs a single choice of 4 (¼, ¾): 9/64 vs 3/64.
    { name: 'choice-of-4 easy + twin vs choice-of-4 hard: 0.75', c: { easy: 1 / 16, easyAllWrong: 9 / 16, hard: 0.25 }, k: [1, 1], q: 0.75 },
    { name: 'open easy vs twinned yes/no hard: every flip may be a guess, 1', c: { easy: 0, hard: 0.25, hardAllWrong: 0.25 }, k: [1, 1], q: 1 },
  ])('$name', ({ c, k, q }) => {
    expect(nullFlipProbability(c, k[0]!, k[1]!)).toBeCloseTo(q, 12);
  });

  it('names bad samples and chances', () => {
    expect(() => nullFlipProbability({ easy: 0.1, hard: 0.5 }, 0, 1)).toThrow(/samples per tier must be a positive integer, got 0/);
    expect(() => nullFlipProbability({ easy: -0.1, hard: 0.5 }, 1, 1)).toThrow(/tier chances must be probabilities with pass \+ all wrong ≤ 1, got -0.1/);
  });
});
