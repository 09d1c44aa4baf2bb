import type { Db } from '../client';

/** The key of one cached profile: a model on one suite version over exactly these runs (ascending ids). */
export interface ProfileCacheKey {
  modelId: string;
  suiteKey: number;
  runIds: readonly number[];
}

/** A stored row as read back: the JSON columns still unparsed (the caller validates them). */
export interface ProfileCacheRow {
  format: number;
  stamp: string;
  profile: string;
  tallies: string;
  createdAt: number;
}

const runIdsText = (ids: readonly number[]) => JSON.stringify(ids);

/** The stored profile row under this key, whatever its format and stamp, or undefined. */
export function cachedProfileRow(db: Db, key: ProfileCacheKey): ProfileCacheRow | undefined {
  return db.$client
    .prepare(
      `SELECT format, stamp, profile, tallies, created_at AS createdAt FROM profile_cache
       WHERE model_id = ? AND suite_key = ? AND run_ids = ?`,
    )
    .get(key.modelId, key.suiteKey, runIdsText(key.runIds)) as ProfileCacheRow | undefined;
}

/** Stores (or replaces: another format, an older stamp, a corrupt row) the profile under this key. */
export function storeProfileRow(db: Db, key: ProfileCacheKey, row: ProfileCacheRow): void {
  db.$client
    .prepare(
      `INSERT INTO profile_cache (model_id, suite_key, run_ids, format, stamp, profile, tallies, created_at)
       VALUES (@modelId, @suiteKey, @runIds, @format, @stamp, @profile, @tallies, @createdAt)
       ON CONFLICT (model_id, suite_key, run_ids) DO UPDATE SET format = excluded.format, stamp = excluded.stamp,
         profile = excluded.profile, tallies = excluded.tallies, created_at = excluded.created_at`,
    )
    .run({ modelId: key.modelId, suiteKey: key.suiteKey, runIds: runIdsText(key.runIds), ...row });
}

/** How many profiles are stored for a model (all suites, formats and stamps): the tests' and benches' count. */
export function cachedProfileCount(db: Db, modelId: string): number {
  return db.$client.prepare('SELECT count(*) FROM profile_cache WHERE model_id = ?').pluck().get(modelId) as number;
}
