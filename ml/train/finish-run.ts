import { rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toHostTensors } from '../io/host-tensors';
import { CHECKPOINT_FORMAT, MODEL_FILE, writeModelFiles, type CheckpointConfig } from '../models/checkpoint-files';
import { Predictor } from '../models/predict';
import { countHostParams } from '../nn/param-init';
import type { TaskName } from '../tasks';
import { assess } from './assess';
import { writeCard, type Card } from './card';
import type { LengthResult } from './evaluate';
import type { PreparedRun } from './prepare-run';
import { EVAL_PER_LENGTH, EVAL_SEED } from './splits-config';
import type { TrainOptions } from './train-options';
import { STATE_DIR } from './training-state';

const EVAL_BATCH = 128;

/**
 * After the last step: assesses the model (threshold on validation, figures on test), writes model.safetensors,
 * config.json, card.json and card.md, and removes the training state.
 */
export function finishRun(run: PreparedRun, o: TrainOptions, trainSeconds: number): Card {
  const { arch, task, config, training, totalSteps } = run;
  const final = { ...run.trainable, ...run.buffers };
  const predictor = new Predictor(arch, task, config, final, EVAL_BATCH);
  const result = assess(predictor, run.splits);
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
    haltThreshold: result.threshold,
  };
  writeModelFiles(o.outDir, checkpoint, hostParams);
  const card: Card = {
    name,
    arch: o.arch,
    task: o.task,
    command: o.command,
    evalCommand: `npx sawtooth train --eval-only --out ${relative(process.cwd(), o.outDir) || '.'} --json`,
    seed: o.seed,
    steps: totalSteps,
    batchSize: training.batchSize,
    schedule: {
      peakLr: training.peakLr,
      minLr: training.minLr,
      warmupSteps: training.warmupSteps,
      maxGradNorm: training.maxGradNorm ?? null,
      curriculum: training.curriculum,
    },
    wallTimeSeconds: trainSeconds,
    stepsPerSecond: totalSteps / Math.max(1e-9, trainSeconds),
    paramCount: checkpoint.paramCount,
    modelBytes: statSync(join(o.outDir, MODEL_FILE)).size,
    ticks: checkpoint.ticks,
    answerRule: arch.answerRule,
    haltThreshold: result.threshold,
    model: checkpoint.model,
    evaluation: {
      split: 'test',
      seed: EVAL_SEED,
      perLength: EVAL_PER_LENGTH,
      byLength: result.test.byLength,
      meanAccuracy: result.test.meanAccuracy,
      validationSweep: result.validationSweep,
      thinking: result.thinking,
    },
    overlap: overlapStatement(o.task, result.test.byLength, o.suiteNote),
    runtime: '@jax-js/jax 0.1.25 (wasm, Node, single thread)',
    createdAt: new Date().toISOString(),
  };
  writeCard(o.outDir, card);
  rmSync(join(o.outDir, STATE_DIR), { recursive: true, force: true });
  for (const t of Object.values(final)) t.dispose();
  return card;
}

const UNITS: Record<TaskName, string> = {
  parity: 'bits',
  addition: 'digits per operand',
  'binary-to-decimal': 'significant bits',
  'stack-operations': 'operations',
};

function overlapStatement(task: TaskName, byLength: LengthResult[], suiteNote: string): string[] {
  const shared = byLength.filter((r) => !r.heldOut).map((r) => r.length);
  const held = byLength.filter((r) => r.heldOut).map((r) => r.length);
  const unit = UNITS[task];
  const lines = [suiteNote];
  if (held.length)
    lines.push(
      `Validation and test inputs of ${held.join(', ')} ${unit} are disjoint from each other and were excluded from training (by model input).`,
    );
  if (shared.length)
    lines.push(
      `Lengths ${shared.join(', ')} (${unit}) have too few distinct inputs to hold out at least 8 per split: their test rows are every input of that length, which training also saw, so they measure fit, not generalisation.`,
    );
  if (task === 'parity')
    lines.push(
      'A string and its zero-extended form are the same model input (trailing 0s do not change parity), so held-out strings end in 1 and exclusion works on the zero-padded 16-bit form; a random 16-bit string ending in 0 is the same input as a shorter string, which training may have seen.',
    );
  return lines;
}
