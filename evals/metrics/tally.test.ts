import { describe, expect, it } from 'vitest';
import { PairTalliesSchema, passRate } from './tally';

describe('passRate', () => {
  it.each([
    { tally: { pass: 3, fail: 1, error: 0 }, p: 0.75 },
    { tally: { pass: 1, fail: 1, error: 5 }, p: 0.5 },
    { tally: { pass: 0, fail: 2, error: 0 }, p: 0 },
    { tally: { pass: 0, fail: 0, error: 3 }, p: null },
    { tally: { pass: 0, fail: 0, error: 0 }, p: null },
  ])('$tally → $p', ({ tally, p }) => {
    expect(passRate(tally)).toBe(p);
  });
});

describe('PairTalliesSchema', () => {
  it('accepts tallies and names the bad field of a wrong one', () => {
    const good = { pairId: 'a.b#1', family: 'a.b', domain: 'a', easy: { pass: 1, fail: 0, error: 0 }, hard: { pass: 0, fail: 1, error: 2 } };
    expect(PairTalliesSchema.parse([good])).toEqual([good]);
    const bad = PairTalliesSchema.safeParse([{ ...good, hard: { pass: -1, fail: 0, error: 0 } }]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual([0, 'hard', 'pass']);
    expect(PairTalliesSchema.safeParse([{ ...good, easy: { pass: 1.5, fail: 0, error: 0 } }]).success).toBe(false);
  });

  it('accepts partial fails within fail and all-wrong chances, and names a partial above fail', () => {
    const twinned = { pairId: 'a.b#1', family: 'a.b', domain: 'a', easy: { pass: 0, fail: 2, error: 0, partial: 1 }, hard: { pass: 1, fail: 0, error: 0 }, chance: { easy: 0.25, hard: 0.5, easyAllWrong: 0.25 } };
    expect(PairTalliesSchema.parse([twinned])).toEqual([twinned]);
    const bad = PairTalliesSchema.safeParse([{ ...twinned, easy: { pass: 0, fail: 1, error: 0, partial: 2 } }]);
    expect(bad.error!.issues[0]!.path).toEqual([0, 'easy', 'partial']);
    expect(bad.error!.issues[0]!.message).toMatch(/cannot exceed fail/);
    expect(PairTalliesSchema.safeParse([{ ...twinned, chance: { easy: 0.5, hard: 0.5, easyAllWrong: 0.75 } }]).success).toBe(false);
  });
});
