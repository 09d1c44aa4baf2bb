import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ProviderError } from './types';
import { errorForStatus } from './classify-status';
import { parseRetryAfterMs } from './retry-after';
import { ResponseTooLargeError } from './response-too-large';

/** What the provider knows about why a request may have ended early. */
export interface EndingContext {
  /** The caller's AbortSignal fired. */
  callerAborted: boolean;
  /** Our own whole-request deadline fired (headers AND body; the SDK's own timeout stops at the headers). */
  deadlineHit: boolean;
  timeoutMs: number;
  baseURL: string;
}

/** Classifies anything the SDK (or reading the body) threw. Never throws itself. */
export function classifyThrown(error: unknown, context: EndingContext): ProviderError {
  if (context.callerAborted) {
    return { kind: 'timeout', aborted: true, retryable: false, message: 'cancelled by the caller before the endpoint answered' };
  }
  if (context.deadlineHit || error instanceof APIConnectionTimeoutError) {
    return { kind: 'timeout', retryable: true, message: `no complete answer within ${context.timeoutMs} ms` };
  }
  const tooLarge = inCauseChain(error, ResponseTooLargeError);
  if (tooLarge) return { kind: 'response_too_large', retryable: false, message: tooLarge.message };
  if (error instanceof APIUserAbortError) {
    return { kind: 'timeout', aborted: true, retryable: false, message: 'the request was aborted' };
  }
  if (error instanceof APIConnectionError) {
    const code = networkCode(error);
    return {
      kind: 'connection',
      retryable: true,
      message: `could not talk to ${context.baseURL} (${code ?? error.message}): is the server up, and is the base URL right?`,
    };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const classified = errorForStatus(error.status, apiErrorDetail(error));
    const retryAfterMs = parseRetryAfterMs(error.headers);
    return retryAfterMs === undefined ? classified : { ...classified, retryAfterMs };
  }
  if (error instanceof SyntaxError) {
    return { kind: 'malformed_response', retryable: true, message: `the endpoint answered HTTP 200 with a body that is not valid JSON (${error.message})` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', retryable: false, message: `unexpected failure: ${message}` };
}

/** The endpoint's own words: the JSON `error.message` when there is one, else the body text the SDK kept. */
function apiErrorDetail(error: APIError): string {
  const inner = error.error as { message?: unknown } | undefined;
  if (inner && typeof inner.message === 'string') return inner.message;
  // The SDK prefixes its message with the status ("503 upstream down", "503 status code (no body)").
  return error.message.replace(/^\d{3}\s*/, '').replace(/^status code \(no body\)$/, '');
}

/** The first error of this class in the chain the SDK builds around what fetch threw (APIConnectionError → cause). */
function inCauseChain<E extends Error>(error: unknown, type: new (...args: never[]) => E): E | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
  return undefined;
}

/** ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET … from the error chain undici builds ("fetch failed" → cause → cause). */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}
