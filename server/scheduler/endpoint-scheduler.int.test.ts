import { setTimeout as realSleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type Fault, type OpenAITestServer } from '../../testing/openai-test-server';
import { createOpenAICompatibleProvider, type ChatRequest } from '../providers';
import { createEndpointScheduler, type EndpointSchedulerOptions } from './endpoint-scheduler';

// Provider + scheduler + the real openai SDK against our fault-injecting server: retries happen here and only here.

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer({ answer: (prompt) => `answer to ${prompt}` });
});
afterAll(() => server.close());
beforeEach(() => server.setFaults([]));

// The request deadline is real time (it is the provider's, not the scheduler's): long enough that a busy machine
// answers well within it (a 300 ms deadline turned slow answers into timeouts under load, issue 12.9), short enough
// that the 'timeout' and 'slow' faults (which never answer in time) end the attempt.
const DEADLINE_MS = 3_000;
const provider = () => createOpenAICompatibleProvider({ baseURL: server.url, timeoutMs: DEADLINE_MS });
const request = (prompt: string, signal?: AbortSignal): ChatRequest => ({
  model: 'test-model',
  messages: [{ role: 'user', content: prompt }],
  ...(signal && { signal }),
});

/**
 * A scheduler on a virtual clock: each sleep is recorded, lets real I/O run (a macrotask), and then moves the clock
 * to when it would have ended. Delays and pauses are therefore exact, whatever the machine's load (issue 12.9: on
 * real timers a pause could wake a fraction of a millisecond early and sleep the remainder, e.g. [50, 0.28, 200]).
 */
function scheduler(options: Partial<EndpointSchedulerOptions> = {}) {
  const sleeps: number[] = [];
  let clock = 0;
  const instance = createEndpointScheduler({
    concurrency: 4,
    baseDelayMs: 5,
    retryAfterCapMs: 200,
    now: () => clock,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      const end = clock + ms;
      await new Promise((r) => setImmediate(r));
      if (!signal?.aborted) clock = Math.max(clock, end);
    },
    ...options,
  });
  return { instance, sleeps };
}

const requestsFor = (prompt: string) => server.log().filter((entry) => entry.prompt === prompt).length;

