import type { Db } from '../client';

/** The response cache's reads and writes, prepared once per cache (one lookup per request of a cached run). */
export interface ResponseCacheQueries {
  /** The stored answer JSON under `key`, or undefined. */
  answerOf(key: string): string | undefined;
  /** Stores an answer under `key`; the first answer for a key stays. */
  storeAnswer(key: string, endpoint: string, modelName: string, answerJson: string): void;
}

export function responseCacheQueries(db: Db): ResponseCacheQueries {
  const getStmt = db.$client.prepare('SELECT answer FROM response_cache WHERE key = ?').pluck();
  const putStmt = db.$client.prepare(
    `INSERT INTO response_cache (key, endpoint, model_name, answer) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  return {
    answerOf: (key) => getStmt.get(key) as string | undefined,
    storeAnswer: (key, endpoint, modelName, answerJson) => void putStmt.run(key, endpoint, modelName, answerJson),
  };
}

/** Deletes every cached answer of one endpoint (null: all) and model name (null: all). Returns how many were deleted. */
export function deleteCachedAnswers(db: Db, endpoint: string | null, modelName: string | null): number {
  return db.$client
    .prepare('DELETE FROM response_cache WHERE (@endpoint IS NULL OR endpoint = @endpoint) AND (@model IS NULL OR model_name = @model)')
    .run({ endpoint, model: modelName }).changes;
}
