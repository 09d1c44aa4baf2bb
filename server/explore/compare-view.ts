import type { SqlRunner } from '../../db/store';
import { comparePairs, type ComparisonRow, type FamilyComparison, type ProfilePoint } from '../../evals/metrics';
import { profilePoints } from './profile-points';
import type { ProfilePairTally } from './profile-tallies';
import { DEFAULT_SUITE } from './profile-scope';
import type { PublicModel } from './public-model';
import { storedProfile, type ScopedProfile, type StoredProfile } from './stored-profile';

export const MAX_COMPARED = 4;

/** One compared model: its public fields and its profile on the suite (null without a completed run there). */
export interface ComparedModel {
  model: PublicModel;
  profile: StoredProfile | null;
  /** The profile's sawtooth line for the overlay (empty without a profile). */
  points: ProfilePoint[];
}

/** B against the reference A: per-family Δ = B − A with paired interval, McNemar and Holm (evals/metrics comparePairs). */
export interface PairwiseComparison {
  a: string;
  b: string;
  /** True when the two profiles rest on different versions of the suite: only identical probes are compared. */
  versionsDiffer: boolean;
  families: FamilyComparison[];
  overall: ComparisonRow;
  alpha: number;
}

export interface CompareView {
  suite: string;
  models: ComparedModel[];
  /** Every other model with a profile against the first (the reference). */
  comparisons: PairwiseComparison[];
}

/**
 * Pairs both profiles asked with the same probes. On one suite version that is every pair; across versions, only
 * pairs whose easy and hard probe rows are the same (probe rows are per suite and per content, so the same key means
 * the same prompt and answer): a pair id whose prompt changed is never compared with itself.
 */
function samePairs(a: readonly ProfilePairTally[], b: readonly ProfilePairTally[]): [ProfilePairTally[], ProfilePairTally[]] {
  const key = (p: ProfilePairTally) => `${p.pairId}\u0000${p.easyKey}\u0000${p.hardKey}`;
  const inB = new Set(b.map(key));
  const inA = new Set(a.map(key));
  return [a.filter((p) => inB.has(key(p))), b.filter((p) => inA.has(key(p)))];
}

const memo = new WeakMap<SqlRunner, Map<string, PairwiseComparison>>();

/**
 * The comparison of 2–4 models on one suite, each on its default profile there (latest completed run). The first
 * model with a profile is the reference; every other is compared with it on the pairs both answered with the same
 * probes. Comparisons are memoised on the exact runs compared.
 */
export async function compareView(db: SqlRunner, models: readonly PublicModel[], suiteId: string = DEFAULT_SUITE): Promise<CompareView> {
  const scoped: Array<{ model: PublicModel; found: ScopedProfile | null }> = [];
  for (const model of models) scoped.push({ model, found: await storedProfile(db, { modelId: model.id, suiteId }) });
  const withProfile = scoped.filter((s) => s.found !== null);
  const [reference, ...others] = withProfile;
  let cache = memo.get(db);
  if (!cache) memo.set(db, (cache = new Map()));
  const comparisons = others.map((other) => {
    const a = reference!.found!;
    const b = other.found!;
    const key = `${a.scope.runs.map((r) => r.id).join(',')}|${b.scope.runs.map((r) => r.id).join(',')}|${a.profile.counts.pass}:${b.profile.counts.pass}:${a.profile.counts.error}:${b.profile.counts.error}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const [pairsA, pairsB] = samePairs(a.tallies.pairs, b.tallies.pairs);
    const { families, overall, alpha } = comparePairs(pairsA, pairsB);
    const value = { a: reference!.model.id, b: other.model.id, versionsDiffer: a.scope.suite.key !== b.scope.suite.key, families, overall, alpha };
    cache.set(key, value);
    if (cache.size > 64) cache.delete(cache.keys().next().value!);
    return value;
  });
  return { suite: suiteId, models: scoped.map((s) => ({
      model: s.model,
      profile: s.found?.profile ?? null,
      points: s.found ? profilePoints(s.found.profile) : [],
    })), comparisons };
}
