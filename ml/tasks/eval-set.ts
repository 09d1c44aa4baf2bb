import { Prng } from '../runtime';
import type { Task } from './task';

/** An evaluation set of one difficulty, and whether training is kept off it. */
export interface EvalSlice<I> {
  length: number;
  inputs: I[];
  /** True when these inputs are excluded from training (the input space is large enough to spare them). */
  heldOut: boolean;
}

export interface EvalSetOptions {
  seed: number;
  /** Inputs per difficulty (fewer when the difficulty has fewer distinct inputs). */
  perLength: number;
  /** Hold a slice out of training only when it is at most this share of its input space (default 5%). */
  maxHeldOutShare?: number;
}

/**
 * A fixed evaluation set per difficulty: every input when the difficulty has at most `perLength`, otherwise
 * `perLength` distinct random ones. Small input spaces (parity-8 has 256 strings) cannot be held out without
 * starving training of them, so those slices overlap training and say so (`heldOut: false`).
 */
export function buildEvalSet<I>(task: Task<I>, options: EvalSetOptions): EvalSlice<I>[] {
  const rng = new Prng(options.seed ^ 0x5eed);
  const share = options.maxHeldOutShare ?? 0.05;
  return task.lengths.map((length) => {
    const space = task.spaceSize(length);
    const all = task.enumerate(length, options.perLength);
    let inputs: I[];
    if (all) inputs = all;
    else {
      const seen = new Set<string>();
      inputs = [];
      while (inputs.length < options.perLength) {
        const input = task.sample(rng, length);
        const key = task.key(input);
        if (seen.has(key)) continue;
        seen.add(key);
        inputs.push(input);
      }
    }
    return { length, inputs, heldOut: inputs.length <= share * space };
  });
}

/** The keys training must avoid: held-out evaluation slices plus any extra keys (the suite's instances). */
export function exclusionKeys<I>(task: Task<I>, slices: EvalSlice<I>[], extra: Iterable<string> = []): Set<string> {
  const keys = new Set(extra);
  for (const slice of slices) if (slice.heldOut) for (const input of slice.inputs) keys.add(task.key(input));
  return keys;
}
