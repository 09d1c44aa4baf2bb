import { z } from 'zod';
import type { Db } from '../../db/client';
import { cachedProfileRow, storeProfileRow, type ProfileCacheKey } from '../../db/queries/profile-cache';
import { ProfileSchema, type Profile } from '../../evals/metrics';
import type { ProfileTallies } from './profile-tallies';

/**
 * The shape and maths of a stored profile row (profile + tallies). Bump it whenever a change to evals/metrics
 * (buildProfile and what it calls) or to profile-tallies.ts would give other numbers or another shape for the same
 * results: rows of another format are ignored and overwritten, so no page ever shows a profile of older code.
 */
export const PROFILE_FORMAT = 1;

const count = z.number().int().nonnegative();
const TierTallySchema = z.object({ pass: count, fail: count, error: count, refusal: count, partial: count });
const probability = z.number().min(0).max(1);
const ProfileTalliesSchema = z.object({
  pairs: z.array(
    z.object({
      pairId: z.string(),
      family: z.string(),
      domain: z.string(),
      easyKey: z.number().int(),
      hardKey: z.number().int(),
      easy: TierTallySchema,
      hard: TierTallySchema,
      chance: z.object({ easy: probability, hard: probability, easyAllWrong: probability, hardAllWrong: probability }),
    }),
  ),
  families: z.array(z.object({ id: z.string(), domain: z.string() })),
  notEvaluated: z.array(z.string()),
}) satisfies z.ZodType<ProfileTallies>;

export interface PersistedProfile {
  profile: Profile;
  tallies: ProfileTallies;
}

/** Parses a JSON column; undefined when it is not JSON at all (a corrupt row is a miss, never an error). */
function parseJson<T>(text: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stored profile under `key` when it was written by this PROFILE_FORMAT for exactly these counters (`stamp`) and
 * both its columns parse; otherwise null (the caller builds it again and overwrites the row).
 */
export function readPersistedProfile(db: Db, key: ProfileCacheKey, stamp: string): PersistedProfile | null {
  const row = cachedProfileRow(db, key);
  if (!row || row.format !== PROFILE_FORMAT || row.stamp !== stamp) return null;
  const profile = parseJson(row.profile, ProfileSchema);
  const tallies = parseJson(row.tallies, ProfileTalliesSchema);
  return profile && tallies ? { profile, tallies } : null;
}

/** Handles that already logged a failed write: a read-only or busy database says so once, not on every page. */
const warned = new WeakSet<Db>();

/**
 * Stores a built profile under `key`. Never throws: a page that read a profile answers whether or not the cache could
 * keep it (a read-only file, a database busy past its timeout); the first failure per handle is logged.
 */
export function persistProfile(db: Db, key: ProfileCacheKey, stamp: string, value: PersistedProfile, now: number = Date.now()): boolean {
  try {
    storeProfileRow(db, key, {
      format: PROFILE_FORMAT,
      stamp,
      profile: JSON.stringify(value.profile),
      tallies: JSON.stringify(value.tallies),
      createdAt: now,
    });
    return true;
  } catch (error) {
    if (!warned.has(db)) {
      warned.add(db);
      console.warn(`sawtooth: profile cache: could not store the profile of ${key.modelId} (runs ${key.runIds.join(', ')}): ${(error as Error).message}; pages still answer, computing it each time`);
    }
    return false;
  }
}
