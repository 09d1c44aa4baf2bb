import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { suites } from './catalog';
import { epochMs, nowEpochMs } from './epoch-ms';

/** db/schema/user-suites.ts for PostgreSQL: a suite built in the dashboard, pointing at its current version. */
export const userSuites = pgTable('user_suites', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  suiteKey: integer('suite_key')
    .notNull()
    .references(() => suites.key),
  createdAt: epochMs('created_at').notNull().default(nowEpochMs),
  updatedAt: epochMs('updated_at').notNull().default(nowEpochMs),
});
