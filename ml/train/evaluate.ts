import { wilson } from '../../evals/metrics/wilson';
import type { Predictor, RawOutputs } from '../models/predict';
import type { EvalSlice } from '../tasks';

/** A proportion with its 95% Wilson interval. */
export interface Interval {
  value: number;
  low: number;
  high: number;
}

/** Accuracy of one difficulty on an evaluation split. */
export interface LengthResult {
  length: number;
  n: number;
  accuracy: number;
  /** 95% Wilson interval of the accuracy. */
  low: number;
  high: number;
  /** Mean 1-based answering tick (the thinking time). */
  meanTicks: number;
  /** False where the difficulty's input space is too small to hold inputs out: those inputs can be in training. */
  heldOut: boolean;
}

/** Results of one halting threshold over every difficulty. */
export interface ThresholdResult {
  threshold: number;
  meanAccuracy: number;
  byLength: LengthResult[];
}

/** The forward outputs of a split, computed once; thresholds and tick limits only change which tick is read. */
export interface SplitOutputs {
  slices: EvalSlice<unknown>[];
  batches: { inputs: unknown[]; outputs: RawOutputs }[][];
}

export function runSplit(predictor: Predictor, slices: EvalSlice<unknown>[]): SplitOutputs {
  const batches = slices.map((slice) => {
    const out: { inputs: unknown[]; outputs: RawOutputs }[] = [];
    for (let start = 0; start < slice.inputs.length; start += predictor.batchSize) {
      const inputs = slice.inputs.slice(start, start + predictor.batchSize);
      out.push({ inputs, outputs: predictor.run(inputs) });
    }
    return out;
  });
  return { slices, batches };
}

/** One scored answer: its difficulty, whether it was right and the tick that answered. */
export interface Scored {
  length: number;
  heldOut: boolean;
  correct: boolean;
  ticksUsed: number;
}

/** Every answer of a split under a threshold, optionally stopping the model after `stopAt` ticks. */
export function scoreSplit(predictor: Predictor, split: SplitOutputs, threshold: number, stopAt?: number): Scored[][] {
  return split.slices.map((slice, s) =>
    split.batches[s]!.flatMap(({ inputs, outputs }) =>
      predictor.answers(outputs, threshold, stopAt).map((p, i) => ({
        length: slice.length,
        heldOut: slice.heldOut,
        correct: p.answer === predictor.task.answer(inputs[i]),
        ticksUsed: p.ticksUsed,
      })),
    ),
  );
}

function lengthResult(slice: EvalSlice<unknown>, scored: Scored[]): LengthResult {
  const n = scored.length;
  const correct = scored.filter((x) => x.correct).length;
  const w = wilson(correct, n);
  return {
    length: slice.length,
    n,
    accuracy: w.acc ?? 0,
    low: w.lo ?? 0,
    high: w.hi ?? 0,
    meanTicks: n ? scored.reduce((a, x) => a + x.ticksUsed, 0) / n : 0,
    heldOut: slice.heldOut,
  };
}

/** Whole-answer accuracy per difficulty (the answer text must equal the task's answer) for several thresholds. */
export function evaluate(predictor: Predictor, split: SplitOutputs, thresholds: number[]): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const scored = scoreSplit(predictor, split, threshold);
    const byLength = split.slices.map((slice, s) => lengthResult(slice, scored[s]!));
    return { threshold, meanAccuracy: meanAccuracy(byLength), byLength };
  });
}

/** Mean over difficulties (each difficulty weighs the same). */
export function meanAccuracy(results: LengthResult[]): number {
  return results.reduce((s, r) => s + r.accuracy, 0) / Math.max(1, results.length);
}

/** Halting thresholds swept on the validation split for certainty-halting models; 1 = the most certain tick. */
export const THRESHOLD_SWEEP = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];

/**
 * The default halting threshold, from the validation split's sweep: the lowest one whose accuracy is within half a
 * point of the best — the least thinking that costs (almost) no accuracy.
 */
export function pickThreshold(sweep: ThresholdResult[]): number {
  const best = Math.max(...sweep.map((r) => r.meanAccuracy));
  const ok = sweep.filter((r) => r.meanAccuracy >= best - 0.005).map((r) => r.threshold);
  return Math.min(...ok);
}
