import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { suites } from './catalog';

/**
 * A suite people build in the dashboard (added pairs, imported probe files). Its content lives in the catalog
 * tables like any suite version (suites / suite_pairs / probes); this row names the user suite and points at its
 * current version, so that `--suite <id>` and the run form find it by id, as they find a built-in suite.
 * Every save makes a new catalog version: runs on the older version keep pointing at exactly what they answered.
 */
export const userSuites = sqliteTable('user_suites', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  suiteKey: integer('suite_key')
    .notNull()
    .references(() => suites.key),
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});
