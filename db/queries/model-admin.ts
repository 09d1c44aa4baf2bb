import { sql } from 'drizzle-orm';
import type { ModelRecord } from '../../evals/contracts/model-endpoint';
import { jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';
import type { models } from '../schema';
import type { PublicModel } from './public-models';

/** A model's editable columns, for the Models page; never a key, only the name of its variable. */
export interface AdminModelRow extends PublicModel {
  temperature: number | null;
  maxTokens: number | null;
  systemPrompt: string | null;
  reasoning: boolean;
  priceInput: number | null;
  priceOutput: number | null;
  scope: ModelRecord['scope'] | null;
}

const ADMIN_COLUMNS = sql.raw(`id, label, arch, base_url AS "baseUrl", model_name AS "modelName", api_key_env AS "apiKeyEnv",
  origin, temperature, max_tokens AS "maxTokens", system_prompt AS "systemPrompt", reasoning,
  price_input AS "priceInput", price_output AS "priceOutput", scope`);

type StoredAdminRow = Omit<AdminModelRow, 'reasoning' | 'scope'> & { reasoning: number; scope: string | null };

function adminRowOf(row: StoredAdminRow): AdminModelRow {
  return { ...row, reasoning: Boolean(row.reasoning), scope: row.scope == null ? null : (JSON.parse(row.scope) as AdminModelRow['scope']) };
}

/** Every model's editable columns, by display name. */
export async function adminModelRows(db: SqlRunner): Promise<AdminModelRow[]> {
  return (await db.all<StoredAdminRow>(sql`SELECT ${ADMIN_COLUMNS} FROM models ORDER BY label, id`)).map(adminRowOf);
}

export async function adminModelRow(db: SqlRunner, id: string): Promise<AdminModelRow | undefined> {
  const row = await db.get<StoredAdminRow>(sql`SELECT ${ADMIN_COLUMNS} FROM models WHERE id = ${id}`);
  return row && adminRowOf(row);
}

/** How many runs each model has (models without runs are absent). */
export async function runCountsByModel(db: SqlRunner): Promise<Map<string, number>> {
  const rows = await db.all<{ id: string; n: number }>(sql`SELECT model_id AS id, count(*) AS n FROM runs GROUP BY model_id`);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The stored columns of a model endpoint (a key only by the name of its variable). */
export type ModelColumns = Omit<typeof models.$inferInsert, 'id' | 'origin'>;

function scopeText(columns: ModelColumns): string | null {
  return columns.scope == null ? null : JSON.stringify(columns.scope);
}

/** Inserts a model made in the dashboard (origin "ui"). */
export async function insertUiModel(db: SqlRunner, id: string, columns: ModelColumns): Promise<void> {
  await db.run(sql`
    INSERT INTO models (id, label, arch, base_url, model_name, api_key_env, temperature, max_tokens, system_prompt,
      reasoning, scope, price_input, price_output, origin)
    VALUES (${id}, ${columns.label}, ${columns.arch ?? 'llm'}, ${columns.baseUrl ?? null}, ${columns.modelName},
      ${columns.apiKeyEnv ?? null}, ${columns.temperature ?? null}, ${columns.maxTokens ?? null},
      ${columns.systemPrompt ?? null}, ${columns.reasoning ?? false}, ${jsonValue(db, scopeText(columns))},
      ${columns.priceInput ?? null}, ${columns.priceOutput ?? null}, 'ui')`);
}

/** Overwrites a model's endpoint columns (its id and origin stay; a scope left undefined stays as stored). */
export async function updateModelColumns(db: SqlRunner, id: string, columns: ModelColumns): Promise<void> {
  await db.run(sql`
    UPDATE models SET label = ${columns.label}, arch = ${columns.arch ?? 'llm'}, base_url = ${columns.baseUrl ?? null},
      model_name = ${columns.modelName}, api_key_env = ${columns.apiKeyEnv ?? null},
      temperature = ${columns.temperature ?? null}, max_tokens = ${columns.maxTokens ?? null},
      system_prompt = ${columns.systemPrompt ?? null}, reasoning = ${columns.reasoning ?? false},
      ${columns.scope === undefined ? sql`` : sql`scope = ${jsonValue(db, scopeText(columns))},`} price_input = ${columns.priceInput ?? null},
      price_output = ${columns.priceOutput ?? null}
    WHERE id = ${id}`);
}
