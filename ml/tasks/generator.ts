import { encodeBatch, type TaskBatch } from './batch';
import { curriculumLength, type Curriculum } from './curriculum';
import { Prng } from '../runtime';
import type { Task } from './task';

export interface GeneratorOptions {
  seed: number;
  batchSize: number;
  /** Keys (`task.key`) that must never appear in training data: the shipped suite's and held-out evaluation inputs. */
  exclude?: ReadonlySet<string>;
  /** Difficulties to draw from (default: all of the task's). */
  lengths?: readonly number[];
  /** Grow the difficulty with the step (default: each row draws a difficulty uniformly). */
  curriculum?: Curriculum;
}

/** Resampling bound per example: a length whose inputs are (nearly) all excluded is a configuration error. */
const MAX_TRIES = 1000;

/**
 * Seeded training batches: each row draws a difficulty (uniformly, or by the curriculum at the batch's step), then
 * a uniform input of that difficulty, resampling excluded inputs. The same seed gives the same stream of batches.
 */
export function createBatchGenerator<I>(task: Task<I>, options: GeneratorOptions): () => TaskBatch {
  const rng = new Prng(options.seed);
  const lengths = options.lengths ?? task.lengths;
  const exclude = options.exclude ?? new Set<string>();
  let step = 0;
  const draw = (): I => {
    const length = options.curriculum
      ? curriculumLength(lengths, options.curriculum, step, rng)
      : lengths[rng.int(lengths.length)]!;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const input = task.sample(rng, length);
      if (!exclude.has(task.key(input))) return input;
    }
    throw new Error(`${task.name}: every input of length ${length} drawn was excluded (${exclude.size} excluded keys)`);
  };
  return () => {
    const batch = encodeBatch(task, Array.from({ length: options.batchSize }, draw));
    step++;
    return batch;
  };
}
