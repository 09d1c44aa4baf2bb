/** An HTTP error status, optionally with the Retry-After headers real endpoints send. `body` replaces the JSON error. */
export interface StatusFault {
  type: 'status';
  status: 429 | 500 | 503 | 400 | 401 | 404;
  /** Sent as the `retry-after` header verbatim: seconds ("2") or an HTTP date. */
  retryAfter?: string;
  /** Sent as the `retry-after-ms` header (OpenAI's precise form). */
  retryAfterMs?: number;
  body?: string;
}

/** One injected misbehaviour. See testing/README.md for what each looks like on the wire. */
export type Fault =
  | StatusFault
  /** Accepts the request and never answers (the socket stays open until the client gives up or the server closes). */
  | { type: 'timeout' }
  /** Destroys the socket without a response (ECONNRESET / "other side closed" at the client). */
  | { type: 'reset' }
  /** HTTP 200, content-type JSON, a body that is not JSON. */
  | { type: 'malformed' }
  /** HTTP 200 with content "". */
  | { type: 'empty' }
  /** HTTP 200, finish_reason "length", the given partial text. */
  | { type: 'length'; partial: string }
  /** HTTP 200, content null and an OpenAI `refusal` string. */
  | { type: 'refusal' }
  /** HTTP 200, content null, finish_reason "content_filter". */
  | { type: 'content_filter' }
  /** HTTP 200 with an answer of exactly `chars` characters (the real answer first, then filler). */
  | { type: 'huge'; chars: number }
  /** The normal answer, but its body (or its SSE events) trickles out in `chunks` pieces (default 8), `chunkDelayMs` apart. */
  | { type: 'slow'; chunkDelayMs: number; chunks?: number }
  /** DeepSeek style: `reasoning_content` plus the normal answer as content. */
  | { type: 'reasoning'; reasoning: string }
  /** HTTP 200, `content-encoding: gzip`: a small compressed body that inflates to `decodedBytes` (a JSON string of spaces). */
  | { type: 'gzip_bomb'; decodedBytes: number }
  /** HTTP 200, chunked (no Content-Length): a JSON answer of `bytes` bytes, streamed (the server never holds it whole). */
  | { type: 'huge_body'; bytes: number };

/**
 * When a fault applies. Rules are tried in order and the first one that applies wins (later rules do not see that
 * request). A rule applies to requests whose prompt matches `match` (all when absent); with `every: n` only to every
 * n-th such request (the n-th, 2n-th …); with `times: k` only k times in all, then never again.
 */
export interface FaultRule {
  match?: RegExp;
  times?: number;
  every?: number;
  fault: Fault;
}

/** Picks the fault for each request, keeping each rule's counters. Replace it to reset the counters. */
export function createFaultPicker(rules: readonly FaultRule[]): (prompt: string) => Fault | undefined {
  const state = rules.map((rule) => ({ rule, seen: 0, applied: 0 }));
  return (prompt) => {
    for (const entry of state) {
      const { rule } = entry;
      if (rule.match && !testFresh(rule.match, prompt)) continue;
      if (rule.times !== undefined && entry.applied >= rule.times) continue;
      entry.seen += 1;
      if (rule.every !== undefined && entry.seen % rule.every !== 0) continue;
      entry.applied += 1;
      return rule.fault;
    }
    return undefined;
  };
}

/** A /g or /y RegExp remembers lastIndex between calls; a test server must not depend on that. */
function testFresh(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
