import { describe, expect, it } from 'vitest';
import { PairSchema } from '../contracts';
import { probeChance, tierAllWrongChance, tierChance } from './chance';

const probe = (id: string, tier: 'easy' | 'hard', answer: string) => ({
  id, family: 'commonsense.test', tier, prompt: `Q ${id}?`, answer, grader: { kind: 'yesno' as const },
});

describe('probeChance', () => {
  it.each([
    [{ grader: { kind: 'yesno' as const } }, 0.5],
    [{ grader: { kind: 'choice' as const, options: ['a', 'b', 'c', 'd'] } }, 0.25],
    [{ grader: { kind: 'numeric' as const } }, 0],
    [{ grader: { kind: 'numeric' as const }, chance: 0.5 }, 0.5],
  ])('%j → %s', (p, chance) => expect(probeChance(p)).toBe(chance));
});

describe('tierChance', () => {
  it('multiplies a probe with its contrast twin and leaves a lone hard probe alone', () => {
    const pair = PairSchema.parse({
      id: 'commonsense.test#1', family: 'commonsense.test',
      easy: probe('commonsense.test#1/easy', 'easy', 'yes'),
      easyTwin: probe('commonsense.test#1/easy-twin', 'easy', 'no'),
      hard: { ...probe('commonsense.test#1/hard', 'hard', '12'), grader: { kind: 'numeric' } },
    });
    expect(tierChance(pair, 'easy')).toBe(0.25);
    expect(tierChance(pair, 'hard')).toBe(0);
    // All wrong: (1 − ½)(1 − ½) for the twinned yes/no tier, 1 − 0 for the open hard probe; the rest (½) is partial.
    expect(tierAllWrongChance(pair, 'easy')).toBe(0.25);
    expect(tierAllWrongChance(pair, 'hard')).toBe(1);
  });

  it('refuses a twin with the wrong id', () => {
    const bad = PairSchema.safeParse({
      id: 'commonsense.test#1', family: 'commonsense.test',
      easy: probe('commonsense.test#1/easy', 'easy', 'yes'),
      easyTwin: probe('commonsense.test#1/twin', 'easy', 'no'),
      hard: probe('commonsense.test#1/hard', 'hard', 'no'),
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['easyTwin', 'id']);
  });
});
