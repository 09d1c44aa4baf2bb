import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CardLengthSchema, CheckpointCardSchema, ThinkingTimeSchema, type CheckpointCard } from '../../evals/contracts/checkpoint-card';
import { accuracyByLength, accuracyByTicks, defaultCard, lengthRange, nRange, showsThinking, thinkingCaption, ticksByLength } from './checkpoint-card-data';

const mean = (n: number, m: number, half: number) => ({ n, mean: m, low: m - half, high: m + half });

/** A small card in the served shape; ticks and lengths deliberately out of order. */
function card(overrides: Partial<CheckpointCard> = {}): CheckpointCard {
  return CheckpointCardSchema.parse({
    checkpoint: 'ctm-parity', arch: 'ctm', task: 'parity', family: 'algorithmic.parity', lengthUnit: 'bits',
    command: 'npx sawtooth train --arch ctm --task parity', seed: 2, steps: 3500, paramCount: 28418, ticks: 4,
    answerRule: 'certainty-halting', haltThreshold: 0.95,
    evaluation: {
      split: 'test', meanAccuracy: 0.8,
      byLength: [
        { length: 7, n: 32, accuracy: 0.75, low: 0.58, high: 0.87, meanTicks: 3, heldOut: true },
        { length: 2, n: 4, accuracy: 1, low: 0.51, high: 1, meanTicks: 2, heldOut: false },
      ],
      thinking: {
        threshold: 0.95, lengths: [6, 7],
        byTicks: [
          { ticks: 4, n: 64, accuracy: 0.7, low: 0.58, high: 0.8, byLength: [] },
          { ticks: 1, n: 64, accuracy: 0.5, low: 0.38, high: 0.62, byLength: [] },
        ],
        ticksUsedByLength: [{ length: 7, ...mean(32, 3.5, 0.25) }, { length: 6, ...mean(32, 2.5, 0.5) }],
        ticksUsedByCorrectness: { correct: mean(45, 3, 0.2), wrong: mean(19, 3.4, 0.3) },
      },
    },
    overlap: ['Lengths 1–5 are seen in training.'],
    ...overrides,
  });
}

describe('training-card data for the model page', () => {
  it('puts accuracy by ticks in tick order with its 95% band as a range', () => {
    expect(accuracyByTicks(card().evaluation.thinking!)).toEqual([
      { ticks: 1, accuracy: 0.5, band: [0.38, 0.62], n: 64 },
      { ticks: 4, accuracy: 0.7, band: [0.58, 0.8], n: 64 },
    ]);
  });

  it('gives ticks used by length as error-bar distances from the mean', () => {
    const points = ticksByLength(card().evaluation.thinking!);
    expect(points.map((p) => p.length)).toEqual([6, 7]);
    expect(points[0]!.error).toEqual([0.5, 0.5]);
    expect(points[1]).toMatchObject({ mean: 3.5, low: 3.25, high: 3.75, n: 32 });
  });

  it('never draws a negative error bar when a bound is a hair inside the value', () => {
    const c = card();
    c.evaluation.byLength[0] = CardLengthSchema.parse({ length: 7, n: 32, accuracy: 1, low: 0.89, high: 0.9999999, meanTicks: 3, heldOut: true });
    expect(accuracyByLength(c).find((p) => p.length === 7)!.error).toEqual([expect.closeTo(0.11, 9), 0]);
  });

  it('orders accuracy by length and keeps which lengths were held out', () => {
    expect(accuracyByLength(card()).map((p) => [p.length, p.heldOut])).toEqual([[2, false], [7, true]]);
  });

  it('captions the n, the split and where the threshold came from', () => {
    const caption = thinkingCaption(card(), card().evaluation.thinking!);
    expect(caption).toContain('Test split, lengths held out of training (6–7 bits)');
    expect(caption).toContain('n = 64 inputs per point');
    expect(caption).toContain('Halting threshold 0.95 (chosen on the validation split)');
    expect(caption).toContain('28,418 parameters');
  });

  it('writes lengths as a range only when they have no gap, and n as a range only when it varies', () => {
    expect(lengthRange([9, 6, 7, 8])).toBe('6–9');
    expect(lengthRange([3, 5, 9])).toBe('3, 5, 9');
    expect(lengthRange([4])).toBe('4');
    expect(lengthRange([])).toBe('');
    expect(nRange([1784, 1784])).toBe('1,784');
    expect(nRange([56, 512])).toBe('56–512');
  });

  it('shows thinking only for an adaptively halting checkpoint with thinking data', () => {
    expect(showsThinking(card())).toBe(true);
    expect(showsThinking(card({ answerRule: 'last-tick' }))).toBe(false);
    const oneTick = card();
    oneTick.evaluation.thinking = null;
    expect(showsThinking(oneTick)).toBe(false);
  });

  it('opens on the parity checkpoint of a router, else its first readable card', () => {
    const addition = card({ checkpoint: 'ctm-addition', task: 'addition' });
    const entry = (c: CheckpointCard) => ({ checkpoint: c.checkpoint, card: c, problem: null });
    const broken = { checkpoint: 'ctm-broken', card: null, problem: 'ctm-broken has no card.json' };
    expect(defaultCard([broken, entry(addition), entry(card())])).toBe('ctm-parity');
    expect(defaultCard([broken, entry(addition)])).toBe('ctm-addition');
    expect(defaultCard([broken])).toBeNull();
  });

  it('reads the thinking time of the shipped CTM card, whatever its figures', () => {
    const file = JSON.parse(readFileSync(new URL('../../checkpoints/ctm-parity/card.json', import.meta.url), 'utf8'));
    const thinking = ThinkingTimeSchema.parse(file.evaluation.thinking);
    const points = accuracyByTicks(thinking);
    expect(points).toHaveLength(thinking.byTicks.length);
    expect(points.every((p, i) => i === 0 || p.ticks > points[i - 1]!.ticks)).toBe(true);
    expect(points.every((p) => p.band[0] <= p.accuracy && p.accuracy <= p.band[1])).toBe(true);
    expect(ticksByLength(thinking).map((p) => p.length)).toEqual([...thinking.lengths].sort((a, b) => a - b));
  });
});
