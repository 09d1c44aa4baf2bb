import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { models } from '../schema';
import { publicModelColumns } from './public-models';

/** The editable columns of a model, for the Models page; never a key, only the name of its variable. */
const endpointColumns = {
  ...publicModelColumns,
  temperature: models.temperature,
  maxTokens: models.maxTokens,
  systemPrompt: models.systemPrompt,
  reasoning: models.reasoning,
  priceInput: models.priceInput,
  priceOutput: models.priceOutput,
  scope: models.scope,
};

/** Every model's editable columns, by display name. */
export function adminModelRows(db: Db) {
  return db.select(endpointColumns).from(models).orderBy(models.label).all();
}

export function adminModelRow(db: Db, id: string) {
  return db.select(endpointColumns).from(models).where(eq(models.id, id)).get();
}

/** How many runs each model has (models without runs are absent). */
export function runCountsByModel(db: Db): Map<string, number> {
  const rows = db.$client.prepare('SELECT model_id AS id, count(*) AS n FROM runs GROUP BY model_id').all() as Array<{ id: string; n: number }>;
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The stored columns of a model endpoint (a key only by the name of its variable). */
export type ModelColumns = Omit<typeof models.$inferInsert, 'id' | 'origin'>;

/** Inserts a model made in the dashboard (origin "ui"). */
export function insertUiModel(db: Db, id: string, columns: ModelColumns): void {
  db.insert(models).values({ ...columns, id, origin: 'ui' }).run();
}

/** Overwrites a model's endpoint columns (its id and origin stay). */
export function updateModelColumns(db: Db, id: string, columns: ModelColumns): void {
  db.update(models).set(columns).where(eq(models.id, id)).run();
}
