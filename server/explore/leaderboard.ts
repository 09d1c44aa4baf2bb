import type { Db } from '../../db/client';
import { lastRunPerModel, type LastRun } from '../../db/queries/model-page';
import type { InversionIndex, ProfileUnevenness, TierAccuracy } from '../../evals/metrics';
import { modelAggregates } from './model-aggregates';
import { listPublicModels, type PublicModel } from './public-model';

/** One point of a leaderboard sparkline: the sawtooth profile without its intervals. */
export interface SparkPoint {
  family: string;
  tier: 'easy' | 'hard';
  acc: number | null;
}

/** One leaderboard row: the headline numbers of a model, small enough to send every model's at once. */
export interface LeaderboardRow {
  model: PublicModel;
  runs: number;
  lastRun: LastRun | null;
  easy: TierAccuracy;
  hard: TierAccuracy;
  jaggedness: InversionIndex;
  unevenness: ProfileUnevenness;
  nPairs: number;
  excludedPairs: number;
  counts: { pass: number; fail: number; error: number };
  sparkline: SparkPoint[];
}

/** Every model's row; aggregates come from the per-model cache (one scan per model whose results changed). */
export function leaderboardRows(db: Db): LeaderboardRow[] {
  const models = listPublicModels(db);
  const aggregates = modelAggregates(db, models.map((m) => m.id));
  const lastRuns = lastRunPerModel(db);
  return models.map((model) => {
    const aggregate = aggregates.get(model.id)!;
    const summary = aggregate.summary();
    return {
      model,
      runs: aggregate.stamp?.runs ?? 0,
      lastRun: lastRuns.get(model.id) ?? null,
      easy: summary.easy,
      hard: summary.hard,
      jaggedness: summary.inversion, // J; the verdict (summary.jaggedness) is wired by issue 9 part B
      unevenness: summary.unevenness,
      nPairs: summary.nPairs,
      excludedPairs: summary.excludedPairs,
      counts: summary.counts,
      sparkline: summary.profile.map(({ family, tier, acc }) => ({ family, tier, acc })),
    };
  });
}
