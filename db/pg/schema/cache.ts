import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs, nowEpochMs } from './epoch-ms';

/** db/schema/cache.ts for PostgreSQL: the opt-in response cache, one successful answer per request key. */
export const responseCache = pgTable(
  'response_cache',
  {
    key: text('key').primaryKey(),
    endpoint: text('endpoint').notNull(),
    modelName: text('model_name').notNull(),
    answer: jsonb('answer').notNull(),
    createdAt: epochMs('created_at').notNull().default(nowEpochMs),
  },
  (t) => [index('response_cache_endpoint_idx').on(t.endpoint, t.modelName)],
);
