import type { ErrorKind } from '../../evals/contracts';

/** One chat turn, as every OpenAI-compatible endpoint understands it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the runner asks a provider for: one completion, no streaming, no tools. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  /** Reasoning models: send `max_completion_tokens` instead of `max_tokens`, and no temperature. */
  reasoning?: boolean;
  /** Aborting it ends the request at once; the result is then a non-retryable `timeout` error with `aborted: true`. */
  signal?: AbortSignal;
}

/** Token counts as the endpoint reported them (absent when it reported none). */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** Why a request produced no gradable answer. `retryable` is what the scheduler obeys. */
export interface ProviderError {
  kind: ErrorKind;
  /** One line for a person: what went wrong and, where it helps, what to change. Never contains the API key. */
  message: string;
  /** HTTP status, when the endpoint answered with an error status. */
  status?: number;
  /** How long the endpoint asked us to wait (Retry-After / retry-after-ms), uncapped: the scheduler caps it. */
  retryAfterMs?: number;
  retryable: boolean;
  /** Set when the caller's AbortSignal ended the request: a cancellation, not a fault of the endpoint. */
  aborted?: true;
}

/** A successful completion: the answer text plus what we know about how it was produced. */
export interface ChatSuccess {
  ok: true;
  /** The answer as sent, `<think>` blocks included (graders strip them), cut to `maxResponseChars`. */
  text: string;
  finishReason: string | null;
  /** Separate reasoning (DeepSeek-style `reasoning_content`), cut to `maxResponseChars`. */
  reasoning?: string;
  usage?: TokenUsage;
  latencyMs: number;
  /** Set when `text` was cut to the storage limit: the original length was larger than this index. */
  truncatedAt?: number;
  /** A top-level `sawtooth` object of the response (our CTM server's telemetry: ticks, certainty), passed through. */
  extension?: unknown;
}

/** A request that produced no gradable answer. Errors are data: providers never throw. */
export interface ChatFailure {
  ok: false;
  error: ProviderError;
  latencyMs: number;
  /** Reasoning the model did produce before failing (e.g. `empty_answer` with `reasoning_content`), kept for the transcript. */
  reasoning?: string;
  /** Tokens the endpoint billed for the failed answer (`truncated`, `empty_answer`, `content_filter`). */
  usage?: TokenUsage;
}

export type ChatResult = ChatSuccess | ChatFailure;

/** One model endpoint. `chat` NEVER throws: every failure comes back as `{ ok: false, error }`. */
export interface Provider {
  chat(req: ChatRequest): Promise<ChatResult>;
}
