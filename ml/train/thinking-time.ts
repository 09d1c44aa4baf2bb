import { wilson } from '../../evals/metrics/wilson';
import type { Predictor } from '../models/predict';
import { scoreSplit, type Scored, type SplitOutputs } from './evaluate';

/** A mean with its 95% interval (normal approximation, ±1.96 standard errors) and the n it rests on. */
export interface MeanInterval {
  n: number;
  mean: number;
  low: number;
  high: number;
}

/**
 * Thinking time on inputs the model never saw (the held-out difficulties of the test split): accuracy when the
 * model is stopped after k ticks, and the ticks adaptive halting uses against input length and against
 * correctness. This is the card's `thinking` field, the data behind ml/README.md's chart (and the dashboard's).
 */
export interface ThinkingTime {
  /** The halting threshold in force (chosen on the validation split). */
  threshold: number;
  /** The held-out difficulties pooled below. */
  lengths: number[];
  /** Accuracy if the model stops after `ticks` ticks (it answers by its rule among those ticks). */
  byTicks: { ticks: number; n: number; accuracy: number; low: number; high: number; byLength: { length: number; accuracy: number }[] }[];
  /** Mean ticks used under adaptive halting, per difficulty. */
  ticksUsedByLength: (MeanInterval & { length: number })[];
  /** Mean ticks used under adaptive halting on the answers it got right and on those it got wrong. */
  ticksUsedByCorrectness: { correct: MeanInterval; wrong: MeanInterval };
}

export function meanInterval(values: number[]): MeanInterval {
  const n = values.length;
  if (n === 0) return { n, mean: 0, low: 0, high: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  const half = 1.96 * Math.sqrt(variance / n);
  return { n, mean, low: mean - half, high: mean + half };
}

/** Ticks at which the accuracy curve is read: every tick up to 16, then every other one, and always the last. */
export function tickGrid(ticks: number): number[] {
  const grid = Array.from({ length: ticks }, (_, i) => i + 1).filter((k) => k <= 16 || k % 2 === 0 || k === ticks);
  return grid;
}

export function thinkingTime(predictor: Predictor, test: SplitOutputs, threshold: number): ThinkingTime | null {
  const held = test.slices.map((s, i) => (s.heldOut ? i : -1)).filter((i) => i >= 0);
  if (predictor.ticks < 2 || held.length === 0) return null;
  const pick = (scored: Scored[][]) => held.map((i) => scored[i]!);
  const byTicks = tickGrid(predictor.ticks).map((k) => {
    const perLength = pick(scoreSplit(predictor, test, threshold, k));
    const all = perLength.flat();
    const w = wilson(all.filter((x) => x.correct).length, all.length);
    return {
      ticks: k,
      n: all.length,
      accuracy: w.acc ?? 0,
      low: w.lo ?? 0,
      high: w.hi ?? 0,
      byLength: perLength.map((xs, j) => ({ length: test.slices[held[j]!]!.length, accuracy: xs.filter((x) => x.correct).length / Math.max(1, xs.length) })),
    };
  });
  const adaptive = pick(scoreSplit(predictor, test, threshold));
  const all = adaptive.flat();
  return {
    threshold,
    lengths: held.map((i) => test.slices[i]!.length),
    byTicks,
    ticksUsedByLength: adaptive.map((xs, j) => ({ length: test.slices[held[j]!]!.length, ...meanInterval(xs.map((x) => x.ticksUsed)) })),
    ticksUsedByCorrectness: {
      correct: meanInterval(all.filter((x) => x.correct).map((x) => x.ticksUsed)),
      wrong: meanInterval(all.filter((x) => !x.correct).map((x) => x.ticksUsed)),
    },
  };
}
