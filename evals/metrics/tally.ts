import { z } from 'zod';

/** Sample counts of one probe in one run (or pooled runs of one model). `error` samples are not answers. */
export interface ProbeTally {
  pass: number;
  fail: number;
  error: number;
}

/** The tallies of one easy/hard pair, with the family and domain it belongs to. */
export interface PairTally {
  pairId: string;
  family: string;
  domain: string;
  easy: ProbeTally;
  hard: ProbeTally;
}

const count = z.number().int().nonnegative();

/** Validate tallies where they cross a boundary (a file, an HTTP body, a db row); the metric functions trust them. */
export const ProbeTallySchema = z.object({ pass: count, fail: count, error: count }) satisfies z.ZodType<ProbeTally>;
export const PairTallySchema = z.object({
  pairId: z.string().min(1),
  family: z.string().min(1),
  domain: z.string().min(1),
  easy: ProbeTallySchema,
  hard: ProbeTallySchema,
}) satisfies z.ZodType<PairTally>;
export const PairTalliesSchema = z.array(PairTallySchema);

/** How much of the input a number rests on, and how much was left out. Every metric result carries one. */
export interface Coverage {
  /** Pairs used: both probes have at least one graded (non-error) sample. */
  nPairs: number;
  /** Pairs left out because the easy or the hard probe has no graded sample (only errors, or no samples at all). */
  excludedPairs: number;
  /** Error samples in all the pairs given (used and excluded, both tiers): answers that never came. */
  errorSamples: number;
}

/** p = pass / (pass + fail) over the graded samples; null when the probe has none (only errors). */
export function passRate(tally: ProbeTally): number | null {
  const graded = tally.pass + tally.fail;
  return graded === 0 ? null : tally.pass / graded;
}
