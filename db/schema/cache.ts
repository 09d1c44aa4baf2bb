import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The opt-in response cache (a run with `cache: true`): one successful answer per request key. The key is a hash of
 * endpoint, model, sampling parameters (sample index included, so k samples stay k answers) and messages; see
 * server/runner/cache/cache-key.ts. Only answers are cached, never errors, so a retry always asks the endpoint again.
 */
export const responseCache = sqliteTable(
  'response_cache',
  {
    key: text('key').primaryKey(),
    /** Base URL and model name in clear, so a person can see (and delete) what is cached per endpoint. */
    endpoint: text('endpoint').notNull(),
    modelName: text('model_name').notNull(),
    /** The provider's ChatSuccess (text, finish reason, reasoning, usage, latency, telemetry) as JSON. */
    answer: text('answer', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('response_cache_endpoint_idx').on(t.endpoint, t.modelName)],
);
