import { z } from 'zod';

/**
 * Sample counts of one tier of a pair in one run (or pooled runs of one model). With a contrast twin, one sample
 * passes only when the probe and its twin both pass. `error` samples are not answers; `refusal` samples (the model
 * declined) are answers outside accuracy: counted and shown, never a pass or a fail. Absent `refusal` means 0.
 *
 * `partial` says how many of the `fail` samples were only partly wrong (a twinned tier with some probe right and some
 * wrong); the rest of `fail` were wrong outright. Accuracy uses pass / (pass + fail) whatever `partial` says; the
 * flipped-tooth test counts a partial tier as no evidence of direction (see `pairDirection`). Absent means 0, so a
 * data path that does not fill it reads every fail as outright (exact for tiers without a twin).
 */
export interface ProbeTally {
  pass: number;
  fail: number;
  error: number;
  refusal?: number;
  partial?: number;
}

/**
 * Probability of passing each tier of a pair by guessing (`tierChance` in evals/graders/chance.ts: every probe right)
 * and, optionally, of failing it outright (`tierAllWrongChance`: every probe wrong). Absent all-wrong chances mean
 * 1 − chance, exact for a tier without a twin.
 */
export interface TierChance {
  easy: number;
  hard: number;
  easyAllWrong?: number;
  hardAllWrong?: number;
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
export const ProbeTallySchema = z
  .object({ pass: count, fail: count, error: count, refusal: count.optional(), partial: count.optional() })
  .refine((tally) => (tally.partial ?? 0) <= tally.fail, { message: 'partial counts fail samples, so it cannot exceed fail', path: ['partial'] }) satisfies z.ZodType<ProbeTally>;
const probability = z.number().min(0).max(1);
export const TierChanceSchema = z
  .object({ easy: probability, hard: probability, easyAllWrong: probability.optional(), hardAllWrong: probability.optional() })
  .refine((c) => c.easy + (c.easyAllWrong ?? 1 - c.easy) <= 1 + 1e-9, { message: 'easy + easyAllWrong cannot exceed 1', path: ['easyAllWrong'] })
  .refine((c) => c.hard + (c.hardAllWrong ?? 1 - c.hard) <= 1 + 1e-9, { message: 'hard + hardAllWrong cannot exceed 1', path: ['hardAllWrong'] }) satisfies z.ZodType<TierChance>;
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

/** Fail samples of a tally that were only partly wrong (0 when the field is absent). */
export const partialsOf = (tally: ProbeTally): number => tally.partial ?? 0;

/** Per tier: the chance of guessing every probe right (`pass`) and every probe wrong (`allWrong`). */
export function tierGuess(chance: TierChance, tier: 'easy' | 'hard'): { pass: number; allWrong: number } {
  const pass = chance[tier];
  return { pass, allWrong: (tier === 'easy' ? chance.easyAllWrong : chance.hardAllWrong) ?? 1 - pass };
}

/** The guessing chance of a pair's tiers (0 for both when the tally carries none). */
export const chanceOf = (pair: PairTally): TierChance => pair.chance ?? NO_CHANCE;
const NO_CHANCE: TierChance = Object.freeze({ easy: 0, hard: 0 });

/** p = pass / (pass + fail) over the graded samples; null when the probe has none (only errors). */
export function passRate(tally: ProbeTally): number | null {
  const graded = tally.pass + tally.fail;
  return graded === 0 ? null : tally.pass / graded;
}
