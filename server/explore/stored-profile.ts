import type { Db } from '../../db/client';
import { runStamps } from '../../db/queries/profile-runs';
import { modelSummary, type ModelSummary } from '../../evals/metrics';
import { resolveProfileScope, type ProfileRequest, type ProfileScope } from './profile-scope';
import { profileTallies, type ProfilePairTally, type ProfileTallies } from './profile-tallies';

const accuracy = (t: { acc: number | null; lo: number | null; hi: number | null; n: number }) => ({ acc: t.acc, lo: t.lo, hi: t.hi, n: t.n });
const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * The profile object of one model on one suite version over named runs: what `sawtooth profile --json` and
 * `sawtooth eval --json` print and what every page shows. Families not evaluated carry no accuracies.
 */
export function buildStoredProfile(scope: ProfileScope, tallies: ProfileTallies) {
  const notEvaluated = new Set(tallies.notEvaluated);
  const evaluatedPairs = tallies.pairs.filter((p) => !notEvaluated.has(p.family));
  const summary: ModelSummary = modelSummary(evaluatedPairs);
  const metrics = new Map(summary.families.map((f) => [f.id, f]));
  const counts = { pass: 0, fail: 0, error: 0, refusal: 0 };
  for (const pair of tallies.pairs) {
    for (const tier of [pair.easy, pair.hard]) {
      counts.pass += tier.pass;
      counts.fail += tier.fail;
      counts.error += tier.error;
      counts.refusal += tier.refusal;
    }
  }
  const byFamily = new Map<string, ProfilePairTally[]>();
  for (const pair of tallies.pairs) byFamily.set(pair.family, [...(byFamily.get(pair.family) ?? []), pair]);
  const samples = scope.runs.reduce((n, run) => n + run.samples, 0);
  return {
    model: scope.modelId,
    suite: { id: scope.suite.id, version: scope.suite.version },
    runs: scope.runs.map((r) => r.id).sort((a, b) => a - b),
    pooled: scope.pooled,
    settings: { temperature: scope.runs[0]!.temperature, samples },
    counts,
    nPairs: summary.nPairs,
    excludedPairs: summary.excludedPairs,
    easy: accuracy(summary.easy),
    hard: accuracy(summary.hard),
    /** Mean chance of passing each tier by guessing over the evaluated pairs: the floor an accuracy is read against. */
    chance: {
      easy: evaluatedPairs.length === 0 ? null : mean(evaluatedPairs.map((p) => p.chance.easy)),
      hard: evaluatedPairs.length === 0 ? null : mean(evaluatedPairs.map((p) => p.chance.hard)),
    },
    inversion: { j: summary.jaggedness.j, lo: summary.jaggedness.lo, hi: summary.jaggedness.hi },
    unevenness: { u: summary.unevenness.u },
    families: tallies.families.map((family) => {
      const pairs = byFamily.get(family.id) ?? [];
      const base = {
        id: family.id,
        domain: family.domain,
        chance: mean(pairs.map((p) => p.chance.easy)),
        hardChance: mean(pairs.map((p) => p.chance.hard)),
        refusals: pairs.reduce((n, p) => n + p.easy.refusal + p.hard.refusal, 0),
        errors: pairs.reduce((n, p) => n + p.easy.error + p.hard.error, 0),
      };
      const metric = metrics.get(family.id);
      if (notEvaluated.has(family.id) || !metric || metric.nPairs === 0) return { ...base, evaluated: false as const, inverted: false as const };
      return {
        ...base,
        evaluated: true as const,
        inverted: false,
        nPairs: metric.nPairs,
        excludedPairs: metric.excludedPairs,
        easy: accuracy(metric.easy),
        hard: accuracy(metric.hard),
        cs: metric.cs,
        inv: metric.inv,
        rcs: metric.rcs,
      };
    }),
  };
}
export type StoredProfile = ReturnType<typeof buildStoredProfile>;

/** A profile with what it was built from: the runs it rests on and the pair tallies (for evidence and compare). */
export interface ScopedProfile {
  scope: ProfileScope;
  tallies: ProfileTallies;
  profile: StoredProfile;
}

interface CacheEntry {
  stamp: string;
  value: ScopedProfile;
}

/** Profiles kept per database, keyed by model, suite version and exact run ids; the oldest goes beyond this. */
const MAX_CACHED = 256;
const caches = new WeakMap<Db, Map<string, CacheEntry>>();

/**
 * The stored profile for a request, or null when the model has no completed run on the suite. Cached by (model,
 * suite version, run ids) and invalidated by those runs' counters only, so a result of another run, suite or model can
 * neither change nor stale it, and no cache entry ever spans runs that the request did not name.
 */
export function storedProfile(db: Db, request: ProfileRequest): ScopedProfile | null {
  const scope = resolveProfileScope(db, request);
  return scope ? profileOfScope(db, scope) : null;
}

export function profileOfScope(db: Db, scope: ProfileScope): ScopedProfile {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const ids = scope.runs.map((r) => r.id);
  const key = `${scope.modelId}\u0000${scope.suite.key}\u0000${ids.join(',')}`;
  const stamp = runStamps(db, ids);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return { ...hit.value, scope };
  const tallies = profileTallies(db, scope);
  const value = { scope, tallies, profile: buildStoredProfile(scope, tallies) };
  cache.delete(key);
  cache.set(key, { stamp, value });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return value;
}
