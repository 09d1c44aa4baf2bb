import { Prng } from '../runtime';
import type { Task } from './task';

/** The inputs of one difficulty in a split, and whether training is kept off them. */
export interface EvalSlice<I> {
  length: number;
  inputs: I[];
  /** True when these inputs are excluded from training (the input space is large enough to spare them). */
  heldOut: boolean;
}

/** The two held-out splits: `validation` for every choice (halting threshold, selection), `test` for every figure. */
export interface Splits<I> {
  validation: EvalSlice<I>[];
  test: EvalSlice<I>[];
}

export interface SplitOptions {
  seed: number;
  /** Inputs per difficulty in each split (fewer when the difficulty's input space is small). */
  perLength: number;
  /** At most this share of a difficulty's input space is held out, both splits together (default 25%). */
  maxHeldOutShare?: number;
  /** A difficulty holds inputs out only when each split gets at least this many (default 8). */
  minHeldOut?: number;
}

/**
 * Validation and test inputs per difficulty, disjoint from each other (by `task.key`, i.e. by what the model sees)
 * and, through `splitExclusion`, from training. A difficulty whose input space is too small to spare
 * `minHeldOut` inputs per split (parity ≤ 5 bits) cannot be held out: both splits are then every input of it,
 * overlapping training, and say so (`heldOut: false`). Held-out inputs are only those whose model input no shorter
 * difficulty shares (`task.shortestLength`; parity: strings ending in 1), so holding out long strings never takes
 * short ones away from training. Depends only on the task and the options, so training and
 * evaluation (and any later re-evaluation) rebuild exactly the same sets.
 */
export function buildSplits<I>(task: Task<I>, options: SplitOptions): Splits<I> {
  const rng = new Prng(options.seed ^ 0x5b117);
  const share = options.maxHeldOutShare ?? 0.25;
  const minHeld = options.minHeldOut ?? 8;
  const taken = new Set<string>();
  const validation: EvalSlice<I>[] = [];
  const test: EvalSlice<I>[] = [];
  for (const length of task.lengths) {
    const space = task.spaceSize(length);
    const n = Math.min(options.perLength, Math.floor((share * space) / 2));
    if (n < minHeld) {
      const all = task.enumerate(length, Math.max(options.perLength, 2 * minHeld)) ?? [];
      const inputs = all.slice(0, options.perLength);
      validation.push({ length, inputs, heldOut: false });
      test.push({ length, inputs, heldOut: false });
      continue;
    }
    const draw = (): I[] => {
      const inputs: I[] = [];
      for (let tries = 0; inputs.length < n; tries++) {
        if (tries > 1000 * n) throw new Error(`${task.name}: cannot draw ${n} distinct held-out inputs of length ${length}`);
        const input = task.sample(rng, length);
        const key = task.key(input);
        if (taken.has(key) || (task.shortestLength?.(input) ?? length) !== length) continue;
        taken.add(key);
        inputs.push(input);
      }
      return inputs;
    };
    validation.push({ length, inputs: draw(), heldOut: true });
    test.push({ length, inputs: draw(), heldOut: true });
  }
  return { validation, test };
}

/** The keys training must avoid: both held-out splits plus any extra keys (the suite's instances). */
export function splitExclusion<I>(task: Task<I>, splits: Splits<I>, extra: Iterable<string> = []): Set<string> {
  const keys = new Set(extra);
  for (const slices of [splits.validation, splits.test])
    for (const slice of slices) if (slice.heldOut) for (const input of slice.inputs) keys.add(task.key(input));
  return keys;
}
