import type { Db } from '../../db/client';
import {
  comparePairs,
  type ComparisonRow,
  type FamilyComparison,
  type InversionIndex,
  type ProfilePoint,
  type ProfileUnevenness,
  type TierAccuracy,
} from '../../evals/metrics';
import { memoByModels, modelAggregates } from './model-aggregates';
import type { PublicModel } from './public-model';

export const MAX_COMPARED = 4;

/** One compared model: its public fields, its sawtooth profile (for the overlay) and headline numbers. */
export interface ComparedModel {
  model: PublicModel;
  profile: ProfilePoint[];
  easy: TierAccuracy;
  hard: TierAccuracy;
  jaggedness: InversionIndex;
  unevenness: ProfileUnevenness;
  nPairs: number;
  counts: { pass: number; fail: number; error: number };
}

/** B against the reference A: per-family Δ = B − A with paired interval, McNemar and Holm (evals/metrics comparePairs). */
export interface PairwiseComparison {
  a: string;
  b: string;
  families: FamilyComparison[];
  overall: ComparisonRow;
  alpha: number;
}

export interface CompareView {
  models: ComparedModel[];
  /** Every other model against the first (the reference). */
  comparisons: PairwiseComparison[];
}

/**
 * The comparison of 2–4 models. Each model's pair tallies are computed once (and cached by its run counters); the
 * first model is the reference and every other is compared with it. Disagreements are paged separately.
 */
export function compareView(db: Db, models: readonly PublicModel[]): CompareView {
  const aggregates = modelAggregates(db, models.map((m) => m.id));
  const compared = models.map((model) => {
    const summary = aggregates.get(model.id)!.summary();
    return {
      model,
      profile: summary.profile,
      easy: summary.easy,
      hard: summary.hard,
      jaggedness: summary.inversion, // J; the verdict (summary.jaggedness) is wired by issue 9 part B
      unevenness: summary.unevenness,
      nPairs: summary.nPairs,
      counts: summary.counts,
    };
  });
  const [reference, ...others] = models;
  const referencePairs = reference ? aggregates.get(reference.id)!.pairs : [];
  const comparisons = others.map((other) =>
    // The paired bootstrap is the expensive part: reuse it until either model gets a new result.
    memoByModels(db, 'compare', [reference!.id, other.id], () => {
      const { families, overall, alpha } = comparePairs(referencePairs, aggregates.get(other.id)!.pairs);
      return { a: reference!.id, b: other.id, families, overall, alpha };
    }),
  );
  return { models: compared, comparisons };
}
