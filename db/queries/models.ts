import { eq, inArray, sql } from 'drizzle-orm';
import type { ModelRecord } from '../../evals/contracts/model-endpoint';
import type { Db } from '../client';
import { jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';
import { models } from '../schema';

export type ModelRow = typeof models.$inferSelect;

/** One stored model endpoint, or undefined when the id is unknown. */
export function modelById(db: Db, id: string): ModelRow | undefined {
  return db.select().from(models).where(eq(models.id, id)).get();
}

/** Every stored model id, for "unknown model (known: …)" messages. */
export function modelIds(db: Db): string[] {
  return db.select({ id: models.id }).from(models).all().map((m) => m.id);
}

/** The models that come from sawtooth.config.json (not added in the UI nor imported). */
export function configModels(db: Db): ModelRow[] {
  return db.select().from(models).where(eq(models.origin, 'config')).all();
}

export function modelExists(db: Db, id: string): boolean {
  return db.$client.prepare('SELECT 1 FROM models WHERE id = ?').get(id) !== undefined;
}

/** Upserts one model; results and runs that point at it are untouched. */
export function upsertModel(db: Db, row: ModelRecord): void {
  const { id: _id, ...rest } = row;
  db.insert(models).values(row).onConflictDoUpdate({ target: models.id, set: rest }).run();
}

/** The endpoints (base URL or null) of these models; unknown ids are simply absent. */
export function modelEndpointsOf(db: Db, ids: readonly string[]): Array<{ id: string; baseUrl: string | null }> {
  return db.select({ id: models.id, baseUrl: models.baseUrl }).from(models).where(inArray(models.id, [...ids])).all();
}

/** Upserts one model through the store (either engine); results and runs that point at it are untouched. */
export async function storeModel(db: SqlRunner, row: ModelRecord): Promise<void> {
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
