import OpenAI from 'openai';
import { z } from 'zod';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ChatRequest, ChatResult, Provider, ProviderError } from './types';
import { classifyThrown } from './classify-error';
import { onAbort } from './on-abort';
import { readChatCompletion } from './read-chat-completion';
import { redactSecret } from './redact-secret';
import { keepAliveFetch } from '../runner/keep-alive-fetch';

export interface OpenAICompatibleOptions {
  /** Up to and including the version segment, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8081/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer …`; omitted entirely when absent (local servers). Never appears in a message. */
  apiKey?: string;
  /** Whole-request deadline, headers and body together. Default 180 s: reasoning models think for minutes. */
  timeoutMs?: number;
  /** Longer answers are cut here and marked with `truncatedAt`, so one runaway answer cannot bloat the database. */
  maxResponseChars?: number;
  /** For tests and proxies; defaults to keepAliveFetch (node:http, keep-alive, answers capped at 8 MiB). */
  fetch?: typeof fetch;
}

// Checked once, when the provider is made: a bad endpoint configuration is a setup error, not a per-request one.
const OptionsSchema = z.object({
  baseURL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8081/v1' }),
  apiKey: z.string().min(1, 'is empty: leave it out for endpoints without a key').optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxResponseChars: z.number().int().positive().optional(),
});

export const DEFAULT_TIMEOUT_MS = 180_000;
export const DEFAULT_MAX_RESPONSE_CHARS = 100_000;

/**
 * A provider for any OpenAI-compatible chat endpoint (OpenAI, OpenRouter, vLLM, Ollama, our checkpoint server …),
 * through the official SDK. The SDK never retries (`maxRetries: 0`): retrying is the scheduler's job, in one place,
 * with a cap on Retry-After that the SDK does not have.
 */
export function createOpenAICompatibleProvider(options: OpenAICompatibleOptions): Provider {
  const checked = OptionsSchema.safeParse(options);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`OpenAI-compatible provider: ${issue.path.join('.')} ${issue.message}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseChars = options.maxResponseChars ?? DEFAULT_MAX_RESPONSE_CHARS;
  const client = new OpenAI({
    baseURL: options.baseURL,
    // The SDK insists on a credential and would otherwise fall back to OPENAI_API_KEY from the environment;
    // without a key we give it a placeholder and remove the header it would make from it.
    apiKey: options.apiKey ?? 'no-key',
    ...(options.apiKey === undefined && { defaultHeaders: { Authorization: null } }),
    // Explicit nulls so the SDK does not pick these up from OPENAI_* env vars and send them to a third party.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: 'off',
    // Never the global fetch by default: it reads (and gunzips) a body of any size; ours caps it.
    fetch: options.fetch ?? keepAliveFetch,
  });
  const redact = (error: ProviderError): ProviderError => ({ ...error, message: redactSecret(error.message, options.apiKey) });
  const redactReasoning = (reasoning: string | undefined) => (reasoning === undefined ? {} : { reasoning: redactSecret(reasoning, options.apiKey) });

  return {
    async chat(req: ChatRequest): Promise<ChatResult> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      if (req.signal?.aborted) {
        const error = classifyThrown(undefined, { callerAborted: true, deadlineHit: false, timeoutMs, baseURL: options.baseURL });
        return { ok: false, error, latencyMs: 0 };
      }

      // Our own deadline covers reading the body too: the SDK's timeout stops counting once headers arrive, so a
      // server that trickles its body would otherwise hold a slot forever.
      const controller = new AbortController();
      let deadlineHit = false;
      const deadline = setTimeout(() => {
        deadlineHit = true;
        controller.abort();
      }, timeoutMs);
      // Our own controller, not the caller's signal, goes to the SDK: the SDK never removes the listener it adds,
      // which would leak on a signal shared by a whole run.
      const unsubscribe = req.signal ? onAbort(req.signal, () => controller.abort()) : undefined;

      try {
        const body: unknown = await client.chat.completions.create(toRequestBody(req), { signal: controller.signal, timeout: timeoutMs });
        const read = readChatCompletion(body, { maxResponseChars, ...(req.maxTokens !== undefined && { requestedMaxTokens: req.maxTokens }) });
        if (!read.ok) return { ...read, ...redactReasoning(read.reasoning), error: redact(read.error), latencyMs: elapsed() };
        // An endpoint that echoes the key in its answer must not get it stored, exported or shown.
        return { ...read, text: redactSecret(read.text, options.apiKey), ...redactReasoning(read.reasoning), latencyMs: elapsed() };
      } catch (thrown) {
        const context = { callerAborted: req.signal?.aborted === true, deadlineHit, timeoutMs, baseURL: options.baseURL };
        return { ok: false, error: redact(classifyThrown(thrown, context)), latencyMs: elapsed() };
      } finally {
        clearTimeout(deadline);
        unsubscribe?.();
      }
    },
  };
}

/** The wire body. Reasoning models reject `max_tokens` and `temperature`, so they get `max_completion_tokens` only. */
export function toRequestBody(req: ChatRequest): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = { model: req.model, messages: req.messages };
  if (req.seed !== undefined) body.seed = req.seed;
  if (req.reasoning) {
    if (req.maxTokens !== undefined) body.max_completion_tokens = req.maxTokens;
  } else {
    if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;
    if (req.temperature !== undefined) body.temperature = req.temperature;
  }
  return body;
}
