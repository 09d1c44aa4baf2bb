import { encodeBatch, type TaskBatch } from './batch';
import { Prng } from '../runtime';
import type { Task } from './task';

export interface GeneratorOptions {
  seed: number;
  batchSize: number;
  /** Keys (`task.key`) that must never appear in training data: the shipped suite's and held-out evaluation inputs. */
  exclude?: ReadonlySet<string>;
  /** Difficulties to draw from, uniformly (default: all of the task's). */
  lengths?: readonly number[];
}

/** Resampling bound per example: a length whose inputs are (nearly) all excluded is a configuration error. */
const MAX_TRIES = 1000;

/**
 * Seeded training batches: each row draws a difficulty uniformly from `lengths`, then a uniform input of that
 * difficulty, resampling excluded inputs. The same seed gives the same stream of batches.
 */
export function createBatchGenerator<I>(task: Task<I>, options: GeneratorOptions): () => TaskBatch {
  const rng = new Prng(options.seed);
  const lengths = options.lengths ?? task.lengths;
  const exclude = options.exclude ?? new Set<string>();
  const draw = (): I => {
    const length = lengths[rng.int(lengths.length)]!;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const input = task.sample(rng, length);
      if (!exclude.has(task.key(input))) return input;
    }
    throw new Error(`${task.name}: every input of length ${length} drawn was excluded (${exclude.size} excluded keys)`);
  };
  return () => encodeBatch(task, Array.from({ length: options.batchSize }, draw));
}
