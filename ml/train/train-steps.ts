import { toHostTensors } from '../io/host-tensors';
import { fromInt32, jit, keep, toFloat32, toScalar, valueAndGradWithAux, type ParamTree, type Tensor } from '../runtime';
import { decodeLogits } from '../tasks';
import type { PreparedRun } from './prepare-run';
import { formatProgress } from './progress';
import type { TrainOptions } from './train-options';
import { writeTrainingState } from './training-state';

export interface StepsOutcome {
  /** Seconds of training so far, across resumed sessions. */
  trainSeconds: number;
  /** True when the run stopped at `stopAfterSteps` and left a training state for --resume. */
  stopped: boolean;
}

const keepAll = (tree: ParamTree) => Object.fromEntries(Object.entries(tree).map(([n, t]) => [n, keep(t)]));
const ema = (prev: number, x: number) => (Number.isNaN(prev) ? x : 0.95 * prev + 0.05 * x);

/**
 * The optimisation loop from the run's start step to its end (or `stopAfterSteps`): one compiled step per batch,
 * a progress line every 2 s (with accuracy on the batch's longest inputs, the learning curve that matters), and a
 * resumable training state every `checkpointEvery` steps. Updates `run.trainable` in place.
 */
export function trainSteps(run: PreparedRun, o: TrainOptions): StepsOutcome {
  const { arch, task, config, optimizer, totalSteps, startStep, elapsedBefore } = run;
  const step = jit(
    valueAndGradWithAux((p: ParamTree, b: ParamTree, tokens: Tensor, targets: Tensor): [Tensor, Tensor] => {
      const out = arch.loss({ ...p, ...b }, tokens, targets, config);
      for (const t of [...Object.values(p), ...Object.values(b)]) t.dispose();
      return out;
    }),
  );
  const started = performance.now();
  const seconds = () => elapsedBefore + (performance.now() - started) / 1000;
  const saveState = (stepsDone: number) => {
    const state = optimizer.state();
    if (!state) return;
    writeTrainingState(o.outDir, {
      meta: { arch: o.arch, task: o.task, seed: o.seed, step: stepsDone, elapsedSeconds: seconds(), model: config as Record<string, unknown> },
      params: toHostTensors({ ...run.trainable, ...run.buffers }),
      m: toHostTensors(state.m),
      v: toHostTensors(state.v),
    });
  };

  let lastReport = started;
  let emaLoss = NaN;
  let emaAcc = NaN;
  let emaLongest = NaN;
  const maxLength = Math.max(...task.lengths);
  try {
    for (let s = startStep; s < totalSteps; s++) {
      const batch = run.nextBatch();
      const tokens = fromInt32(batch.tokens, [batch.size, task.seqLen]);
      const targets = fromInt32(batch.targets, [batch.size, task.groups]);
      const [[loss, answerLogits], grads] = step(keepAll(run.trainable), keepAll(run.buffers), tokens, targets);
      run.trainable = optimizer.step(run.trainable, grads);
      const lossValue = toScalar(loss);
      if (!Number.isFinite(lossValue)) throw new Error(`loss became ${lossValue} at step ${s + 1}`);
      const predicted = decodeLogits(task, toFloat32(answerLogits), batch.size);
      const truth = decodeLogits(task, oneHotTargets(batch.targets, task.classes), batch.size);
      const right = predicted.map((p, i) => p === truth[i]);
      const longest = right.filter((_, i) => batch.lengths[i] === maxLength);
      emaLoss = ema(emaLoss, lossValue);
      emaAcc = ema(emaAcc, right.filter(Boolean).length / batch.size);
      if (longest.length) emaLongest = ema(emaLongest, longest.filter(Boolean).length / longest.length);
      const done = s + 1;
      const now = performance.now();
      if (now - lastReport > 2000 || done === totalSteps) {
        lastReport = now;
        const stepsPerSecond = (done - startStep) / ((now - started) / 1000);
        o.progress(
          `${formatProgress({ step: done, totalSteps, loss: emaLoss, accuracy: emaAcc, stepsPerSecond })} len${maxLength} ${(100 * emaLongest).toFixed(1)}%\n`,
        );
      }
      if (o.stopAfterSteps !== undefined && done >= o.stopAfterSteps) {
        saveState(done);
        return { trainSeconds: seconds(), stopped: true };
      }
      if (done % o.checkpointEvery === 0 && done < totalSteps) saveState(done);
    }
    return { trainSeconds: seconds(), stopped: false };
  } finally {
    step.dispose();
  }
}

/** Targets as one-hot "logits", so the task's decoder turns them into the true answer text. */
function oneHotTargets(targets: Int32Array, classes: number): Float32Array {
  const out = new Float32Array(targets.length * classes);
  for (let i = 0; i < targets.length; i++) out[i * classes + targets[i]!] = 1;
  return out;
}
