import type { Db } from '../../db/client';
import { runStamps } from '../../db/queries/profile-runs';
import { buildProfile, type Profile } from '../../evals/metrics';
import { persistProfile, readPersistedProfile } from './persisted-profile';
import { resolveProfileScope, type ProfileRequest, type ProfileScope } from './profile-scope';
import { profileTallies, type ProfileTallies } from './profile-tallies';

/**
 * The profile object (evals/metrics buildProfile, ProfileSchema) of one model on one suite version over named runs:
 * what `sawtooth profile --json` and `sawtooth eval --json` print and what every page shows. Every pair of the suite
 * version goes in with its tier chances; pairs outside the runs' scope are all zeros, so their families come out
 * "not evaluated" with no accuracies.
 */
export function buildStoredProfile(scope: ProfileScope, tallies: ProfileTallies): StoredProfile {
  return buildProfile({
    model: scope.modelId,
    suite: { id: scope.suite.id, version: scope.suite.version },
    runs: scope.runs.map((r) => r.id),
    pairs: tallies.pairs,
    families: tallies.families,
  });
}
export type StoredProfile = Profile;

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

/** A run still in the queue or being answered: its profile changes with every result, so it is not stored. */
const isLive = (run: ProfileScope['runs'][number]) => run.status === 'queued' || run.status === 'running';

/**
 * The profile of exactly these runs: from this process's memory, else from the profile_cache table (written by any
 * process, with the same counters and PROFILE_FORMAT), else built from the results and stored there once every run
 * of the scope has ended. A row that does not parse is a miss and is overwritten; a failed write is logged once.
 */
export function profileOfScope(db: Db, scope: ProfileScope): ScopedProfile {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const ids = scope.runs.map((r) => r.id);
  const key = `${scope.modelId}\u0000${scope.suite.key}\u0000${ids.join(',')}`;
  const stamp = runStamps(db, ids);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return { ...hit.value, scope };
  const rowKey = { modelId: scope.modelId, suiteKey: scope.suite.key, runIds: ids };
  let value: ScopedProfile;
  const stored = readPersistedProfile(db, rowKey, stamp);
  if (stored) value = { scope, ...stored };
  else {
    const tallies = profileTallies(db, scope);
    value = { scope, tallies, profile: buildStoredProfile(scope, tallies) };
    if (!scope.runs.some(isLive)) persistProfile(db, rowKey, stamp, value);
  }
  cache.delete(key);
  cache.set(key, { stamp, value });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return value;
}
