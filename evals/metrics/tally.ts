import { z } from 'zod';

/**
 * Sample counts of one tier of a pair in one run (or pooled runs of one model). With a contrast twin, one sample
 * passes only when the probe and its twin both pass. `error` samples are not answers; `refusal` samples (the model
 * declined) are answers outside accuracy: counted and shown, never a pass or a fail. Absent `refusal` means 0.
 */
export interface ProbeTally {
  pass: number;
  fail: number;
  error: number;
  refusal?: number;
}

/** Probability of passing each tier of a pair by guessing (`tierChance` in evals/graders/chance.ts). */
export interface TierChance {
  easy: number;
  hard: number;
}

/** The tallies of one easy/hard pair, with the family and domain it belongs to. */
export interface PairTally {
  pairId: string;
  family: string;
  domain: string;
  easy: ProbeTally;
  hard: ProbeTally;
  /** Chance of passing each tier by guessing; absent means 0 for both (open answers). */
  chance?: TierChance;
}

const count = z.number().int().nonnegative();

/** Validate tallies where they cross a boundary (a file, an HTTP body, a db row); the metric functions trust them. */
export const ProbeTallySchema = z.object({ pass: count, fail: count, error: count, refusal: count.optional() }) satisfies z.ZodType<ProbeTally>;
const probability = z.number().min(0).max(1);
export const TierChanceSchema = z.object({ easy: probability, hard: probability }) satisfies z.ZodType<TierChance>;
export const PairTallySchema = z.object({
  pairId: z.string().min(1),
  family: z.string().min(1),
  domain: z.string().min(1),
  easy: ProbeTallySchema,
  hard: ProbeTallySchema,
  chance: TierChanceSchema.optional(),
}) satisfies z.ZodType<PairTally>;
export const PairTalliesSchema = z.array(PairTallySchema);

/** How much of the input a number rests on, and how much was left out. Every metric result carries one. */
export interface Coverage {
  /** Pairs used: both probes have at least one graded (non-error) sample. */
  nPairs: number;
  /** Pairs left out because the easy or the hard probe has no graded sample (only errors or refusals, or none). */
  excludedPairs: number;
  /** Error samples in all the pairs given (used and excluded, both tiers): answers that never came. */
  errorSamples: number;
}

/** Refusal samples of a tally (0 when the field is absent). */
export const refusalsOf = (tally: ProbeTally): number => tally.refusal ?? 0;

/** The guessing chance of a pair's tiers (0 for both when the tally carries none). */
export const chanceOf = (pair: PairTally): TierChance => pair.chance ?? NO_CHANCE;
const NO_CHANCE: TierChance = Object.freeze({ easy: 0, hard: 0 });

/** p = pass / (pass + fail) over the graded samples; null when the probe has none (only errors). */
export function passRate(tally: ProbeTally): number | null {
  const graded = tally.pass + tally.fail;
  return graded === 0 ? null : tally.pass / graded;
}
