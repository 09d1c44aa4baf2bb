import { sql } from 'drizzle-orm';
import { jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** The stored answer JSON under `key`, or undefined (one primary-key lookup per request of a cached run). */
export async function cachedAnswerOf(db: SqlRunner, key: string): Promise<string | undefined> {
  return (await db.get<{ answer: string }>(sql`SELECT answer FROM response_cache WHERE key = ${key}`))?.answer;
}

/** Stores an answer under `key`; the first answer for a key stays. */
export async function storeCachedAnswer(db: SqlRunner, key: string, endpoint: string, modelName: string, answerJson: string): Promise<void> {
  await db.run(sql`
    INSERT INTO response_cache (key, endpoint, model_name, answer) VALUES (${key}, ${endpoint}, ${modelName}, ${jsonValue(db, answerJson)})
    ON CONFLICT (key) DO NOTHING`);
}

/** Deletes every cached answer of one endpoint (null: all) and model name (null: all). Returns how many were deleted. */
export async function deleteCachedAnswers(db: SqlRunner, endpoint: string | null, modelName: string | null): Promise<number> {
  const ofEndpoint = endpoint === null ? sql`true` : sql`endpoint = ${endpoint}`;
  const ofModel = modelName === null ? sql`true` : sql`model_name = ${modelName}`;
  return db.run(sql`DELETE FROM response_cache WHERE ${ofEndpoint} AND ${ofModel}`);
}
