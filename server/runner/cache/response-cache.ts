import { z } from 'zod';
import { cachedAnswerOf, deleteCachedAnswers, storeCachedAnswer } from '../../../db/queries/response-cache';
import type { SqlRunner } from '../../../db/store';
import type { ChatSuccess } from '../../providers/types';

// A stored answer is read back through this schema: the table may have been written by an older version.
const CachedAnswerSchema = z.object({
  ok: z.literal(true),
  text: z.string(),
  finishReason: z.string().nullable(),
  reasoning: z.string().optional(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).optional(),
  latencyMs: z.number(),
  truncatedAt: z.number().optional(),
  extension: z.unknown().optional(),
});

/**
 * The opt-in response cache over the `response_cache` table. Reads are one primary-key lookup; writes are returned
 * as a closure so the caller can run them inside the transaction that stores the result (one commit, not two).
 */
export class ResponseCache {
  constructor(private readonly db: SqlRunner) {}

  /** The cached answer for `key`, or undefined (also when the stored JSON is not an answer any more). */
  async get(key: string): Promise<ChatSuccess | undefined> {
    const raw = await cachedAnswerOf(this.db, key);
    if (raw === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const parsed = CachedAnswerSchema.safeParse(json);
    return parsed.success ? (parsed.data as ChatSuccess) : undefined;
  }

  /** A write of one answer, to run later (inside the result's transaction). The first answer for a key stays. */
  put(key: string, endpoint: string, modelName: string, answer: ChatSuccess): (tx: SqlRunner) => Promise<void> {
    const json = JSON.stringify(answer);
    return (tx) => storeCachedAnswer(tx, key, endpoint, modelName, json);
  }

  /** Deletes every cached answer of one endpoint (and model, when given). Returns how many were deleted. */
  static clear(db: SqlRunner, endpoint?: string, modelName?: string): Promise<number> {
    return deleteCachedAnswers(db, endpoint ?? null, modelName ?? null);
  }
}
