import { sql } from 'drizzle-orm';
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

import { MODEL_ARCHS, MODEL_ORIGINS } from '../../evals/contracts/model-endpoint';

/**
 * An endpoint to evaluate. Only the NAME of the env var holding the API key is stored, never the key.
 * `origin` says where the row came from: the config file, the UI, or an import of external results.
 */
export const models = sqliteTable('models', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  arch: text('arch', { enum: MODEL_ARCHS }).notNull().default('llm'),
  baseUrl: text('base_url'),
  modelName: text('model_name').notNull(),
  apiKeyEnv: text('api_key_env'),
  temperature: real('temperature'),
  maxTokens: integer('max_tokens'),
  systemPrompt: text('system_prompt'),
  reasoning: integer('reasoning', { mode: 'boolean' }).notNull().default(false),
  /**
   * What the model declares it can answer, as JSON {families?: string[], domains?: string[]} (see
   * server/runner/model-scope.ts); null: everything. Probes outside it are never sent.
   */
  scope: text('scope', { mode: 'json' }).$type<{ families?: string[]; domains?: string[] }>(),
  /** USD per million tokens. */
  priceInput: real('price_input'),
  priceOutput: real('price_output'),
  origin: text('origin', { enum: MODEL_ORIGINS }).notNull().default('config'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});
