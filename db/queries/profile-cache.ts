import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

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
export async function cachedProfileRow(db: SqlRunner, key: ProfileCacheKey): Promise<ProfileCacheRow | undefined> {
  return db.get<ProfileCacheRow>(sql`
    SELECT format, stamp, profile, tallies, created_at AS "createdAt" FROM profile_cache
    WHERE model_id = ${key.modelId} AND suite_key = ${key.suiteKey} AND run_ids = ${runIdsText(key.runIds)}`);
}

/** Stores (or replaces: another format, an older stamp, a corrupt row) the profile under this key. */
export async function storeProfileRow(db: SqlRunner, key: ProfileCacheKey, row: ProfileCacheRow): Promise<void> {
  await db.run(sql`
    INSERT INTO profile_cache (model_id, suite_key, run_ids, format, stamp, profile, tallies, created_at)
    VALUES (${key.modelId}, ${key.suiteKey}, ${runIdsText(key.runIds)}, ${row.format}, ${row.stamp}, ${row.profile}, ${row.tallies}, ${row.createdAt})
    ON CONFLICT (model_id, suite_key, run_ids) DO UPDATE SET format = excluded.format, stamp = excluded.stamp,
      profile = excluded.profile, tallies = excluded.tallies, created_at = excluded.created_at`);
}

/** How many profiles are stored for a model (all suites, formats and stamps): the tests' and benches' count. */
export async function cachedProfileCount(db: SqlRunner, modelId: string): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM profile_cache WHERE model_id = ${modelId}`);
  return row?.n ?? 0;
}
