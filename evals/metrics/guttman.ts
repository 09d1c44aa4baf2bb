import { z } from 'zod';
import { TierSchema } from '../contracts';

/** One graded probe of one model, with its population difficulty. Error outcomes are not passed in: no answer. */
export const GuttmanProbeSchema = z.object({
  id: z.string().min(1),
  tier: TierSchema,
  passed: z.boolean(),
  /** Population pass rate of the probe across all models in the database: higher = easier. */
  difficulty: z.number().min(0).max(1),
});
export type GuttmanProbe = z.infer<typeof GuttmanProbeSchema>;

/** Guttman errors of one model's response pattern. */
export interface GuttmanErrors {
  G: number;
  /** G / (S·(I − S)), in [0, 1]; null when S = 0 or S = I (no pattern can be out of order). */
  Gnormed: number | null;
  /** Probes passed. */
  S: number;
  /** Probes given. */
  I: number;
}

/**
 * Guttman errors (psychometric person-fit, as G and G_normed in the R package PerFit), for results without pairs.
 * Probes are ordered by difficulty (higher population pass rate = easier), ties broken by declared tier (easy before
 * hard). G = number of probe pairs (a, b) with a STRICTLY easier than b, a failed and b passed. Two probes tied on
 * both difficulty and tier are neither easier than the other, so they never count: any order among them would be an
 * arbitrary input order, and G would then change with the order of the rows. G_normed = G / (S·(I − S)), the
 * share of (failed, passed) combinations that are out of order. O(I log I).
 */
export function guttmanErrors(probes: readonly GuttmanProbe[]): GuttmanErrors {
  const I = probes.length;
  const S = probes.filter((probe) => probe.passed).length;
  const easiestFirst = [...probes].sort(
    (a, b) => b.difficulty - a.difficulty || tierRank(a.tier) - tierRank(b.tier),
  );
  let G = 0;
  let failedEasier = 0; // failed probes strictly easier than the current tie group
  for (let start = 0; start < easiestFirst.length; ) {
    const first = easiestFirst[start]!;
    let end = start;
    let passedInGroup = 0;
    let failedInGroup = 0;
    while (end < easiestFirst.length && tiedWith(first, easiestFirst[end]!)) {
      if (easiestFirst[end]!.passed) passedInGroup++;
      else failedInGroup++;
      end++;
    }
    G += failedEasier * passedInGroup;
    failedEasier += failedInGroup;
    start = end;
  }
  return { G, Gnormed: S === 0 || S === I ? null : G / (S * (I - S)), S, I };
}

function tierRank(tier: GuttmanProbe['tier']): number {
  return tier === 'easy' ? 0 : 1;
}

function tiedWith(a: GuttmanProbe, b: GuttmanProbe): boolean {
  return a.difficulty === b.difficulty && a.tier === b.tier;
}
