import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { epochMs } from './epoch-ms';

/** db/schema/profile-cache.ts for PostgreSQL: built profiles per (model, suite version, exact run ids). */
export const profileCache = pgTable(
  'profile_cache',
  {
    modelId: text('model_id').notNull(),
    suiteKey: integer('suite_key').notNull(),
    runIds: text('run_ids').notNull(),
    format: integer('format').notNull(),
    stamp: text('stamp').notNull(),
    profile: text('profile').notNull(),
    tallies: text('tallies').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.suiteKey, t.runIds] })],
);
