import { sql } from 'drizzle-orm';
import type { ModelRecord } from '../../evals/contracts/model-endpoint';
import { inList, jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';
import type { models } from '../schema';

export type ModelRow = typeof models.$inferSelect;

/** A models row as both engines return it: reasoning 1/0, scope JSON text, created_at epoch milliseconds. */
interface StoredModelRow extends Omit<ModelRow, 'reasoning' | 'scope' | 'createdAt'> {
  reasoning: number;
  scope: string | null;
  createdAt: number;
}

const MODEL_COLUMNS = sql.raw(`id, label, arch, base_url AS "baseUrl", model_name AS "modelName", api_key_env AS "apiKeyEnv",
  temperature, max_tokens AS "maxTokens", system_prompt AS "systemPrompt", reasoning, scope, price_input AS "priceInput",
  price_output AS "priceOutput", origin, created_at AS "createdAt"`);

/** The row in the shape callers had from drizzle's SQLite builder (boolean, parsed JSON, Date). */
function modelRowOf(row: StoredModelRow): ModelRow {
  return {
    ...row,
    reasoning: Boolean(row.reasoning),
    scope: row.scope == null ? null : (JSON.parse(row.scope) as ModelRow['scope']),
    createdAt: new Date(row.createdAt),
  };
}

/** One stored model endpoint, or undefined when the id is unknown. */
export async function modelById(db: SqlRunner, id: string): Promise<ModelRow | undefined> {
  const row = await db.get<StoredModelRow>(sql`SELECT ${MODEL_COLUMNS} FROM models WHERE id = ${id}`);
  return row && modelRowOf(row);
}

/** Every stored model id, for "unknown model (known: …)" messages. */
export async function modelIds(db: SqlRunner): Promise<string[]> {
  return (await db.all<{ id: string }>(sql`SELECT id FROM models ORDER BY id`)).map((m) => m.id);
}

/** The models that come from sawtooth.config.json (not added in the UI nor imported). */
export async function configModels(db: SqlRunner): Promise<ModelRow[]> {
  return (await db.all<StoredModelRow>(sql`SELECT ${MODEL_COLUMNS} FROM models WHERE origin = 'config' ORDER BY id`)).map(modelRowOf);
}

export async function modelExists(db: SqlRunner, id: string): Promise<boolean> {
  return (await db.get(sql`SELECT 1 AS one FROM models WHERE id = ${id}`)) !== undefined;
}

/** The endpoints (base URL or null) of these models; unknown ids are simply absent. */
export async function modelEndpointsOf(db: SqlRunner, ids: readonly string[]): Promise<Array<{ id: string; baseUrl: string | null }>> {
  return db.all(sql`SELECT id, base_url AS "baseUrl" FROM models WHERE ${inList(db, sql`id`, ids, 'text')}`);
}

/** Upserts one model (either engine); results and runs that point at it are untouched. */
export async function upsertModel(db: SqlRunner, row: ModelRecord): Promise<void> {
  const scope = row.scope == null ? null : JSON.stringify(row.scope);
  await db.run(sql`
    INSERT INTO models (id, label, arch, base_url, model_name, api_key_env, temperature, max_tokens, system_prompt,
      reasoning, scope, price_input, price_output, origin)
    VALUES (${row.id}, ${row.label}, ${row.arch}, ${row.baseUrl}, ${row.modelName}, ${row.apiKeyEnv ?? null},
      ${row.temperature ?? null}, ${row.maxTokens ?? null}, ${row.systemPrompt ?? null}, ${row.reasoning ?? false},
      ${jsonValue(db, scope)}, ${row.priceInput ?? null}, ${row.priceOutput ?? null}, ${row.origin})
    ON CONFLICT (id) DO UPDATE SET label = excluded.label, arch = excluded.arch, base_url = excluded.base_url,
      model_name = excluded.model_name, api_key_env = excluded.api_key_env, temperature = excluded.temperature,
      max_tokens = excluded.max_tokens, system_prompt = excluded.system_prompt, reasoning = excluded.reasoning,
      scope = excluded.scope, price_input = excluded.price_input, price_output = excluded.price_output,
      origin = excluded.origin`);
}
