import type { Prng } from '../runtime';

/**
 * A length curriculum by step: the longest difficulty allowed grows linearly from the first quarter of the
 * task's lengths to all of them over `rampFraction` of the run, and each row draws the longest allowed length
 * with probability ½, else a uniform one up to it. Why: short inputs teach the per-position rule (e.g. prefix
 * parity) in a few hundred steps, and the long ones then only have to extend it; the ½ on the longest keeps the
 * hardest inputs (the suite's hard probes) well represented at the end. A function of the step alone, so a resumed
 * run replays the same data stream.
 */
export interface Curriculum {
  totalSteps: number;
  /** Share of the run over which the longest length grows (0 = no ramp: all lengths from the start). */
  rampFraction: number;
}

/** The difficulty of one training row at `step`. */
export function curriculumLength(lengths: readonly number[], curriculum: Curriculum, step: number, rng: Prng): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  const first = Math.max(1, Math.ceil(sorted.length / 4));
  const ramp = curriculum.rampFraction * curriculum.totalSteps;
  const progress = ramp <= 0 ? 1 : Math.min(1, step / ramp);
  const allowed = first + Math.round(progress * (sorted.length - first));
  const index = rng.int(2) === 0 ? allowed - 1 : rng.int(allowed);
  return sorted[index]!;
}
