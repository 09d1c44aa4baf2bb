import { sql } from 'drizzle-orm';
import { inList } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';
import { models } from '../schema';

export type PublicModel = {
  id: string;
  label: string;
  arch: 'llm' | 'ctm' | 'transformer' | 'lstm';
  baseUrl: string | null;
  modelName: string;
  apiKeyEnv: string | null;
  origin: 'config' | 'ui' | 'import' | 'cli';
};

/**
 * The same columns for drizzle's SQLite query builder: model-admin.ts extends them with the editable ones (until it
 * moves onto the store too).
 */
export const publicModelColumns = {
  id: models.id,
  label: models.label,
  arch: models.arch,
  baseUrl: models.baseUrl,
  modelName: models.modelName,
  apiKeyEnv: models.apiKeyEnv,
  origin: models.origin,
};

/** What the browser may see of a model: never a key, only the name of the variable that holds it. */
const PUBLIC_COLUMNS = sql`id, label, arch, base_url AS "baseUrl", model_name AS "modelName", api_key_env AS "apiKeyEnv", origin`;

/** Every model, by display name. */
export async function listPublicModels(db: SqlRunner): Promise<PublicModel[]> {
  return db.all<PublicModel>(sql`SELECT ${PUBLIC_COLUMNS} FROM models ORDER BY label`);
}

export async function getPublicModel(db: SqlRunner, id: string): Promise<PublicModel | undefined> {
  return db.get<PublicModel>(sql`SELECT ${PUBLIC_COLUMNS} FROM models WHERE id = ${id}`);
}

/** The models with these ids, in no particular order (unknown ids are absent). */
export async function publicModelRows(db: SqlRunner, ids: readonly string[]): Promise<PublicModel[]> {
  if (ids.length === 0) return [];
  return db.all<PublicModel>(sql`SELECT ${PUBLIC_COLUMNS} FROM models WHERE ${inList(db, sql`id`, ids, 'text')}`);
}
