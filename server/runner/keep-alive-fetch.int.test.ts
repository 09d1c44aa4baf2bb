import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type Fault, type OpenAITestServer } from '../../testing/openai-test-server';
import { createOpenAICompatibleProvider } from '../providers';
import type { ChatResult } from '../providers/types';
import { keepAliveFetch } from './keep-alive-fetch';

// keepAliveFetch replaces the global fetch under the OpenAI SDK in the runner. Differential test: for every fault our
// test server can inject, the provider gives the same result through keepAliveFetch as through the global fetch.

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer({ answer: (prompt) => `The answer is ${prompt.length}.`, requireApiKey: 'sk-test-key' });
});
afterAll(() => server.close());

const FAULTS: Array<Fault | undefined> = [
  undefined,
  { type: 'status', status: 429, retryAfterMs: 1500 },
  { type: 'status', status: 429, retryAfter: '3' },
  { type: 'status', status: 500 },
  { type: 'status', status: 503, body: 'upstream down' },
  { type: 'status', status: 400 },
  { type: 'status', status: 404 },
  { type: 'reset' },
  { type: 'malformed' },
  { type: 'empty' },
  { type: 'length', partial: 'The ans' },
  { type: 'refusal' },
  { type: 'content_filter' },
  { type: 'huge', chars: 300_000 },
  { type: 'slow', chunkDelayMs: 20, chunks: 5 },
  { type: 'reasoning', reasoning: 'think think' },
  { type: 'timeout' },
];

/** The parts of a result that must not depend on the HTTP client (latency does). */
function comparable(result: ChatResult) {
  const { latencyMs: _latency, ...rest } = result;
  return rest;
}

describe('keepAliveFetch under the OpenAI SDK', () => {

  it.each(FAULTS.map((f) => [f ? (f.type === 'status' ? `status ${f.status}` : f.type) : 'no fault', f] as const))('gives the same result as the global fetch: %s', async (_name, fault) => {
    const make = (fetchImpl?: typeof fetch) =>
      createOpenAICompatibleProvider({ baseURL: server.url, apiKey: 'sk-test-key', timeoutMs: 800, ...(fetchImpl && { fetch: fetchImpl }) });
    const ask = { model: 'test-model', messages: [{ role: 'user' as const, content: 'What is 6 × 7?' }], maxTokens: 16, seed: 3 };
    server.setFaults(fault ? [{ fault }] : []);
    const expected = await make(fetch).chat(ask);
    server.setFaults(fault ? [{ fault }] : []);
    const actual = await make(keepAliveFetch).chat(ask);
    if (fault?.type === 'reset') {
      // Only the socket error's name differs: undici says UND_ERR_SOCKET, node:http the system's ECONNRESET.
      expect(actual).toMatchObject({ ok: false, error: { kind: 'connection', retryable: true } });
      expect(expected).toMatchObject({ ok: false, error: { kind: 'connection', retryable: true } });
      expect(actual.ok || actual.error.message).toMatch(/ECONNRESET/);
    } else {
      expect(comparable(actual)).toEqual(comparable(expected));
    }
    // The two requests looked the same to the server, headers that matter included.
    const [a, b] = server.log().slice(-2);
    expect(b!.body).toEqual(a!.body);
    expect(b!.authorization).toBe('Bearer sk-test-key');
  });

  it('reuses one socket for sequential requests, and a wrong key is an auth error naming no key', async () => {
    server.setFaults([]);
    const provider = createOpenAICompatibleProvider({ baseURL: server.url, apiKey: 'sk-test-key', fetch: keepAliveFetch });
    for (let i = 0; i < 5; i++) expect((await provider.chat({ model: 'm', messages: [{ role: 'user', content: `q${i}` }] })).ok).toBe(true);
    const wrong = await createOpenAICompatibleProvider({ baseURL: server.url, apiKey: 'sk-wrong-key', fetch: keepAliveFetch })
      .chat({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.kind).toBe('auth');
      expect(wrong.error.message).not.toContain('sk-wrong-key');
    }
  });

  it('aborts at once when the caller aborts, and refuses a closed port as a connection error', async () => {
    server.setFaults([{ fault: { type: 'timeout' } }]);
    const provider = createOpenAICompatibleProvider({ baseURL: server.url, apiKey: 'sk-test-key', fetch: keepAliveFetch, timeoutMs: 30_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    const aborted = await provider.chat({ model: 'm', messages: [{ role: 'user', content: 'q' }], signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(aborted).toMatchObject({ ok: false, error: { kind: 'timeout', aborted: true } });
    server.setFaults([]);

    const refused = await createOpenAICompatibleProvider({ baseURL: 'http://127.0.0.1:9/v1', fetch: keepAliveFetch })
      .chat({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'connection', retryable: true } });
    expect(refused.ok || refused.error.message).toMatch(/ECONNREFUSED/);
  });

  it('decodes a gzip-encoded answer, as fetch does', async () => {
    const body = gzipSync(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'The answer is 42.' }, finish_reason: 'stop' }] }));
    const gzipServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    });
    await new Promise<void>((resolve) => gzipServer.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(gzipServer.address() as AddressInfo).port}/v1`;
      const result = await createOpenAICompatibleProvider({ baseURL: url, fetch: keepAliveFetch }).chat({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
      expect(result).toMatchObject({ ok: true, text: 'The answer is 42.' });
    } finally {
      gzipServer.closeAllConnections();
      await new Promise((resolve) => gzipServer.close(resolve));
    }
  });
});
