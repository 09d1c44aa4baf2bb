import { join } from 'node:path';
import { toRuntimeTensors } from '../io/host-tensors';
import type { Architecture, TrainingDefaults } from '../models/architecture';
import { architecture } from '../models/architectures';
import type { ParamTree } from '../runtime';
import { buildSplits, createBatchGenerator, splitExclusion, TASKS, type Splits, type Task, type TaskBatch } from '../tasks';
import { ResumableAdamW } from './optimizer';
import { EVAL_PER_LENGTH, EVAL_SEED } from './splits-config';
import type { TrainOptions } from './train-options';
import { readTrainingState, STATE_DIR } from './training-state';

/** Everything a run needs before its first step: model, data, optimiser, and where a resumed run left off. */
export interface PreparedRun {
  arch: Architecture<unknown>;
  task: Task<unknown>;
  config: unknown;
  training: TrainingDefaults & { curriculum: number };
  totalSteps: number;
  splits: Splits<unknown>;
  nextBatch: () => TaskBatch;
  trainable: ParamTree;
  buffers: ParamTree;
  optimizer: ResumableAdamW;
  startStep: number;
  elapsedBefore: number;
}

/**
 * Builds the run: the model configuration (defaults + overrides, or the saved one on resume), the validation and
 * test splits and the training stream that avoids them and the suite, fresh or saved parameters and optimiser state.
 */
export function prepareRun(o: TrainOptions): PreparedRun {
  const arch = architecture(o.arch) as Architecture<unknown>;
  const task = TASKS[o.task];
  const saved = o.resume ? readTrainingState(o.outDir) : null;
  if (saved && (saved.meta.arch !== o.arch || saved.meta.task !== o.task || saved.meta.seed !== o.seed))
    throw new Error(
      `${join(o.outDir, STATE_DIR)} holds a ${saved.meta.arch}/${saved.meta.task} seed ${saved.meta.seed} run, not ${o.arch}/${o.task} seed ${o.seed}`,
    );
  const config = saved
    ? arch.configSchema.parse(saved.meta.model)
    : arch.configSchema.parse({ ...(arch.defaultConfig(task, { ticks: o.ticks }) as Record<string, unknown>), ...o.model });
  const base = arch.training(task);
  const training = {
    ...base,
    peakLr: o.peakLr ?? base.peakLr,
    batchSize: o.batchSize ?? base.batchSize,
    curriculum: o.curriculum ?? base.curriculum ?? 0,
  };
  const totalSteps = o.steps ?? training.steps;

  const splits = buildSplits(task, { seed: EVAL_SEED, perLength: EVAL_PER_LENGTH });
  const nextBatch = createBatchGenerator(task, {
    seed: o.seed,
    batchSize: training.batchSize,
    exclude: splitExclusion(task, splits, o.suiteKeys),
    curriculum: training.curriculum > 0 ? { totalSteps, rampFraction: training.curriculum } : undefined,
  });

  const all = toRuntimeTensors(saved ? saved.params : arch.init(config, o.seed));
  const buffers: ParamTree = {};
  const trainable: ParamTree = {};
  for (const [n, t] of Object.entries(all)) (arch.isBuffer(n) ? buffers : trainable)[n] = t;
  const optimizer = new ResumableAdamW(
    {
      schedule: { peakLr: training.peakLr, minLr: training.minLr, warmupSteps: training.warmupSteps, totalSteps },
      maxGradNorm: training.maxGradNorm,
    },
    Object.keys(trainable),
  );
  let startStep = 0;
  let elapsedBefore = 0;
  if (saved) {
    optimizer.load({ step: saved.meta.step, m: toRuntimeTensors(saved.m), v: toRuntimeTensors(saved.v) });
    startStep = saved.meta.step;
    elapsedBefore = saved.meta.elapsedSeconds;
    for (let s = 0; s < startStep; s++) nextBatch(); // the data stream continues where it stopped
    o.progress(`resuming ${o.arch}-${o.task} from step ${startStep}\n`);
  }
  return { arch, task, config, training, totalSteps, splits, nextBatch, trainable, buffers, optimizer, startStep, elapsedBefore };
}
