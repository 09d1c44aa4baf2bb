import type { ErrorKind } from '../../evals/contracts';
import { readApiKey } from '../env';
import { createOpenAICompatibleProvider } from '../providers';
import { listServedModels } from '../providers/list-models';
import { endpointUrlProblem } from '../../evals/contracts/endpoint-url';

export interface ConnectionTarget {
  baseUrl: string;
  modelName: string;
  apiKeyEnv: string | null;
  reasoning: boolean;
}

/** What else was checked: the URL's shape, and the endpoint's own list of models (null when it serves none). */
interface Checks {
  keyVarSet: boolean;
  urlProblem: { message: string; suggestion?: string } | null;
  servedModels: string[] | null;
}

export type ConnectionReport =
  | ({ ok: true; latencyMs: number; reply: string; note: string | null } & Checks)
  | ({ ok: false; latencyMs: number; kind: ErrorKind; message: string; status: number | null } & Checks);

/** Answers that prove the endpoint, the key and the model name are right, even if the reply itself is unusable. */
const REACHED: ReadonlySet<ErrorKind> = new Set(['truncated', 'empty_answer', 'content_filter']);

/**
 * Sends one tiny chat request through the same provider the runner uses, with the key read from the server's
 * environment by its variable's name. Reports ok with the latency, or the classified error; never the key.
 */
export async function testConnection(target: ConnectionTarget, timeoutMs = 20_000): Promise<ConnectionReport> {
  const apiKey = readApiKey(target.apiKeyEnv);
  const keyVarSet = target.apiKeyEnv ? apiKey !== undefined : true;
  const urlProblem = endpointUrlProblem(target.baseUrl);
  const listing = await listServedModels(target.baseUrl, apiKey);
  const servedModels = listing.ok ? listing.ids : null;
  const checks = { keyVarSet, urlProblem, servedModels };
  // The endpoint lists its models and this name is not among them: say so before a chat request 404s vaguely.
  if (servedModels && servedModels.length > 0 && !servedModels.includes(target.modelName)) {
    const close = servedModels.find((id) => id.toLowerCase() === target.modelName.toLowerCase() || id.endsWith(`/${target.modelName}`) || id.startsWith(`${target.modelName}:`));
    const list = servedModels.slice(0, 12).join(', ') + (servedModels.length > 12 ? `, … (${servedModels.length} in all)` : '');
    return {
      ok: false, latencyMs: 0, kind: 'not_found', status: null, ...checks,
      message: `this endpoint does not serve "${target.modelName}"${close ? ` (did you mean "${close}"?)` : ''}; it serves: ${list}`,
    };
  }
  let provider;
  try {
    provider = createOpenAICompatibleProvider({ baseURL: target.baseUrl, apiKey, timeoutMs });
  } catch (error) {
    return { ok: false, latencyMs: 0, kind: 'bad_request', message: (error as Error).message, status: null, ...checks };
  }
  const result = await provider.chat({
    model: target.modelName,
    messages: [{ role: 'user', content: 'Reply with the single word: ok' }],
    // Reasoning models spend tokens thinking before they answer; a tiny cap would end them before any text.
    maxTokens: target.reasoning ? 512 : 16,
    reasoning: target.reasoning,
  });
  if (result.ok) return { ok: true, latencyMs: result.latencyMs, reply: result.text.slice(0, 200), note: null, ...checks };
  if (REACHED.has(result.error.kind)) {
    return { ok: true, latencyMs: result.latencyMs, reply: '', note: `the endpoint answered (${result.error.kind}: ${result.error.message})`, ...checks };
  }
  // A 404 on a URL without a version segment is almost always the missing /v1: lead with that, once.
  const message = result.error.kind === 'not_found' && urlProblem?.suggestion
    ? `nothing at ${target.baseUrl} (HTTP 404): ${urlProblem.message}; try ${urlProblem.suggestion}`
    : result.error.message;
  return { ok: false, latencyMs: result.latencyMs, kind: result.error.kind, message, status: result.error.status ?? null, ...checks };
}
