import { createHash } from 'node:crypto';
import type { ChatMessage } from '../../providers/types';

/** Everything that can change a model's answer to one request. */
export interface CacheKeyParts {
  /** The endpoint's base URL, e.g. https://api.openai.com/v1. */
  endpoint: string;
  /** The model name sent on the wire. */
  model: string;
  temperature: number | undefined;
  maxTokens: number | undefined;
  seed: number | undefined;
  reasoning: boolean;
  /**
   * Which of the k samples this is. Part of the key even when a seed is not, so that k samples of one probe stay k
   * independent answers instead of one answer served k times.
   */
  sample: number;
  messages: readonly ChatMessage[];
}

/**
 * The response cache's key: sha256 of the parts as JSON in a fixed field order (so the same request always gives the
 * same key, and any changed parameter or prompt gives another). Hex, 64 characters.
 */
export function cacheKey(parts: CacheKeyParts): string {
  const canonical = JSON.stringify([
    parts.endpoint.replace(/\/+$/, ''),
    parts.model,
    parts.temperature ?? null,
    parts.maxTokens ?? null,
    parts.seed ?? null,
    parts.reasoning,
    parts.sample,
    parts.messages.map((m) => [m.role, m.content]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
