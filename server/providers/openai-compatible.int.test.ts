import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type Fault, type OpenAITestServer } from '../../testing/openai-test-server';
import { createOpenAICompatibleProvider } from './openai-compatible';
import type { ChatFailure, ChatRequest, ChatResult } from './types';

// The real provider, through the real openai SDK, against our fault-injecting server on loopback.

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer({ answer: (prompt) => `answer to ${prompt}` });
});
afterAll(() => server.close());
beforeEach(() => server.setFaults([]));

const ask: ChatRequest = { model: 'test-model', messages: [{ role: 'user', content: 'q1' }] };
const provider = (extra: Partial<Parameters<typeof createOpenAICompatibleProvider>[0]> = {}) =>
  createOpenAICompatibleProvider({ baseURL: server.url, timeoutMs: 2_000, ...extra });
const withFault = (fault: Fault) => server.setFaults([{ fault }]);
const lastBody = () => server.log().at(-1)?.body as Record<string, unknown>;

function expectFailure(result: ChatResult): ChatFailure {
  if (result.ok) throw new Error(`expected a failure, got the answer ${JSON.stringify(result.text)}`);
  return result;
}

describe('OpenAI-compatible provider against the test server', () => {
  it('returns the answer, finish reason, usage and latency, and sends the sampling settings', async () => {
    const result = await provider().chat({ ...ask, temperature: 0.3, maxTokens: 64, seed: 7 });
    expect(result).toMatchObject({ ok: true, text: 'answer to q1', finishReason: 'stop', usage: { promptTokens: 1, completionTokens: 3 } });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(lastBody()).toMatchObject({ model: 'test-model', temperature: 0.3, max_tokens: 64, seed: 7 });
  });

  it('sends max_completion_tokens and no temperature in reasoning mode', async () => {
    const result = await provider().chat({ ...ask, temperature: 0.3, maxTokens: 64, reasoning: true });
    expect(result.ok).toBe(true);
    const body = lastBody();
    expect(body.max_completion_tokens).toBe(64);
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
  });

  it('sends the API key as a bearer token, and no Authorization header without a key', async () => {
    await provider({ apiKey: 'sk-local-123' }).chat(ask);
    expect(server.log().at(-1)?.authorization).toBe('Bearer sk-local-123');
    await provider().chat(ask);
    expect(server.log().at(-1)?.authorization).toBeUndefined();
  });

  it.each([
    [{ type: 'status', status: 500 }, 'server_error', true, 500],
    [{ type: 'status', status: 503 }, 'server_error', true, 503],
    [{ type: 'status', status: 400 }, 'bad_request', false, 400],
    [{ type: 'status', status: 401 }, 'auth', false, 401],
    [{ type: 'status', status: 404 }, 'not_found', false, 404],
  ] as const)('classifies %o as %s (retryable %s)', async (fault, kind, retryable, status) => {
    withFault(fault);
    const { error } = expectFailure(await provider().chat(ask));
    expect(error).toMatchObject({ kind, retryable, status });
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('reads retry-after-ms, retry-after seconds and an HTTP date on a 429', async () => {
    withFault({ type: 'status', status: 429, retryAfterMs: 1234, retryAfter: '9' });
    expect(expectFailure(await provider().chat(ask)).error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 1234 });
    withFault({ type: 'status', status: 429, retryAfter: '2' });
    expect(expectFailure(await provider().chat(ask)).error.retryAfterMs).toBe(2000);
    withFault({ type: 'status', status: 429, retryAfter: new Date(Date.now() + 30_000).toUTCString() });
    const fromDate = expectFailure(await provider().chat(ask)).error.retryAfterMs ?? 0;
    expect(fromDate).toBeGreaterThan(25_000);
    expect(fromDate).toBeLessThanOrEqual(30_000);
  });

  it("never puts the API key in a message, even when the endpoint echoes it", async () => {
    const guarded = await startOpenAITestServer({ answer: () => 'x', requireApiKey: 'sk-the-right-one' });
    try {
      const { error } = expectFailure(await createOpenAICompatibleProvider({ baseURL: guarded.url, apiKey: 'sk-leaky-secret-42' }).chat(ask));
      expect(error.kind).toBe('auth');
      expect(error.message).not.toContain('sk-leaky-secret-42');
      expect(error.message).toContain('[redacted key]');
    } finally {
      await guarded.close();
    }
  });

  it('times out a request that is never answered', async () => {
    withFault({ type: 'timeout' });
    const { error, latencyMs } = expectFailure(await provider({ timeoutMs: 300 }).chat(ask));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.aborted).toBeUndefined();
    expect(latencyMs).toBeGreaterThanOrEqual(280);
  });

  it('times out a body that trickles past the deadline (the SDK timeout alone stops at the headers)', async () => {
    withFault({ type: 'slow', chunkDelayMs: 150, chunks: 8 });
    const { error } = expectFailure(await provider({ timeoutMs: 300 }).chat(ask));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('accepts a slow body that finishes within the deadline', async () => {
    withFault({ type: 'slow', chunkDelayMs: 20, chunks: 4 });
    expect(await provider().chat(ask)).toMatchObject({ ok: true, text: 'answer to q1' });
  });

  it('classifies a reset socket and a refused connection as connection errors', async () => {
    withFault({ type: 'reset' });
    expect(expectFailure(await provider().chat(ask)).error).toMatchObject({ kind: 'connection', retryable: true });

    const gone = await startOpenAITestServer({ answer: () => 'x' });
    await gone.close();
    const { error } = expectFailure(await createOpenAICompatibleProvider({ baseURL: gone.url }).chat(ask));
    expect(error).toMatchObject({ kind: 'connection', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it.each([
    [{ type: 'malformed' }, 'malformed_response', true],
    [{ type: 'empty' }, 'empty_answer', false],
    [{ type: 'refusal' }, 'content_filter', false],
    [{ type: 'content_filter' }, 'content_filter', false],
    [{ type: 'length', partial: 'The answer is probably' }, 'truncated', false],
  ] as const)('classifies %o as %s', async (fault, kind, retryable) => {
    withFault(fault);
    const { error } = expectFailure(await provider().chat(ask));
    expect(error).toMatchObject({ kind, retryable });
    if (fault.type === 'length') expect(error.message).toContain('"The answer is probably"');
  });

  it('cuts a huge answer to maxResponseChars (100,000 by default) and marks it', async () => {
    withFault({ type: 'huge', chars: 150_000 });
    const byDefault = await provider().chat(ask);
    expect(byDefault.ok && byDefault.text.length).toBe(100_000);
    expect(byDefault.ok && byDefault.truncatedAt).toBe(100_000);
    expect(byDefault.ok && byDefault.text.startsWith('answer to q1')).toBe(true);

    withFault({ type: 'huge', chars: 5_000 });
    const small = await provider({ maxResponseChars: 1_000 }).chat(ask);
    expect(small).toMatchObject({ ok: true, truncatedAt: 1_000 });
  });

  it('puts reasoning_content in reasoning and keeps the answer as text', async () => {
    withFault({ type: 'reasoning', reasoning: 'Let me think. 6 times 7.' });
    expect(await provider().chat(ask)).toMatchObject({ ok: true, text: 'answer to q1', reasoning: 'Let me think. 6 times 7.' });
  });

  it('passes a top-level sawtooth telemetry object through as the extension', async () => {
    const telemetry = { ticksUsed: 9, certainty: [0.1, 0.5, 0.97], haltingTick: 8 };
    const ctm = await startOpenAITestServer({ answer: () => '1', extension: () => telemetry });
    try {
      expect(await createOpenAICompatibleProvider({ baseURL: ctm.url }).chat(ask)).toMatchObject({ ok: true, extension: telemetry });
    } finally {
      await ctm.close();
    }
  });

  it('ends at once, as a non-retryable aborted error, when the caller aborts', async () => {
    withFault({ type: 'timeout' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { error } = expectFailure(await provider({ timeoutMs: 10_000 }).chat({ ...ask, signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'timeout', aborted: true, retryable: false });

    const before = server.requests();
    const already = expectFailure(await provider().chat({ ...ask, signal: AbortSignal.abort() }));
    expect(already.error.aborted).toBe(true);
    expect(server.requests()).toBe(before);
  });
});
