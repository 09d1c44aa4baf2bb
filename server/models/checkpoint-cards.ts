import { ModelCardsSchema, type ModelCards } from '../../evals/contracts/checkpoint-card';
import { ResponseTooLargeError } from '../providers/response-too-large';
import { createKeepAliveFetch } from '../runner/keep-alive-fetch';

/** What the model page shows of a model's training cards: the cards, or one line saying why there are none. */
export type CheckpointCardsView =
  | { status: 'ok'; url: string; cards: ModelCards['cards'] }
  | { status: 'not-local'; message: string }
  | { status: 'unavailable'; message: string };

/** The model fields this needs (a PublicModel fits). */
export interface CardTarget {
  arch: 'llm' | 'ctm' | 'transformer' | 'lstm';
  baseUrl: string | null;
  modelName: string;
}

export interface CheckpointCardOptions {
  fetch?: typeof fetch;
  /** Injected clock (ms) for the cache's lifetime; tests move it. */
  now?: () => number;
  /** How long a fetched card is kept: checkpoints change only when retrained and re-served. */
  ttlMs?: number;
  timeoutMs?: number;
}

/** Cards are ~30 KB each and a router has a few: 1 MiB is plenty, and an endpoint sending more is not ours. */
export const MAX_CARD_BYTES = 1024 * 1024;
const DEFAULT_TTL_MS = 10 * 60_000;
const DEFAULT_TIMEOUT_MS = 5_000;

/** `GET <base>/models/<name>/card`: our checkpoint server's route (ml/serve/http-server.ts). */
export function cardUrl(baseUrl: string, modelName: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/models/${encodeURIComponent(modelName)}/card`;
}

function failureLine(url: string, error: unknown, timeoutMs: number): string {
  const e = error as NodeJS.ErrnoException;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `the checkpoint server at ${url} did not answer within ${timeoutMs / 1000} s`;
  if (error instanceof ResponseTooLargeError) return `the answer of ${url} was larger than ${MAX_CARD_BYTES / 1024} KiB: not a checkpoint card`;
  if (e.code === 'ECONNREFUSED') return `the checkpoint server at ${url} is not running (connection refused): start it with npx sawtooth serve`;
  return `could not reach the checkpoint server at ${url} (${e.code ?? e.message})`;
}

/**
 * Fetches a local model's training cards from its checkpoint server, with a timeout and a byte cap, and keeps each
 * answer for `ttlMs` per process (one fetch however many times the page is opened; requests in flight are shared).
 * Failures are not kept, so a server started later is seen on the next view. Hosted models (arch llm) and models
 * without an endpoint are never asked: they have no card.
 */
export function createCheckpointCards(options: CheckpointCardOptions = {}) {
  const fetchCard = options.fetch ?? createKeepAliveFetch(MAX_CARD_BYTES);
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const kept = new Map<string, { at: number; view: Promise<CheckpointCardsView> }>();

  async function load(url: string): Promise<CheckpointCardsView> {
    let res: Response;
    try {
      res = await fetchCard(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { status: 'unavailable', message: failureLine(url, error, timeoutMs) };
    }
    if (!res.ok) return { status: 'unavailable', message: `${url} answered HTTP ${res.status}: this endpoint serves no Sawtooth checkpoint card for the model` };
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return { status: 'unavailable', message: `${url} did not answer JSON` };
    }
    const parsed = ModelCardsSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { status: 'unavailable', message: `${url}: ${issue.path.join('.') || 'body'}: ${issue.message}` };
    }
    return { status: 'ok', url, cards: parsed.data.cards };
  }

  return {
    get(model: CardTarget): Promise<CheckpointCardsView> {
      if (model.arch === 'llm') return Promise.resolve({ status: 'not-local', message: 'Not a local checkpoint: hosted models have no training card.' });
      if (!model.baseUrl) return Promise.resolve({ status: 'not-local', message: 'This model has no endpoint, so no checkpoint server to ask for its training card.' });
      const url = cardUrl(model.baseUrl, model.modelName);
      const hit = kept.get(url);
      if (hit && now() - hit.at < ttlMs) return hit.view;
      const view = load(url);
      kept.set(url, { at: now(), view });
      // Only successes are kept: forget a failure as soon as it is known.
      void view.then((v) => {
        if (v.status !== 'ok' && kept.get(url)?.view === view) kept.delete(url);
      });
      return view;
    },
  };
}

/** The dashboard process's cache. */
export const checkpointCards = createCheckpointCards();
