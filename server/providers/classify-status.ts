import type { ProviderError } from './types';
import { previewText } from './preview';

/**
 * The error for an HTTP error status, with a hint at what to change. `detail` is the endpoint's own message.
 * Retryable: 429, 408, 409 and 5xx (what OpenAI documents as transient); everything else needs a person.
 */
export function errorForStatus(status: number, detail: string): ProviderError {
  const said = detail ? `: ${previewText(detail)}` : '';
  const base = { status };
  if (status === 429) return { ...base, kind: 'rate_limited', retryable: true, message: `rate limited (HTTP 429)${said}` };
  if (status === 408) return { ...base, kind: 'timeout', retryable: true, message: `the endpoint timed out (HTTP 408)${said}` };
  if (status === 409 || status >= 500) {
    return { ...base, kind: 'server_error', retryable: true, message: `the endpoint failed (HTTP ${status})${said}` };
  }
  if (status === 401 || status === 403) {
    return { ...base, kind: 'auth', retryable: false, message: `the endpoint refused the API key (HTTP ${status}): check the key and its env var${said}` };
  }
  if (status === 402) {
    return { ...base, kind: 'auth', retryable: false, message: `the account cannot pay for this request (HTTP 402): check its credits${said}` };
  }
  if (status === 404) {
    return {
      ...base,
      kind: 'not_found',
      retryable: false,
      message: `not found (HTTP 404): check the base URL (usually ending in /v1) and the model name${said}`,
    };
  }
  if (status >= 400) {
    return { ...base, kind: 'bad_request', retryable: false, message: `the endpoint rejected the request (HTTP ${status})${said}` };
  }
  return { ...base, kind: 'unknown', retryable: false, message: `unexpected HTTP status ${status}${said}` };
}
