import { describe, expect, it } from 'vitest';
import type { ChatResult, ProviderError } from '../providers';
import { createEndpointScheduler, type EndpointSchedulerOptions } from './endpoint-scheduler';

// A fake clock in-process: sleep() registers a timer, advance() fires timers in time order and lets promise chains run.
function fakeClock() {
  let time = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const sleepCalls: number[] = [];
  let clockReads = 0;
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => {
      clockReads += 1;
      return time;
    },
    time: () => time,
    sleepCalls,
    clockReads: () => clockReads,
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      sleepCalls.push(ms);
      return new Promise<void>((resolve) => {
        const timer = { at: time + ms, fire: resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers.splice(timers.indexOf(timer), 1);
          resolve();
        });
      });
    },
    async advance(ms: number): Promise<void> {
      const target = time + ms;
      await flush();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > target) break;
        timers.shift();
        time = next.at;
        next.fire();
        await flush();
      }
      time = target;
      await flush();
    },
    pending: () => timers.length,
  };
}

const ok = (text = 'yes'): ChatResult => ({ ok: true, text, finishReason: 'stop', latencyMs: 1 });
const fail = (kind: ProviderError['kind'], extra: Partial<ProviderError> = {}): ChatResult => ({
  ok: false,
  latencyMs: 1,
  error: { kind, message: kind, retryable: ['rate_limited', 'timeout', 'connection', 'server_error', 'malformed_response'].includes(kind), ...extra },
});

function setup(options: Partial<EndpointSchedulerOptions> & { concurrency: number }) {
  const clock = fakeClock();
  const scheduler = createEndpointScheduler({ random: () => 0.5, sleep: clock.sleep, now: clock.now, ...options });
  return { clock, scheduler };
}

