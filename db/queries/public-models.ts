import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { models } from '../schema';

/** What the browser may see of a model: never a key, only the name of the variable that holds it. */
export const publicModelColumns = {
  id: models.id,
  label: models.label,
  arch: models.arch,
  baseUrl: models.baseUrl,
  modelName: models.modelName,
  apiKeyEnv: models.apiKeyEnv,
  origin: models.origin,
};

export type PublicModel = {
  id: string;
  label: string;
  arch: 'llm' | 'ctm' | 'transformer' | 'lstm';
  baseUrl: string | null;
  modelName: string;
  apiKeyEnv: string | null;
  origin: 'config' | 'ui' | 'import' | 'cli';
};

/** Every model, by display name. */
export function listPublicModels(db: Db): PublicModel[] {
  return db.select(publicModelColumns).from(models).orderBy(asc(models.label)).all();
}

export function getPublicModel(db: Db, id: string): PublicModel | undefined {
  return db.select(publicModelColumns).from(models).where(eq(models.id, id)).get();
}

/** The models with these ids, in no particular order (unknown ids are absent). */
export function publicModelRows(db: Db, ids: readonly string[]): PublicModel[] {
  return ids.length === 0 ? [] : db.select(publicModelColumns).from(models).where(inArray(models.id, [...ids])).all();
}
