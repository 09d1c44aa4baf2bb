import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskName } from '../tasks';
import { CONFIG_FILE } from '../models/checkpoint-files';
import { loadCheckpoint, type LoadedCheckpoint } from '../models/load-checkpoint';
import { Predictor, type RawOutputs } from '../models/predict';
import { MicroBatcher, type MicroBatcherOptions } from './micro-batcher';
import type { SawtoothExtension } from './openai-schemas';
import { readServedCard, type ServedCard } from './served-card';

/** What a model can be asked, in the words of its refusal. */
const TASK_SCOPE: Record<TaskName, string> = {
  parity: 'the parity of a bit string (up to 16 bits)',
  addition: 'the sum of two whole numbers (up to 5 digits each)',
  'binary-to-decimal': 'a binary number in decimal (up to 16 bits)',
  'stack-operations': 'the stack left by up to 15 push/pop operations (values 1 to 99)',
};

/** The answer to one prompt. */
export interface ServedAnswer {
  text: string;
  sawtooth: SawtoothExtension;
}

/**
 * Batch sizes compiled per checkpoint: 1, 4, 16, … up to and including maxBatch. A batch runs on the smallest
 * compiled size that holds it (padding the rest), so two requests do not pay for a forward of 16 while only a few
 * shapes are compiled at start (each compile takes seconds for a many-tick model).
 */
export function compiledBatchSizes(maxBatch: number): number[] {
  const sizes: number[] = [];
  for (let size = 1; size < maxBatch; size *= 4) sizes.push(size);
  sizes.push(maxBatch);
  return sizes;
}

/** One loaded checkpoint: compiled forwards for a few batch sizes, behind a micro-batcher. */
export class ServedCheckpoint {
  readonly #predictors: Predictor[];
  readonly batcher: MicroBatcher<unknown, RawOutputs>;
  /** The training card read with the weights (GET /v1/models/<id>/card), or why there is none. */
  readonly card: ServedCard;

  constructor(
    readonly loaded: LoadedCheckpoint,
    batching: MicroBatcherOptions,
  ) {
    const { arch, task, config, params } = loaded;
    this.card = readServedCard(loaded);
    this.#predictors = compiledBatchSizes(batching.maxBatch).map((size) => new Predictor(arch, task, config, params, size));
    this.batcher = new MicroBatcher((inputs) => this.#runRows(inputs), batching);
  }

  get name(): string {
    return this.loaded.file.name;
  }

  /** Compiles both forwards (seconds for many ticks), so that requests never pay for it. */
  warmUp(): void {
    for (const predictor of this.#predictors) predictor.warmUp();
  }

  /** Parses the prompt with this checkpoint's task; null when it is not one of its questions. */
  parse(prompt: string): unknown {
    return this.loaded.task.parse(prompt);
  }

  async answer(input: unknown, threshold: number | undefined, arch: string): Promise<ServedAnswer> {
    const { value, batchSize } = await this.batcher.submit(input);
    const used = threshold ?? this.loaded.file.haltThreshold;
    const [prediction] = this.#predictors[0]!.answers(value, used);
    return {
      text: prediction!.answer,
      sawtooth: {
        arch,
        checkpoint: this.name,
        task: this.loaded.task.name,
        ticksUsed: prediction!.ticksUsed,
        // The wire keeps its older name too: server/providers reads `haltingTick` (same 1-based tick).
        haltingTick: prediction!.ticksUsed,
        ticks: prediction!.ticks,
        certaintyPerTick: prediction!.certaintyPerTick,
        threshold: used,
        batchSize,
      },
    };
  }

  /** One forward for the batch, split back into one-row outputs. */
  #runRows(inputs: unknown[]): RawOutputs[] {
    const predictor = this.#predictors.find((p) => p.batchSize >= inputs.length)!;
    const raw = predictor.run(inputs);
    const T = predictor.ticks;
    const perRow = T * this.loaded.task.groups * this.loaded.task.classes;
    return inputs.map((_, row) => ({
      n: 1,
      logits: raw.logits.subarray(row * perRow, (row + 1) * perRow),
      certainty: raw.certainty.subarray(row * T, (row + 1) * T),
    }));
  }

  dispose(): void {
    for (const predictor of this.#predictors) predictor.dispose();
  }
}

/** A served model id: a checkpoint itself, or an architecture's router over its checkpoints. */
export interface ServedModel {
  id: string;
  arch: string;
  /** Checkpoints this model answers with (one for a checkpoint model, one per task for a router). */
  checkpoints: ServedCheckpoint[];
  router: boolean;
}

export function refusalText(tasks: TaskName[]): string {
  return `I can only answer questions about ${tasks.map((t) => TASK_SCOPE[t]).join(' or ')}.`;
}

/** Answers a prompt with the first checkpoint whose task parses it, or refuses (an answer, not an error). */
export async function answerPrompt(model: ServedModel, prompt: string, threshold: number | undefined): Promise<ServedAnswer> {
  for (const checkpoint of model.checkpoints) {
    const input = checkpoint.parse(prompt);
    if (input !== null) return checkpoint.answer(input, threshold, model.arch);
  }
  return {
    text: refusalText(model.checkpoints.map((c) => c.loaded.task.name)),
    sawtooth: {
      arch: model.arch,
      checkpoint: null,
      task: null,
      ticksUsed: 0,
      haltingTick: 0,
      ticks: model.checkpoints[0]?.loaded.file.ticks ?? 0,
      certaintyPerTick: [],
      threshold: threshold ?? model.checkpoints[0]?.loaded.file.haltThreshold ?? 1,
      batchSize: 0,
    },
  };
}

/** Every checkpoint directory (a folder with config.json) directly under `dir`, sorted by name. */
export function findCheckpointDirs(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`checkpoints directory ${dir} does not exist`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, CONFIG_FILE)))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** Loads every checkpoint and builds the model list: each checkpoint, plus `sawtooth-<arch>` routers. */
export async function loadServedModels(dir: string, batching: MicroBatcherOptions): Promise<ServedModel[]> {
  const checkpoints: ServedCheckpoint[] = [];
  for (const path of findCheckpointDirs(dir)) checkpoints.push(new ServedCheckpoint(await loadCheckpoint(path), batching));
  const models: ServedModel[] = checkpoints.map((c) => ({ id: c.name, arch: c.loaded.file.arch, checkpoints: [c], router: false }));
  const archs = [...new Set(checkpoints.map((c) => c.loaded.file.arch))];
  for (const arch of archs) {
    const own = checkpoints.filter((c) => c.loaded.file.arch === arch);
    models.push({ id: `sawtooth-${arch}`, arch, checkpoints: own, router: true });
  }
  return models;
}
