import type { Db } from '../client';

/** A model's mean completion tokens over its answered results (null when it has none that report usage). */
export function meanCompletionTokens(db: Db, modelId: string): number | null {
  const row = db.$client
    .prepare(`SELECT avg(completion_tokens) AS mean FROM (SELECT completion_tokens FROM results WHERE model_id = ? AND completion_tokens IS NOT NULL ORDER BY id DESC LIMIT 2000)`)
    .get(modelId) as { mean: number | null };
  return row.mean;
}
