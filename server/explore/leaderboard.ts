import type { SqlRunner } from '../../db/store';
import { lastRunPerModel, type LastRun } from '../../db/queries/model-page';
import { latestCompletedRuns } from '../../db/queries/profile-runs';
import { DEFAULT_SUITE } from './profile-scope';
import { listPublicModels, type PublicModel } from './public-model';
import { rankRanges, type RankRange } from './rank-ranges';
import { storedProfile, type StoredProfile } from './stored-profile';

/** One point of a leaderboard sparkline: the sawtooth profile without its intervals (null: not evaluated). */
export interface SparkPoint {
  family: string;
  tier: 'easy' | 'hard';
  acc: number | null;
}

/** One leaderboard row: a model's profile on the chosen suite (null without a completed run on it) and its rank. */
export interface LeaderboardRow {
  model: PublicModel;
  profile: StoredProfile | null;
  /** The rank range the ranking value's interval allows (see rank-ranges.ts); null without a value. */
  rank: RankRange | null;
  lastRun: LastRun | null;
  sparkline: SparkPoint[];
}

export interface Leaderboard {
  suite: string;
  /** What the rank orders by, in words, for the column header. */
  rankedBy: string;
  rows: LeaderboardRow[];
}

/**
 * The value the leaderboard ranks by, with its interval: the jaggedness index (the share of pairs flipped beyond
 * chance, 0 without a flipped tooth), which noise and guessing leave at 0 — unlike J, which a coin-flipper tops.
 */
export function rankingValue(profile: StoredProfile): { value: number | null; lo: number | null; hi: number | null } {
  return { value: profile.jaggedness.index, lo: profile.jaggedness.lo, hi: profile.jaggedness.hi };
}

function sparkline(profile: StoredProfile): SparkPoint[] {
  return profile.families.flatMap((f) =>
    (['easy', 'hard'] as const).map((tier) => ({ family: f.id, tier, acc: f.evaluated ? f[tier].acc : null })),
  );
}

/**
 * Every model's row on one suite: each model's default profile (its latest completed run on the suite), never a mix
 * of suites, versions or runs. Profiles come from the cache keyed by the runs they rest on.
 */
export async function leaderboard(db: SqlRunner, suiteId: string = DEFAULT_SUITE): Promise<Leaderboard> {
  const models = await listPublicModels(db);
  const latest = await latestCompletedRuns(db, suiteId);
  const lastRuns = await lastRunPerModel(db, suiteId);
  const profiles = new Map<string, StoredProfile>();
  // One model after another: on SQLite the statements run one at a time anyway, and a cold page builds no two
  // profiles at once.
  for (const model of models) {
    if (!latest.has(model.id)) continue;
    const found = await storedProfile(db, { modelId: model.id, suiteId });
    if (found) profiles.set(model.id, found.profile);
  }
  const ranks = rankRanges([...profiles].map(([id, profile]) => ({ id, ...rankingValue(profile) })));
  return {
    suite: suiteId,
    rankedBy: 'jaggedness index (95% interval); models whose intervals overlap share ranks',
    rows: models.map((model) => {
      const profile = profiles.get(model.id) ?? null;
      return {
        model,
        profile,
        rank: ranks.get(model.id) ?? null,
        lastRun: lastRuns.get(model.id) ?? null,
        sparkline: profile ? sparkline(profile) : [],
      };
    }),
  };
}
