import type { ErrorKind } from '../../evals/contracts';
import { readApiKey } from '../env';
import { createOpenAICompatibleProvider } from '../providers';

export interface ConnectionTarget {
  baseUrl: string;
  modelName: string;
  apiKeyEnv: string | null;
  reasoning: boolean;
}

export type ConnectionReport =
  | { ok: true; latencyMs: number; reply: string; note: string | null; keyVarSet: boolean }
  | { ok: false; latencyMs: number; kind: ErrorKind; message: string; status: number | null; keyVarSet: boolean };

/** Answers that prove the endpoint, the key and the model name are right, even if the reply itself is unusable. */
const REACHED: ReadonlySet<ErrorKind> = new Set(['truncated', 'empty_answer', 'content_filter']);

/**
 * Sends one tiny chat request through the same provider the runner uses, with the key read from the server's
 * environment by its variable's name. Reports ok with the latency, or the classified error; never the key.
 */
export async function testConnection(target: ConnectionTarget, timeoutMs = 20_000): Promise<ConnectionReport> {
  const apiKey = readApiKey(target.apiKeyEnv);
  const keyVarSet = target.apiKeyEnv ? apiKey !== undefined : true;
  let provider;
  try {
    provider = createOpenAICompatibleProvider({ baseURL: target.baseUrl, apiKey, timeoutMs });
  } catch (error) {
    return { ok: false, latencyMs: 0, kind: 'bad_request', message: (error as Error).message, status: null, keyVarSet };
  }
  const result = await provider.chat({
    model: target.modelName,
    messages: [{ role: 'user', content: 'Reply with the single word: ok' }],
    // Reasoning models spend tokens thinking before they answer; a tiny cap would end them before any text.
    maxTokens: target.reasoning ? 512 : 16,
    reasoning: target.reasoning,
  });
  if (result.ok) return { ok: true, latencyMs: result.latencyMs, reply: result.text.slice(0, 200), note: null, keyVarSet };
  if (REACHED.has(result.error.kind)) {
    return { ok: true, latencyMs: result.latencyMs, reply: '', note: `the endpoint answered (${result.error.kind}: ${result.error.message})`, keyVarSet };
  }
  return { ok: false, latencyMs: result.latencyMs, kind: result.error.kind, message: result.error.message, status: result.error.status ?? null, keyVarSet };
}
