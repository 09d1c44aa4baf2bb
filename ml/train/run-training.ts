import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { toHostTensors, toRuntimeTensors } from '../io/host-tensors';
import {
  fromInt32,
  initRuntime,
  jit,
  keep,
  toFloat32,
  toScalar,
  valueAndGradWithAux,
  type ParamTree,
  type Tensor,
} from '../runtime';
import { buildSplits, createBatchGenerator, decodeLogits, splitExclusion, TASKS, type TaskName } from '../tasks';
import type { ArchName } from '../models/architecture';
import { architecture } from '../models/architectures';
import { writeCard, type Card } from './card';
import { CHECKPOINT_FORMAT, MODEL_FILE, writeModelFiles, type CheckpointConfig } from '../models/checkpoint-files';
import { evaluate, pickThreshold, THRESHOLD_SWEEP } from './evaluate';
import { ResumableAdamW } from './optimizer';
import { countHostParams } from '../nn/param-init';
import { Predictor } from '../models/predict';
import { formatProgress } from './progress';
import { readTrainingState, STATE_DIR, writeTrainingState } from './training-state';

/** The held-out evaluation set is the same for every seed and architecture, so cards compare. */
export const EVAL_SEED = 20_260_000;
export const EVAL_PER_LENGTH = 256;
const EVAL_BATCH = 128;

export interface TrainOptions {
  arch: ArchName;
  task: TaskName;
  seed: number;
  outDir: string;
  steps?: number;
  ticks?: number;
  resume: boolean;
  checkpointEvery: number;
  /** Model inputs of the shipped suite (task keys), kept out of training. */
  suiteKeys: string[];
  /** One sentence on where suiteKeys came from (for the card). */
  suiteNote: string;
  /** The command line, recorded in the card. */
  command: string;
  /** Progress output (stderr); `final` ends a line that was being redrawn. */
  progress: (line: string) => void;
  /** Served model id (default `<arch>-<task>`). */
  name?: string;
  /**
   * Stop after this many steps, leaving only the training state behind (what a kill does): a later --resume goes
   * on from there. At the last step it defers the evaluation and card to that resume.
   */
  stopAfterSteps?: number;
  /** Overrides of the architecture's default model configuration (validated by its schema). */
  model?: Record<string, unknown>;
  /** Overrides of the architecture's training defaults. */
  peakLr?: number;
  batchSize?: number;
  /** Share of the run over which the length curriculum ramps up (0 = none; default: the architecture's). */
  curriculum?: number;
}

export interface TrainResult {
  /** Null when the run stopped early (stopAfterSteps) and left a training state to resume. */
  card: Card | null;
  outDir: string;
}

