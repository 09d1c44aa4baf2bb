import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Built profiles kept across processes (server/explore/stored-profile.ts): building one at a million results takes
 * seconds (bootstrap, null-flip and jaggedness resampling), reading it back takes a millisecond. One row per (model,
 * suite version, exact run ids). A row counts only while its `stamp` equals the runs' current counters
 * (db/queries/profile-runs.ts runStamps) and its `format` equals the code's PROFILE_FORMAT; any other row is
 * recomputed and overwritten. Only scopes whose runs have all ended are stored (a running run changes every second).
 */
export const profileCache = sqliteTable(
  'profile_cache',
  {
    modelId: text('model_id').notNull(),
    suiteKey: integer('suite_key').notNull(),
    /** The run ids as a JSON array, ascending: exactly the runs the profile rests on. */
    runIds: text('run_ids').notNull(),
    /** PROFILE_FORMAT of the code that wrote the row: a change of the profile's shape or maths bumps it. */
    format: integer('format').notNull(),
    stamp: text('stamp').notNull(),
    /** The profile (evals/metrics ProfileSchema) as JSON. */
    profile: text('profile').notNull(),
    /** The pair tallies it was built from (server/explore/profile-tallies.ts), as column-wise JSON (persisted-profile.ts). */
    tallies: text('tallies').notNull(),
    /** Epoch ms of the write. */
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.suiteKey, t.runIds] })],
);
