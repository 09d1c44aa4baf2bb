import { z } from 'zod';
import { JAGGEDNESS_VERDICTS } from './jaggedness';

// The profile object: what `sawtooth eval --json` prints last, what `sawtooth profile --json` prints, and what the
// dashboard shows, for one model on one suite version. Built only by `buildProfile` (profile.ts); validate it with
// ProfileSchema where it crosses a boundary (tRPC output, a file). Field meanings in plain words: README.md.

const share = z.number().min(0).max(1);
const nullableShare = share.nullable();
const count = z.number().int().nonnegative();

/** An accuracy with its 95% interval and the number of pairs (probes of that tier) it rests on. */
export const AccuracySchema = z.object({ acc: nullableShare, lo: nullableShare, hi: nullableShare, n: count });

export const ProfileCountsSchema = z.object({ pass: count, fail: count, error: count, refusal: count });

/** The flipped-tooth test of an evaluated family (see flipped-teeth.ts). */
export const ToothSchema = z.object({
  flipped: count,
  ordered: count,
  expectedFlipped: z.number().nonnegative(),
  excess: z.number().nullable(),
  p: share,
  pHolm: share,
  testable: z.boolean(),
});

const familyBase = {
  id: z.string().min(1),
  domain: z.string().min(1),
  /** Mean chance of passing the easy tier by guessing (probe and twin both right), 0–1. */
  chance: share,
  /** Same for the hard tier. */
  hardChance: share,
  /** Samples the model declined (outside accuracy) and errors (no answer), both tiers. */
  refusals: count,
  errors: count,
};

export const EvaluatedFamilySchema = z.object({
  ...familyBase,
  evaluated: z.literal(true),
  /** A flipped tooth: hard right / easy wrong significantly beyond chance (Holm across evaluated families). */
  inverted: z.boolean(),
  nPairs: z.number().int().positive(),
  excludedPairs: count,
  easy: AccuracySchema,
  hard: AccuracySchema,
  cs: nullableShare,
  inv: nullableShare,
  /** RCS, ours (a bound equal to CS counts: RCS = 1 at the maximum). Unbounded below. */
  rcs: z.number().nullable(),
  /** RCS as ConsisEval's analysis.py computes it, for comparison with published figures. */
  rcsConsisEval: z.number().nullable(),
  tooth: ToothSchema,
});

/** A family of the suite with no pair answered on both tiers (out of scope, not run, only refusals or errors). */
export const UnevaluatedFamilySchema = z.object({ ...familyBase, evaluated: z.literal(false), inverted: z.literal(false) });

export const ProfileFamilySchema = z.discriminatedUnion('evaluated', [EvaluatedFamilySchema, UnevaluatedFamilySchema]);

export const ProfileSchema = z.object({
  model: z.string().min(1),
  suite: z.object({ id: z.string().min(1), version: z.string().min(1) }),
  /** The run ids the numbers rest on, ascending. */
  runs: z.array(z.number().int().positive()),
  counts: ProfileCountsSchema,
  nPairs: count,
  excludedPairs: count,
  easy: AccuracySchema,
  hard: AccuracySchema,
  /** Mean chance of passing each tier by guessing, over the used pairs. */
  chance: z.object({ easy: nullableShare, hard: nullableShare }),
  jaggedness: z.object({
    index: nullableShare,
    lo: nullableShare,
    hi: nullableShare,
    verdict: z.enum(JAGGEDNESS_VERDICTS),
    alpha: share,
    invertedFamilies: z.array(z.string()),
    nFamilies: count,
    testableFamilies: count,
  }),
  /** J, the pooled inversion rate (descriptive: noise and guessing raise it). */
  inversion: z.object({ j: nullableShare, lo: nullableShare, hi: nullableShare }),
  /** U: raw SD of easy accuracy across families; tau: the same net of binomial noise, with its interval. */
  unevenness: z.object({
    u: z.number().nonnegative().nullable(),
    tau: z.number().nonnegative().nullable(),
    lo: z.number().nonnegative().nullable(),
    hi: z.number().nonnegative().nullable(),
    nFamilies: count,
  }),
  reliability: z.object({
    samples: z.object({ min: count, max: count }).nullable(),
    singleSample: z.boolean(),
    stability: nullableShare,
    splitHalf: z
      .object({ splits: count, agreement: share, verdictAgreement: share, correlation: z.number().min(-1).max(1).nullable() })
      .nullable(),
  }),
  families: z.array(ProfileFamilySchema),
});

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileFamily = z.infer<typeof ProfileFamilySchema>;
