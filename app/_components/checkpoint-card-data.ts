import type { CardThinkingTime, CheckpointCard, ModelCards } from '../../evals/contracts/checkpoint-card';

/** A point of "accuracy if stopped after k ticks": the line, and its 95% band as recharts' range area wants it. */
export interface AccuracyByTicksPoint {
  ticks: number;
  accuracy: number;
  band: [number, number];
  n: number;
}

/** A point of "ticks used by input length": the mean, and the distances to its interval ends for an ErrorBar. */
export interface TicksByLengthPoint {
  length: number;
  mean: number;
  low: number;
  high: number;
  error: [number, number];
  n: number;
}

/** A bar of "accuracy by input length" on the test split, marked held out (unseen) or seen in training. */
export interface AccuracyByLengthPoint {
  length: number;
  accuracy: number;
  low: number;
  high: number;
  error: [number, number];
  n: number;
  heldOut: boolean;
}

/** Distances from a value to its interval's ends, never negative (a rounded bound can sit a hair inside). */
const spread = (value: number, low: number, high: number): [number, number] => [Math.max(0, value - low), Math.max(0, high - value)];

export function accuracyByTicks(thinking: CardThinkingTime): AccuracyByTicksPoint[] {
  return [...thinking.byTicks].sort((a, b) => a.ticks - b.ticks).map((b) => ({ ticks: b.ticks, accuracy: b.accuracy, band: [b.low, b.high], n: b.n }));
}

export function ticksByLength(thinking: CardThinkingTime): TicksByLengthPoint[] {
  return [...thinking.ticksUsedByLength]
    .sort((a, b) => a.length - b.length)
    .map((l) => ({ length: l.length, mean: l.mean, low: l.low, high: l.high, error: spread(l.mean, l.low, l.high), n: l.n }));
}

export function accuracyByLength(card: CheckpointCard): AccuracyByLengthPoint[] {
  return [...card.evaluation.byLength]
    .sort((a, b) => a.length - b.length)
    .map((l) => ({ length: l.length, accuracy: l.accuracy, low: l.low, high: l.high, error: spread(l.accuracy, l.low, l.high), n: l.n, heldOut: l.heldOut }));
}

/** "6–16" for a run of lengths, "3, 5, 9" when they have gaps, "" for none. */
export function lengthRange(lengths: readonly number[]): string {
  const sorted = [...new Set(lengths)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const contiguous = sorted.every((l, i) => i === 0 || l === sorted[i - 1]! + 1);
  if (sorted.length === 1) return String(sorted[0]);
  return contiguous ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}

/** "1,784" or "1,784–1,790" when the points rest on different n. */
export function nRange(ns: readonly number[]): string {
  const min = Math.min(...ns);
  const max = Math.max(...ns);
  return min === max ? min.toLocaleString('en-US') : `${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')}`;
}

/** The caption every thinking-time chart carries: the n, the split and where the halting threshold came from. */
export function thinkingCaption(card: CheckpointCard, thinking: CardThinkingTime): string {
  const n = nRange(thinking.byTicks.map((b) => b.n));
  return (
    `Test split, lengths held out of training (${lengthRange(thinking.lengths)} ${card.lengthUnit}): n = ${n} inputs per point. ` +
    `Halting threshold ${thinking.threshold} (chosen on the validation split). Checkpoint ${card.checkpoint}: ` +
    `${card.paramCount.toLocaleString('en-US')} parameters, ${card.ticks} ticks, ${card.steps.toLocaleString('en-US')} training steps, seed ${card.seed}.`
  );
}

/** The card the page opens on: the parity checkpoint (the CTM's headline task) when there is one, else the first. */
export function defaultCard(cards: ModelCards['cards']): string | null {
  const ok = cards.filter((c) => c.card !== null);
  return (ok.find((c) => c.card!.task === 'parity') ?? ok[0])?.checkpoint ?? null;
}

/** Thinking time is shown for checkpoints that halt adaptively: a last-tick model always "uses" all its ticks. */
export function showsThinking(card: CheckpointCard): card is CheckpointCard & { evaluation: { thinking: CardThinkingTime } } {
  return card.answerRule === 'certainty-halting' && card.evaluation.thinking !== null && card.evaluation.thinking.byTicks.length > 0;
}
