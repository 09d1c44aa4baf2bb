import type { EvalSlice } from '../tasks';
import type { Predictor, RawOutputs } from '../models/predict';

/** Accuracy of one difficulty on the evaluation set. */
export interface LengthResult {
  length: number;
  n: number;
  accuracy: number;
  /** Mean 1-based answering tick (the thinking time). */
  meanTicks: number;
  heldOut: boolean;
}

/** Results of one halting threshold over every difficulty. */
export interface ThresholdResult {
  threshold: number;
  meanAccuracy: number;
  byLength: LengthResult[];
}

/**
 * Whole-answer accuracy per difficulty (the answer text must equal the task's answer) for several halting
 * thresholds. The forward runs once per batch; thresholds only change which tick is read.
 */
export function evaluate(predictor: Predictor, slices: EvalSlice<unknown>[], thresholds: number[]): ThresholdResult[] {
  const raw = slices.map((slice) => {
    const batches: { inputs: unknown[]; outputs: RawOutputs }[] = [];
    for (let start = 0; start < slice.inputs.length; start += predictor.batchSize) {
      const inputs = slice.inputs.slice(start, start + predictor.batchSize);
      batches.push({ inputs, outputs: predictor.run(inputs) });
    }
    return batches;
  });
  return thresholds.map((threshold) => {
    const byLength = slices.map((slice, s) => {
      let correct = 0;
      let ticks = 0;
      for (const { inputs, outputs } of raw[s]!) {
        predictor.answers(outputs, threshold).forEach((prediction, i) => {
          if (prediction.answer === predictor.task.answer(inputs[i])) correct++;
          ticks += prediction.ticksUsed;
        });
      }
      const n = slice.inputs.length;
      return { length: slice.length, n, accuracy: correct / n, meanTicks: ticks / n, heldOut: slice.heldOut };
    });
    return { threshold, meanAccuracy: meanAccuracy(byLength), byLength };
  });
}

/** Mean accuracy over difficulties (each difficulty weighs the same). */
export function meanAccuracy(results: LengthResult[]): number {
  return results.reduce((s, r) => s + r.accuracy, 0) / Math.max(1, results.length);
}

/** Halting thresholds the card sweeps for certainty-halting models; 1 = never halt early (most certain tick). */
export const THRESHOLD_SWEEP = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];

/**
 * The default halting threshold: the lowest one whose accuracy is within half a point of the best in the sweep —
 * the least thinking that costs (almost) no accuracy.
 */
export function pickThreshold(sweep: ThresholdResult[]): number {
  const best = Math.max(...sweep.map((r) => r.meanAccuracy));
  const ok = sweep.filter((r) => r.meanAccuracy >= best - 0.005).map((r) => r.threshold);
  return Math.min(...ok);
}
