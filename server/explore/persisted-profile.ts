import { z } from 'zod';
import type { SqlRunner } from '../../db/store';
import { cachedProfileRow, storeProfileRow, type ProfileCacheKey } from '../../db/queries/profile-cache';
import { ProfileSchema, type Profile } from '../../evals/metrics';
import type { ProfileTallies } from './profile-tallies';

/**
 * The shape and maths of a stored profile row (profile + tallies). Bump it whenever a change to evals/metrics
 * (buildProfile and what it calls) or to profile-tallies.ts would give other numbers or another shape for the same
 * results: rows of another format are ignored and overwritten, so no page ever shows a profile of older code.
 */
export const PROFILE_FORMAT = 1;

/**
 * The long number arrays of stored tallies (ten counts and four chances per pair: thousands per profile) are checked
 * in one loop each, not by zod per element: the same rules (finite integers ≥ 0, probabilities in [0, 1]), a tenth of
 * the CPU on the cold page that reads four or eight stored profiles.
 */
const numbersWhere = (ok: (n: number) => boolean, what: string) =>
  z.custom<number[]>((v) => Array.isArray(v) && v.every((n) => typeof n === 'number' && ok(n)), `an array of ${what}`);
const counts = numbersWhere((n) => Number.isInteger(n) && n >= 0, 'counts (integers ≥ 0)');
const integers = numbersWhere(Number.isInteger, 'integers');
const probabilities = numbersWhere((n) => n >= 0 && n <= 1, 'probabilities (0 to 1)');
const TIER_FIELDS = ['pass', 'fail', 'error', 'refusal', 'partial'] as const;
const CHANCE_FIELDS = ['easy', 'hard', 'easyAllWrong', 'hardAllWrong'] as const;

/**
 * ProfileTallies as stored: one array per field over the pairs (counts: easy then hard, TIER_FIELDS order; chances:
 * CHANCE_FIELDS order). A third of the JSON of the object form, and validating 560 pairs of it is several times
 * faster: it is read on every cold page.
 */
const StoredTalliesSchema = z
  .object({
    pairId: z.array(z.string()),
    family: z.array(z.string()),
    domain: z.array(z.string()),
    keys: integers,
    counts,
    chance: probabilities,
    families: z.array(z.object({ id: z.string(), domain: z.string() })),
    notEvaluated: z.array(z.string()),
  })
  .refine((t) => {
    const n = t.pairId.length;
    return t.family.length === n && t.domain.length === n && t.keys.length === 2 * n && t.counts.length === 10 * n && t.chance.length === 4 * n;
  }, 'every per-pair array covers every pair');
type StoredTallies = z.infer<typeof StoredTalliesSchema>;

function toStored(tallies: ProfileTallies): StoredTallies {
  const { pairs } = tallies;
  return {
    pairId: pairs.map((p) => p.pairId),
    family: pairs.map((p) => p.family),
    domain: pairs.map((p) => p.domain),
    keys: pairs.flatMap((p) => [p.easyKey, p.hardKey]),
    counts: pairs.flatMap((p) => [...TIER_FIELDS.map((f) => p.easy[f]), ...TIER_FIELDS.map((f) => p.hard[f])]),
    chance: pairs.flatMap((p) => CHANCE_FIELDS.map((f) => p.chance[f])),
    families: tallies.families,
    notEvaluated: tallies.notEvaluated,
  };
}

function fromStored(t: StoredTallies): ProfileTallies {
  const { counts: c, chance } = t;
  // Literal objects, not Object.fromEntries over the field lists: this runs for every pair of every cold page.
  const tier = (at: number) => ({ pass: c[at]!, fail: c[at + 1]!, error: c[at + 2]!, refusal: c[at + 3]!, partial: c[at + 4]! });
  return {
    pairs: t.pairId.map((pairId, i) => ({
      pairId,
      family: t.family[i]!,
      domain: t.domain[i]!,
      easyKey: t.keys[2 * i]!,
      hardKey: t.keys[2 * i + 1]!,
      easy: tier(10 * i),
      hard: tier(10 * i + 5),
      chance: { easy: chance[4 * i]!, hard: chance[4 * i + 1]!, easyAllWrong: chance[4 * i + 2]!, hardAllWrong: chance[4 * i + 3]! },
    })),
    families: t.families,
    notEvaluated: t.notEvaluated,
  };
}

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
export async function readPersistedProfile(db: SqlRunner, key: ProfileCacheKey, stamp: string): Promise<PersistedProfile | null> {
  const row = await cachedProfileRow(db, key);
  if (!row || row.format !== PROFILE_FORMAT || row.stamp !== stamp) return null;
  const profile = parseJson(row.profile, ProfileSchema);
  const tallies = parseJson(row.tallies, StoredTalliesSchema);
  return profile && tallies ? { profile, tallies: fromStored(tallies) } : null;
}

/** Handles that already logged a failed write: a read-only or busy database says so once, not on every page. */
const warned = new WeakSet<SqlRunner>();

/**
 * Stores a built profile under `key`. Never throws: a page that read a profile answers whether or not the cache could
 * keep it (a read-only file, a database busy past its timeout); the first failure per handle is logged.
 */
export async function persistProfile(
  db: SqlRunner,
  key: ProfileCacheKey,
  stamp: string,
  value: PersistedProfile,
  now: number = Date.now(),
): Promise<boolean> {
  try {
    await storeProfileRow(db, key, {
      format: PROFILE_FORMAT,
      stamp,
      profile: JSON.stringify(value.profile),
      tallies: JSON.stringify(toStored(value.tallies)),
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
