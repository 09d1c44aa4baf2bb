import type { SqlRunner } from '../../db/store';
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
  /** A promise, so that requests arriving while it is read or built (a page's parallel calls) share the one load. */
  value: Promise<ScopedProfile>;
}

/** Profiles kept per database, keyed by model, suite version and exact run ids; the oldest goes beyond this. */
const MAX_CACHED = 256;
const caches = new WeakMap<SqlRunner, Map<string, CacheEntry>>();

/**
 * The stored profile for a request, or null when the model has no completed run on the suite. Cached by (model,
 * suite version, run ids) and invalidated by those runs' counters only, so a result of another run, suite or model can
 * neither change nor stale it, and no cache entry ever spans runs that the request did not name.
 */
export async function storedProfile(db: SqlRunner, request: ProfileRequest): Promise<ScopedProfile | null> {
  const scope = await resolveProfileScope(db, request);
  return scope ? profileOfScope(db, scope) : null;
}

/** A run still in the queue or being answered: its profile changes with every result, so it is not stored. */
const isLive = (run: ProfileScope['runs'][number]) => run.status === 'queued' || run.status === 'running';

/**
 * The profile of exactly these runs: from this process's memory, else from the profile_cache table (written by any
 * process, with the same counters and PROFILE_FORMAT), else built from the results and stored there once every run
 * of the scope has ended. A row that does not parse is a miss and is overwritten; a failed write is logged once.
 */
export async function profileOfScope(db: SqlRunner, scope: ProfileScope): Promise<ScopedProfile> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const ids = scope.runs.map((r) => r.id);
  const key = `${scope.modelId}\u0000${scope.suite.key}\u0000${ids.join(',')}`;
  const stamp = await runStamps(db, ids);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return { ...(await hit.value), scope };
  const value = loadProfile(db, scope, ids, stamp);
  cache.delete(key);
  cache.set(key, { stamp, value });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  // A failed load is not remembered: the next request tries again.
  void value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

/** The profile_cache row when it counts, else the profile built from the results (and stored once the runs ended). */
async function loadProfile(db: SqlRunner, scope: ProfileScope, ids: number[], stamp: string): Promise<ScopedProfile> {
  const rowKey = { modelId: scope.modelId, suiteKey: scope.suite.key, runIds: ids };
  const stored = await readPersistedProfile(db, rowKey, stamp);
  if (stored) return { scope, ...stored };
  const tallies = await profileTallies(db, scope);
  const value = { scope, tallies, profile: buildStoredProfile(scope, tallies) };
  if (!scope.runs.some(isLive)) await persistProfile(db, rowKey, stamp, value);
  return value;
}
