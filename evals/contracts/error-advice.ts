import type { ErrorKind } from './outcome';

/** What an error kind means for a person looking at a run, and what to do about it. */
export interface ErrorAdvice {
  /** A short label for tables and badges. */
  title: string;
  /** One or two sentences: the likely cause and the change that fixes it. */
  advice: string;
  /** True when simply running "retry errors" later is likely to turn these into answers. */
  transient: boolean;
}

/**
 * The advice the run page and `sawtooth runs show` print next to each error count. One entry per ErrorKind: the
 * `satisfies Record<ErrorKind, …>` makes a new kind in the contract a compile error here until it has its advice.
 */
export const ERROR_ADVICE = {
  rate_limited: {
    title: 'Rate limited',
    advice: 'The endpoint answered HTTP 429 even after retries with back-off (Sawtooth obeys a Retry-After of up to 60 s, and waits at most 2 minutes in all for an endpoint that keeps refusing, then records the rest here). Lower the run\'s concurrency, raise the account\'s limits, then retry the errors.',
    transient: true,
  },
  timeout: {
    title: 'Timed out',
    advice: 'No complete answer arrived within the request timeout. Reasoning models can think for minutes: raise timeoutMs, or lower the concurrency if the endpoint is overloaded.',
    transient: true,
  },
  connection: {
    title: 'Connection failed',
    advice: 'The endpoint could not be reached or dropped the connection: is the server running, and is the base URL right (it usually ends in /v1)? Then retry the errors.',
    transient: true,
  },
  server_error: {
    title: 'Server error',
    advice: 'The endpoint failed (HTTP 5xx or an error inside a 200). Usually an outage or an overloaded server: retry the errors later.',
    transient: true,
  },
  bad_request: {
    title: 'Bad request',
    advice: 'The endpoint rejected the request (HTTP 4xx): check the model name and its settings (reasoning models need "reasoning": true: max_completion_tokens, no temperature); the prompt may exceed the context window.',
    transient: false,
  },
  auth: {
    title: 'Not authorised',
    advice: 'The endpoint refused the API key (HTTP 401/403) or the account cannot pay (402). Set the key in the environment variable the model names, check its credits, then retry the errors.',
    transient: false,
  },
  not_found: {
    title: 'Not found',
    advice: 'HTTP 404: the base URL (usually ending in /v1) or the model name is wrong for this endpoint. Fix the model, then retry the errors.',
    transient: false,
  },
  content_filter: {
    title: 'Refused / filtered',
    advice: 'The model refused, or the provider\'s content filter withheld the answer. Not a wrong answer: rephrase the probe or accept the gap; retrying rarely helps.',
    transient: false,
  },
  truncated: {
    title: 'Cut off (length)',
    advice: 'The answer hit the token limit (finish reason "length") before it was complete. Raise maxTokens (reasoning models need thousands), then retry the errors.',
    transient: false,
  },
  empty_answer: {
    title: 'Empty answer',
    advice: 'The model returned no answer text (sometimes only reasoning). Raise maxTokens for reasoning models, or check the system prompt; retrying may help.',
    transient: true,
  },
  malformed_response: {
    title: 'Malformed response',
    advice: 'The endpoint answered HTTP 200 with something that is not a chat completion (invalid JSON, a cut-off body). Often a proxy or gateway fault: retry the errors; if it persists, check the endpoint\'s OpenAI compatibility.',
    transient: true,
  },
  grader_error: {
    title: 'Grader failed',
    advice: 'Our grader threw on this answer: a bug in Sawtooth, not a wrong answer by the model. The stored reason names the grader and the error; report it, then retry the errors after updating.',
    transient: false,
  },
  response_too_large: {
    title: 'Answer too large',
    advice: 'The endpoint sent more bytes than Sawtooth reads for one answer (compressed or decompressed), and reading stopped there. A misbehaving or hostile endpoint: check the base URL; retrying rarely helps.',
    transient: false,
  },
  unknown: {
    title: 'Unexpected failure',
    advice: 'Something unforeseen went wrong; the stored reason has the details. Retry the errors, and report it if it repeats.',
    transient: true,
  },
} as const satisfies Record<ErrorKind, ErrorAdvice>;

/** The advice for a stored error kind; a kind this version does not know (an older or newer database) gets `unknown`'s. */
export function adviceFor(kind: string | null | undefined): ErrorAdvice {
  return (kind && kind in ERROR_ADVICE ? ERROR_ADVICE[kind as ErrorKind] : ERROR_ADVICE.unknown);
}

/** The parts of a model that make advice concrete (which variable to set, which URL or name to check). */
export interface AdviceContext {
  apiKeyEnv?: string | null;
  baseUrl?: string | null;
  modelName?: string | null;
}

/**
 * The table's advice for a kind, followed by the one detail of this model a person needs to act on it. The dashboard
 * and the CLI both print this, so the same failure reads the same everywhere.
 */
export function errorAdvice(kind: string | null | undefined, model?: AdviceContext): string {
  const { advice } = adviceFor(kind);
  if (kind === 'auth' && model?.apiKeyEnv) return `${advice} This model reads its key from ${model.apiKeyEnv} in the server's environment.`;
  if (kind === 'auth' && model) return `${advice} This model names no key variable: set one on the Models page.`;
  if (kind === 'connection' && model?.baseUrl) return `${advice} Base URL: ${model.baseUrl}`;
  if (kind === 'not_found' && model?.modelName) return `${advice} Model name: "${model.modelName}" (GET /v1/models lists what the endpoint serves).`;
  return advice;
}
