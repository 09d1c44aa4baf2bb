/**
 * How long an endpoint asked us to wait, in ms, from its response headers; undefined when it did not say.
 * `retry-after-ms` (OpenAI's, precise) wins over `retry-after`, which is either seconds or an HTTP date.
 * Not capped here: capping is the scheduler's decision, and it needs the real value to report it.
 */
export function parseRetryAfterMs(headers: Pick<Headers, 'get'> | undefined, nowMs: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const precise = parseNonNegativeNumber(headers.get('retry-after-ms'));
  if (precise !== undefined) return Math.ceil(precise);

  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = parseNonNegativeNumber(value);
  if (seconds !== undefined) return Math.ceil(seconds * 1000);
  // An HTTP date (RFC 9110 §10.2.3), which always names a weekday or month: Date.parse alone reads "-5" as a year.
  // A date in the past means "now".
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function parseNonNegativeNumber(text: string | null): number | undefined {
  if (text === null || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}
