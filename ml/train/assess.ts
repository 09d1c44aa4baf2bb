import type { Predictor } from '../models/predict';
import type { Splits } from '../tasks';
import { evaluate, pickThreshold, runSplit, THRESHOLD_SWEEP, type ThresholdResult } from './evaluate';
import { thinkingTime, type ThinkingTime } from './thinking-time';

/** What a checkpoint's card reports: the threshold (chosen on validation) and every figure on the test split. */
export interface Assessment {
  threshold: number;
  /** The validation split's sweep the threshold was chosen from; empty when the threshold was given. */
  validationSweep: { threshold: number; meanAccuracy: number; meanTicks: number }[];
  test: ThresholdResult;
  thinking: ThinkingTime | null;
}

/**
 * Assesses a model on its splits. Without a given threshold, certainty-halting models sweep thresholds on the
 * validation split and keep the least thinking that costs almost no accuracy there; the test split is only read at
 * that one threshold (and for the thinking-time curves), so no choice ever sees it.
 */
export function assess(predictor: Predictor, splits: Splits<unknown>, given?: number): Assessment {
  let threshold = given ?? 1;
  let validationSweep: Assessment['validationSweep'] = [];
  if (given === undefined && predictor.arch.answerRule === 'certainty-halting') {
    const sweep = evaluate(predictor, runSplit(predictor, splits.validation), THRESHOLD_SWEEP);
    threshold = pickThreshold(sweep);
    validationSweep = sweep.map((r) => ({
      threshold: r.threshold,
      meanAccuracy: r.meanAccuracy,
      meanTicks: r.byLength.reduce((a, b) => a + b.meanTicks, 0) / Math.max(1, r.byLength.length),
    }));
  }
  const testOutputs = runSplit(predictor, splits.test);
  const [test] = evaluate(predictor, testOutputs, [threshold]);
  return { threshold, validationSweep, test: test!, thinking: thinkingTime(predictor, testOutputs, threshold) };
}
