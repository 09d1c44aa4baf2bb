import { boolean, doublePrecision, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { MODEL_ARCHS, MODEL_ORIGINS } from '../../../evals/contracts/model-endpoint';
import { epochMs, nowEpochMs } from './epoch-ms';

/** db/schema/models.ts for PostgreSQL: an endpoint to evaluate (only the NAME of its API key's env var). */
export const models = pgTable('models', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  arch: text('arch', { enum: MODEL_ARCHS }).notNull().default('llm'),
  baseUrl: text('base_url'),
  modelName: text('model_name').notNull(),
  apiKeyEnv: text('api_key_env'),
  temperature: doublePrecision('temperature'),
  maxTokens: integer('max_tokens'),
  systemPrompt: text('system_prompt'),
  reasoning: boolean('reasoning').notNull().default(false),
  scope: jsonb('scope').$type<{ families?: string[]; domains?: string[] }>(),
  priceInput: doublePrecision('price_input'),
  priceOutput: doublePrecision('price_output'),
  origin: text('origin', { enum: MODEL_ORIGINS }).notNull().default('config'),
  createdAt: epochMs('created_at').notNull().default(nowEpochMs),
});
