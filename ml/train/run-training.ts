import { initRuntime } from '../runtime';
import type { Card } from './card';
import { finishRun } from './finish-run';
import { prepareRun } from './prepare-run';
import type { TrainOptions } from './train-options';
import { trainSteps } from './train-steps';

export type { TrainOptions } from './train-options';
export { EVAL_PER_LENGTH, EVAL_SEED } from './splits-config';

export interface TrainResult {
  /** Null when the run stopped early (stopAfterSteps) and left a training state to resume. */
  card: Card | null;
  outDir: string;
}

/** Trains one checkpoint end to end (prepare → steps → assess and write files), resumable from its saved state. */
export async function runTraining(o: TrainOptions): Promise<TrainResult> {
  await initRuntime();
  const run = prepareRun(o);
  try {
    const { trainSeconds, stopped } = trainSteps(run, o);
    if (stopped) {
      for (const t of [...Object.values(run.trainable), ...Object.values(run.buffers)]) t.dispose();
      return { card: null, outDir: o.outDir };
    }
    return { card: finishRun(run, o, trainSeconds), outDir: o.outDir };
  } finally {
    run.optimizer.dispose();
  }
}