/** Trains one checkpoint end to end and writes model.safetensors, config.json, card.json and card.md. */
export async function runTraining(o: TrainOptions): Promise<TrainResult> {
  await initRuntime();
  const arch = architecture(o.arch);
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
  const defaults = { ...base, peakLr: o.peakLr ?? base.peakLr, batchSize: o.batchSize ?? base.batchSize };
  const totalSteps = o.steps ?? defaults.steps;
  const rampFraction = o.curriculum ?? base.curriculum ?? 0;

  const splits = buildSplits(task, { seed: EVAL_SEED, perLength: EVAL_PER_LENGTH });
  const suiteKeys = new Set(o.suiteKeys);
  const exclude = splitExclusion(task, splits, suiteKeys);
  const nextBatch = createBatchGenerator(task, {
    seed: o.seed,
    batchSize: defaults.batchSize,
    exclude,
    curriculum: rampFraction > 0 ? { totalSteps, rampFraction } : undefined,
  });

  const host = saved ? saved.params : arch.init(config, o.seed);
  const all = toRuntimeTensors(host);
  const buffers: ParamTree = {};
  let trainable: ParamTree = {};
  for (const [n, t] of Object.entries(all)) (arch.isBuffer(n) ? buffers : trainable)[n] = t;
  const optimizer = new ResumableAdamW(
    {
      schedule: { peakLr: defaults.peakLr, minLr: defaults.minLr, warmupSteps: defaults.warmupSteps, totalSteps },
      maxGradNorm: defaults.maxGradNorm,
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

  const lossFn = (p: ParamTree, b: ParamTree, tokens: Tensor, targets: Tensor): [Tensor, Tensor] => {
    const out = arch.loss({ ...p, ...b }, tokens, targets, config);
    for (const t of [...Object.values(p), ...Object.values(b)]) t.dispose();
    return out;
  };
  const step = jit(valueAndGradWithAux(lossFn));
  const keepAll = (tree: ParamTree) => Object.fromEntries(Object.entries(tree).map(([n, t]) => [n, keep(t)]));

  const saveState = (stepsDone: number, elapsed: number) => {
    const state = optimizer.state();
    if (!state) return;
    writeTrainingState(o.outDir, {
      meta: { arch: o.arch, task: o.task, seed: o.seed, step: stepsDone, elapsedSeconds: elapsed, model: config as Record<string, unknown> },
      params: toHostTensors({ ...trainable, ...buffers }),
      m: toHostTensors(state.m),
      v: toHostTensors(state.v),
    });
  };

  const started = performance.now();
  let lastReport = started;
  let emaLoss = NaN;
  let emaAcc = NaN;
  let emaLongest = NaN;
  const maxLength = Math.max(...task.lengths);
  const ema = (prev: number, x: number) => (Number.isNaN(prev) ? x : 0.95 * prev + 0.05 * x);
  for (let s = startStep; s < totalSteps; s++) {
    const batch = nextBatch();
    const tokens = fromInt32(batch.tokens, [batch.size, task.seqLen]);
    const targets = fromInt32(batch.targets, [batch.size, task.groups]);
    const [[loss, answerLogits], grads] = step(keepAll(trainable), keepAll(buffers), tokens, targets);
    trainable = optimizer.step(trainable, grads);
    const lossValue = toScalar(loss);
    if (!Number.isFinite(lossValue)) throw new Error(`loss became ${lossValue} at step ${s + 1}`);
    const predicted = decodeLogits(task, toFloat32(answerLogits), batch.size);
    const truth = decodeLogits(task, oneHotTargets(batch.targets, task.classes), batch.size);
    const accuracy = predicted.filter((p, i) => p === truth[i]).length / batch.size;
    const longest = [...batch.lengths.keys()].filter((i) => batch.lengths[i] === maxLength);
    emaLoss = ema(emaLoss, lossValue);
    emaAcc = ema(emaAcc, accuracy);
    if (longest.length) emaLongest = ema(emaLongest, longest.filter((i) => predicted[i] === truth[i]).length / longest.length);
    const now = performance.now();
    const done = s + 1;
    if (now - lastReport > 2000 || done === totalSteps) {
      lastReport = now;
      const stepsPerSecond = (done - startStep) / ((now - started) / 1000);
      o.progress(
        `${formatProgress({ step: done, totalSteps, loss: emaLoss, accuracy: emaAcc, stepsPerSecond })} ` +
          `len${maxLength} ${(100 * emaLongest).toFixed(1)}%\n`,
      );
    }
    if (done % o.checkpointEvery === 0 && done < totalSteps) saveState(done, elapsedBefore + (now - started) / 1000);
    if (o.stopAfterSteps !== undefined && done >= o.stopAfterSteps) {
      saveState(done, elapsedBefore + (now - started) / 1000);
      step.dispose();
      optimizer.dispose();
      for (const t of [...Object.values(trainable), ...Object.values(buffers)]) t.dispose();
      return { card: null, outDir: o.outDir };
    }
  }
  const trainSeconds = elapsedBefore + (performance.now() - started) / 1000;
  step.dispose();

  const final = { ...trainable, ...buffers };
  const predictor = new Predictor(arch, task, config, final, EVAL_BATCH);
  const thresholds = arch.answerRule === 'certainty-halting' ? THRESHOLD_SWEEP : [1];
  // The threshold is chosen on the validation split; every reported figure is on the test split.
  const validationSweep = evaluate(predictor, splits.validation, thresholds);
  const haltThreshold = arch.answerRule === 'certainty-halting' ? pickThreshold(validationSweep) : 1;
  const sweep = evaluate(predictor, splits.test, thresholds);
  const chosen = sweep.find((r) => r.threshold === haltThreshold)!;
  predictor.dispose();

  const hostParams = toHostTensors(final);
  const name = o.name ?? `${o.arch}-${o.task}`;
  const checkpoint: CheckpointConfig = {
    format: CHECKPOINT_FORMAT,
    name,
    arch: o.arch,
    task: o.task,
    model: config as Record<string, unknown>,
    paramCount: countHostParams(hostParams),
    ticks: arch.ticks(config),
    answerRule: arch.answerRule,
    haltThreshold,
  };
  writeModelFiles(o.outDir, checkpoint, hostParams);
  const card: Card = {
    name,
    arch: o.arch,
    task: o.task,
    command: o.command,
    seed: o.seed,
    steps: totalSteps,
    batchSize: defaults.batchSize,
    schedule: {
      peakLr: defaults.peakLr,
      minLr: defaults.minLr,
      warmupSteps: defaults.warmupSteps,
      maxGradNorm: defaults.maxGradNorm ?? null,
    },
    wallTimeSeconds: trainSeconds,
    stepsPerSecond: totalSteps / Math.max(1e-9, trainSeconds),
    paramCount: checkpoint.paramCount,
    modelBytes: statSync(join(o.outDir, MODEL_FILE)).size,
    ticks: checkpoint.ticks,
    answerRule: arch.answerRule,
    haltThreshold,
    model: checkpoint.model,
    evaluation: {
      seed: EVAL_SEED,
      perLength: EVAL_PER_LENGTH,
      byLength: chosen.byLength,
      meanAccuracy: chosen.meanAccuracy,
      thresholdSweep: sweep.map((r) => ({
        threshold: r.threshold,
        meanAccuracy: r.meanAccuracy,
        meanTicks: r.byLength.reduce((a, b) => a + b.meanTicks, 0) / r.byLength.length,
      })),
    },
    overlap: overlapStatement(o.task, chosen.byLength, o.suiteNote),
    runtime: '@jax-js/jax 0.1.25 (wasm, Node, single thread)',
    createdAt: new Date().toISOString(),
  };
  writeCard(o.outDir, card);
  rmSync(join(o.outDir, STATE_DIR), { recursive: true, force: true });
  for (const t of Object.values(final)) t.dispose();
  optimizer.dispose();
  return { card, outDir: o.outDir };
}

/** Targets as one-hot "logits", so the task's decoder turns them into the true answer text. */
function oneHotTargets(targets: Int32Array, classes: number): Float32Array {
  const out = new Float32Array(targets.length * classes);
  for (let i = 0; i < targets.length; i++) out[i * classes + targets[i]!] = 1;
  return out;
}

function overlapStatement(task: TaskName, byLength: { length: number; heldOut: boolean; n: number }[], suiteNote: string): string[] {
  const shared = byLength.filter((r) => !r.heldOut).map((r) => r.length);
  const held = byLength.filter((r) => r.heldOut).map((r) => r.length);
  const unit = task === 'parity' ? 'bits' : 'digits per operand';
  const lines = [suiteNote];
  if (held.length) lines.push(`Evaluation inputs of ${held.join(', ')} ${unit} were excluded from training (held out).`);
  if (shared.length)
    lines.push(
      `Lengths ${shared.join(', ')} (${unit}) have too few distinct inputs to hold any out (e.g. parity-8 has 256): their evaluation inputs can also occur in training, so those rows measure fit, not generalisation.`,
    );
  if (task === 'parity')
    lines.push('A string and its zero-extended form are the same model input (trailing 0s do not change parity), so exclusion works on the zero-padded 16-bit form.');
  return lines;
}
