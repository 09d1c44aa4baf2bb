import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** A model's mean completion tokens over its answered results (null when it has none that report usage). */
export async function meanCompletionTokens(db: SqlRunner, modelId: string): Promise<number | null> {
  const row = await db.get<{ mean: number | null }>(sql`
    SELECT avg(completion_tokens) AS mean FROM (
      SELECT completion_tokens FROM results WHERE model_id = ${modelId} AND completion_tokens IS NOT NULL ORDER BY id DESC LIMIT 2000) recent`);
  return row?.mean ?? null;
}