describe('scheduler + provider against the test server', () => {
  it.each<[string, Fault]>([
    ['429 with retry-after-ms', { type: 'status', status: 429, retryAfterMs: 20 }],
    ['500', { type: 'status', status: 500 }],
    ['503', { type: 'status', status: 503 }],
    ['a request never answered', { type: 'timeout' }],
    ['a reset socket', { type: 'reset' }],
    ['a malformed body', { type: 'malformed' }],
    ['a body trickling past the deadline', { type: 'slow', chunkDelayMs: 1_000, chunks: 6 }],
  ])('retries %s and succeeds once the fault stops', async (name, fault) => {
    const prompt = `transient ${name}`;
    server.setFaults([{ match: new RegExp(`^${prompt}$`), times: 2, fault }]);
    const p = provider();
    const { instance } = scheduler();
    const result = await instance.run(() => p.chat(request(prompt)));
    expect(result).toMatchObject({ ok: true, text: `answer to ${prompt}`, attempts: 3 });
    expect(requestsFor(prompt)).toBe(3);
    expect(instance.stats().retries).toBe(2);
  });

  it('waits the retry-after the server asks for, capped at retryAfterCapMs', async () => {
    server.setFaults([
      { match: /^short$/, times: 1, fault: { type: 'status', status: 429, retryAfter: '0.05' } },
      { match: /^long$/, times: 1, fault: { type: 'status', status: 429, retryAfter: '30' } },
    ]);
    const p = provider();
    const { instance, sleeps } = scheduler({ concurrency: 1 });
    expect(await instance.run(() => p.chat(request('short')))).toMatchObject({ ok: true, attempts: 2 });
    expect(await instance.run(() => p.chat(request('long')))).toMatchObject({ ok: true, attempts: 2 });
    // Each 429 sleeps once for the task's retry and once for the endpoint-wide pause: same delay.
    expect([...new Set(sleeps)]).toEqual([50, 200]);
    expect(instance.stats().rateLimited).toBe(2);
  });

  it('stops waiting out an endpoint that keeps answering 429 with a huge Retry-After, and says why', async () => {
    server.setFaults([{ match: /^refusing /, fault: { type: 'status', status: 429, retryAfter: '99999' } }]);
    const p = provider();
    const { instance, sleeps } = scheduler({ concurrency: 1, maxRetries: 10, rateLimitBudgetMs: 500 });
    const first = await instance.run(() => p.chat(request('refusing 1')));
    // Each wait is capped at 200 ms, and the waits since the last answer at 500 ms: two retries, then the error.
    expect(first).toMatchObject({ ok: false, attempts: 3, error: { kind: 'rate_limited' } });
    expect(first.ok || first.error.message).toMatch(/not retried: waiting out this endpoint's 429s took 0.4 s since its last answer \(at most 0.5 s\)$/);
    expect([...new Set(sleeps)]).toEqual([200]);
    // The budget is spent: the next refusal is recorded at once, without waiting.
    const second = await instance.run(() => p.chat(request('refusing 2')));
    expect(second).toMatchObject({ ok: false, attempts: 1, error: { kind: 'rate_limited' } });
    // An answer resets it.
    expect(await instance.run(() => p.chat(request('fine')))).toMatchObject({ ok: true });
    expect(await instance.run(() => p.chat(request('refusing 3')))).toMatchObject({ ok: false, attempts: 3 });
  });

  it.each<[Fault['type'], Fault, string]>([
    ['status', { type: 'status', status: 400 }, 'bad_request'],
    ['status', { type: 'status', status: 401 }, 'auth'],
    ['status', { type: 'status', status: 404 }, 'not_found'],
    ['empty', { type: 'empty' }, 'empty_answer'],
    ['refusal', { type: 'refusal' }, 'content_filter'],
    ['content_filter', { type: 'content_filter' }, 'content_filter'],
    ['length', { type: 'length', partial: 'so far' }, 'truncated'],
  ])('does not retry a %s fault (%o → %s)', async (_type, fault, kind) => {
    const prompt = `final ${JSON.stringify(fault)}`;
    server.setFaults([{ fault }]);
    const p = provider();
    const { instance } = scheduler();
    const result = await instance.run(() => p.chat(request(prompt)));
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { kind } });
    expect(requestsFor(prompt)).toBe(1);
  });

  it('gives up after maxRetries and reports the last error', async () => {
    server.setFaults([{ fault: { type: 'status', status: 503 } }]);
    const p = provider();
    const { instance } = scheduler({ maxRetries: 2 });
    const result = await instance.run(() => p.chat(request('always down')));
    expect(result).toMatchObject({ ok: false, attempts: 3, error: { kind: 'server_error', status: 503 } });
    expect(requestsFor('always down')).toBe(3);
  });

  it('slows down under a burst of 429s and still answers everything', async () => {
    server.setFaults([{ every: 5, fault: { type: 'status', status: 429, retryAfterMs: 10 } }]);
    const p = provider();
    const { instance } = scheduler({ concurrency: 8, maxRetries: 8 });
    const prompts = Array.from({ length: 60 }, (_, i) => `burst ${i}`);
    const results = await Promise.all(prompts.map((prompt) => instance.run(() => p.chat(request(prompt)))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(instance.stats().rateLimited).toBeGreaterThan(0);
    expect(instance.stats().limit).toBeLessThanOrEqual(8);
    expect(instance.stats()).toMatchObject({ inFlight: 0, queued: 0, backingOff: 0 });
  });

  it('cancels a run: queued work never reaches the server, running requests end at once', async () => {
    server.setFaults([{ fault: { type: 'timeout' } }]); // every request hangs until aborted
    const p = createOpenAICompatibleProvider({ baseURL: server.url, timeoutMs: 60_000 });
    const { instance } = scheduler({ concurrency: 2 });
    const controller = new AbortController();
    const before = server.requests();
    const results = Array.from({ length: 10 }, (_, i) => instance.run(() => p.chat(request(`cancel ${i}`, controller.signal)), controller.signal));
    // Both slots have sent their request (the rest wait in the queue): no fixed sleep, which load can outlast.
    while (server.requests() - before < 2) await realSleep(10);
    controller.abort();
    const settled = await Promise.all(results);
    expect(settled.every((r) => !r.ok && r.error.aborted === true)).toBe(true);
    expect(settled.filter((r) => r.attempts === 1)).toHaveLength(2);
    expect(server.requests() - before).toBe(2);
    while (instance.stats().inFlight > 0) await realSleep(5); // the aborted fetches release their slots
    expect(instance.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});