/** A seeded generator (mulberry32) so that the randomised test is the same every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('endpoint scheduler', () => {
  it('never runs more than `concurrency` attempts at once, across retries, and finishes everything', async () => {
    const { clock, scheduler } = setup({ concurrency: 5, maxRetries: 10, baseDelayMs: 10 });
    const rand = seeded(42);
    let running = 0;
    let peak = 0;
    const attempt = async (): Promise<ChatResult> => {
      running += 1;
      peak = Math.max(peak, running);
      await clock.sleep(1 + Math.floor(rand() * 20));
      running -= 1;
      return rand() < 0.3 ? fail('server_error') : ok();
    };
    const results = Array.from({ length: 200 }, () => scheduler.run(attempt));
    await clock.advance(60_000);
    const settled = await Promise.all(results);
    expect(peak).toBe(5);
    expect(settled.every((r) => r.ok)).toBe(true);
    expect(settled.some((r) => r.attempts > 1)).toBe(true);
    expect(scheduler.stats()).toMatchObject({ inFlight: 0, queued: 0, backingOff: 0, limit: 5 });
    expect(scheduler.stats().retries).toBe(settled.reduce((sum, r) => sum + r.attempts - 1, 0));
  });

  it('uses no timer and no clock while nothing fails', async () => {
    const { clock, scheduler } = setup({ concurrency: 4 });
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => scheduler.run(async () => ok(String(i)))));
    expect(results.map((r) => r.ok && r.text)).toEqual(Array.from({ length: 1000 }, (_, i) => String(i)));
    expect(clock.sleepCalls).toEqual([]);
    expect(clock.clockReads()).toBe(0);
  });

  it('halves the limit once per burst of 429s, pauses new starts for the retry-after, then grows back by one', async () => {
    const { clock, scheduler } = setup({ concurrency: 8 });
    let limited = true;
    let running = 0;
    let peak = 0;
    let started = 0;
    const attempt = async (): Promise<ChatResult> => {
      started += 1;
      running += 1;
      peak = Math.max(peak, running);
      await clock.sleep(10);
      running -= 1;
      return limited ? fail('rate_limited', { retryAfterMs: 1_000 }) : ok();
    };
    const results = Array.from({ length: 40 }, () => scheduler.run(attempt));
    await clock.advance(10); // the first 8 all come back 429
    // Eight 429s from attempts sent at the same rate are one congestion event: 8 → 4, not 8 → 1.
    expect(scheduler.stats()).toMatchObject({ limit: 4, rateLimited: 8, inFlight: 0, backingOff: 8 });
    limited = false;
    await clock.advance(999); // t = 1009: still inside the retry-after pause that started at t = 10
    expect(started).toBe(8);
    await clock.advance(1); // t = 1010: the pause ends; 4 retries start (the halved limit)
    expect(started).toBe(12);
    peak = 0;
    await clock.advance(10_000);
    const settled = await Promise.all(results);
    expect(settled.every((r) => r.ok)).toBe(true);
    expect(peak).toBeGreaterThan(4); // it grew past the halved limit again…
    expect(scheduler.stats().limit).toBe(8); // …back to the configured concurrency
  });

  it('halves again for 429s from attempts started after the last decrease, down to 1', async () => {
    const { clock, scheduler } = setup({ concurrency: 8, maxRetries: 10 });
    const limits: number[] = [];
    const results = Array.from({ length: 8 }, () =>
      scheduler.run(async () => {
        await clock.sleep(5);
        return fail('rate_limited', { retryAfterMs: 100 });
      }),
    );
    for (let i = 0; i < 5; i++) {
      await clock.advance(105);
      limits.push(scheduler.stats().limit);
    }
    expect(limits).toEqual([4, 2, 1, 1, 1]);
    await clock.advance(10_000);
    expect((await Promise.all(results)).every((r) => !r.ok && r.attempts === 11)).toBe(true);
  });

  it('honours retry-after exactly and caps it at retryAfterCapMs', async () => {
    for (const [hint, expected] of [
      [2_000, 2_000],
      [120_000, 60_000],
    ] as const) {
      const { clock, scheduler } = setup({ concurrency: 1 });
      const startedAt: number[] = [];
      const result = scheduler.run(async () => {
        startedAt.push(clock.time());
        return startedAt.length === 1 ? fail('rate_limited', { retryAfterMs: hint }) : ok();
      });
      await clock.advance(expected - 1);
      expect(startedAt).toEqual([0]);
      await clock.advance(1);
      expect(startedAt).toEqual([0, expected]);
      expect(await result).toMatchObject({ ok: true, attempts: 2 });
    }
  });

  it('does not retry non-retryable errors', async () => {
    const { clock, scheduler } = setup({ concurrency: 2 });
    for (const kind of ['bad_request', 'auth', 'not_found', 'content_filter', 'truncated', 'empty_answer'] as const) {
      let calls = 0;
      const result = await scheduler.run(async () => {
        calls += 1;
        return fail(kind);
      });
      expect(calls).toBe(1);
      expect(result).toMatchObject({ ok: false, attempts: 1, error: { kind } });
    }
    expect(clock.sleepCalls).toEqual([]);
  });

  it('stops after maxRetries retries with exponential full-jitter delays, returning the last error', async () => {
    const { clock, scheduler } = setup({ concurrency: 1, maxRetries: 3, baseDelayMs: 100 });
    const startedAt: number[] = [];
    const result = scheduler.run(async () => {
      startedAt.push(clock.time());
      return fail('server_error', { message: `failure ${startedAt.length}` });
    });
    await clock.advance(10_000);
    // random() = 0.5: delays 0.5 × 100, 0.5 × 200, 0.5 × 400.
    expect(startedAt).toEqual([0, 50, 150, 350]);
    expect(await result).toMatchObject({ ok: false, attempts: 4, error: { kind: 'server_error', message: 'failure 4' } });
    expect(scheduler.stats().retries).toBe(3);
  });

  it('drops queued tasks on abort, resolves a running one at once but keeps its slot until its attempt ends', async () => {
    const { clock, scheduler } = setup({ concurrency: 1 });
    const controller = new AbortController();
    const calls: string[] = [];
    const slow = (name: string) => async () => {
      calls.push(name);
      await clock.sleep(100);
      return ok(name);
    };
    const running = scheduler.run(slow('running'), controller.signal);
    const queued = scheduler.run(slow('queued'), controller.signal);
    const other = scheduler.run(slow('other')); // not cancelled
    await clock.advance(10);
    expect(scheduler.stats()).toMatchObject({ inFlight: 1, queued: 2 });

    controller.abort();
    expect(await running).toMatchObject({ ok: false, attempts: 1, error: { kind: 'timeout', aborted: true, retryable: false } });
    expect(await queued).toMatchObject({ ok: false, attempts: 0, error: { aborted: true } });
    expect(scheduler.stats()).toMatchObject({ inFlight: 1, queued: 1 });

    await clock.advance(90); // the cancelled attempt really ends; only then does the next task start
    expect(calls).toEqual(['running', 'other']);
    await clock.advance(100);
    expect(await other).toMatchObject({ ok: true, text: 'other', attempts: 1 });
  });

  it('ends a task waiting out a retry delay at once on abort, without retrying it', async () => {
    const { clock, scheduler } = setup({ concurrency: 1, baseDelayMs: 10_000 });
    const controller = new AbortController();
    let calls = 0;
    const result = scheduler.run(async () => {
      calls += 1;
      return fail('connection');
    }, controller.signal);
    await clock.advance(1);
    expect(scheduler.stats().backingOff).toBe(1);
    controller.abort();
    expect(await result).toMatchObject({ ok: false, attempts: 1, error: { aborted: true } });
    await clock.advance(20_000);
    expect(calls).toBe(1);
    expect(scheduler.stats()).toMatchObject({ backingOff: 0, queued: 0, inFlight: 0 });
  });

  it('never starts an attempt for an already aborted signal', async () => {
    const { scheduler } = setup({ concurrency: 1 });
    let calls = 0;
    const result = await scheduler.run(async () => {
      calls += 1;
      return ok();
    }, AbortSignal.abort());
    expect(result).toMatchObject({ ok: false, attempts: 0, error: { aborted: true } });
    expect(calls).toBe(0);
  });

  it('cancels its pause timer when every waiting task is aborted', async () => {
    const { clock, scheduler } = setup({ concurrency: 1, maxRetries: 0 });
    await scheduler.run(async () => fail('rate_limited', { retryAfterMs: 30_000 }));
    const controller = new AbortController();
    const waiting = scheduler.run(async () => ok(), controller.signal);
    await clock.advance(1);
    expect(clock.pending()).toBe(1); // the pause timer
    controller.abort();
    await waiting;
    await clock.advance(0);
    expect(clock.pending()).toBe(0);
  });

  it('turns an attempt that throws into a non-retryable unknown error', async () => {
    const { scheduler } = setup({ concurrency: 1 });
    const result = await scheduler.run(() => Promise.reject(new Error('boom')));
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { kind: 'unknown', retryable: false, message: 'the attempt threw: boom' } });
    const sync = await scheduler.run(() => {
      throw new Error('sync boom');
    });
    expect(sync).toMatchObject({ ok: false, error: { kind: 'unknown' } });
  });

  it('refuses a concurrency below 1', () => {
    expect(() => createEndpointScheduler({ concurrency: 0 })).toThrow(/concurrency/);
  });
});
