import { z } from 'zod';
import { onAbort, type ChatFailure, type ChatResult, type ProviderError } from '../providers';
import { retryDelayMs } from './backoff';
import { Deque } from './deque';

/** A result with the number of attempts it took (0 when cancelled before the first one started). */
export type ScheduledResult = ChatResult & { attempts: number };

/** A snapshot for progress displays and tests. */
export interface SchedulerStats {
  /** Attempts running now (an attempt whose caller aborted keeps its slot until it really ends). */
  inFlight: number;
  /** Tasks waiting for a slot. */
  queued: number;
  /** Tasks waiting out a retry delay before they queue again. */
  backingOff: number;
  /** The current concurrency limit: halved on 429s, grown back one at a time. */
  limit: number;
  /** 429 answers seen. */
  rateLimited: number;
  /** Retries started (attempts beyond the first). */
  retries: number;
}

/**
 * The one place where requests to an endpoint are limited and retried. One instance per endpoint.
 *
 * Contract: `run` never rejects. It resolves with the attempt's final result: the first success, the first
 * non-retryable error, or the last error once `maxRetries` retries are spent. When `signal` aborts, a queued or
 * backing-off task resolves at once and is never started again, and a running one resolves at once while its
 * attempt (which should watch the same signal) keeps its slot until it ends; the result is then a non-retryable
 * `timeout` error with `aborted: true`, which a runner should treat as "cancelled", not record as a failure.
 */
export interface EndpointScheduler {
  /** Runs `attempt` within this endpoint's concurrency limit, retrying retryable errors with exponential backoff + full jitter, honouring retryAfterMs capped at retryAfterCapMs. */
  run(attempt: () => Promise<ChatResult>, signal?: AbortSignal): Promise<ScheduledResult>;
  stats(): SchedulerStats;
}

export interface EndpointSchedulerOptions {
  /** Most attempts running at once; also the ceiling the adaptive limit grows back to. */
  concurrency: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** First retry's jitter ceiling; doubles per retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Largest jitter ceiling. Default 30 s. */
  maxDelayMs?: number;
  /** Longest Retry-After we obey; a longer hint waits this long. Default 60 s. */
  retryAfterCapMs?: number;
  /**
   * Most time spent waiting out 429s on this endpoint since its last answer. Past it a 429 is not retried but
   * recorded (rate_limited, with the reason saying so): an endpoint that always says "Retry-After: 99999" must not
   * stall a run for hours. Default 120 s.
   */
  rateLimitBudgetMs?: number;
  /** Injected for tests: Math.random, a timer sleep that ends early on abort, and a monotonic clock. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

const OptionsSchema = z.object({
  concurrency: z.number().int().min(1),
  maxRetries: z.number().int().min(0).default(4),
  baseDelayMs: z.number().min(0).default(500),
  maxDelayMs: z.number().min(0).default(30_000),
  retryAfterCapMs: z.number().min(0).default(60_000),
  rateLimitBudgetMs: z.number().min(0).default(120_000),
});

interface Task {
  attempt: () => Promise<ChatResult>;
  signal: AbortSignal | undefined;
  resolve: (result: ScheduledResult) => void;
  unsubscribe: (() => void) | undefined;
  state: 'queued' | 'running' | 'backoff';
  attempts: number;
  settled: boolean;
  /** The limit's epoch when this attempt started: only a 429 from an attempt started after the last decrease halves again. */
  epoch: number;
}

/**
 * Sleeps `ms`, ending early (without throwing) when `signal` aborts. Through onAbort, not timers/promises' own
 * signal option: that adds a listener per sleep to the run's one signal, and a run with more than ten requests
 * backing off printed MaxListenersExceededWarning.
 */
function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe?.();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = signal ? onAbort(signal, done) : undefined;
  });
}

/**
 * Creates the scheduler for one endpoint. Adaptive limit (AIMD): a 429 halves the limit (min 1) once per congestion
 * event and pauses new starts for the retry delay; after `limit` successes in a row the limit grows by one, up to
 * `concurrency`. On the success path there are no timers and no clock reads, so thousands of 0 ms tasks a second
 * pass through cheaply.
 */
export function createEndpointScheduler(options: EndpointSchedulerOptions): EndpointScheduler {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`endpoint scheduler: ${issue.path.join('.')}: ${issue.message}`);
  }
  const { concurrency, maxRetries, rateLimitBudgetMs, ...policy } = parsed.data;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => performance.now());

  const queue = new Deque<Task>(64);
  let queued = 0; // live tasks in `queue` (aborted ones stay in it until popped, uncounted)
  let inFlight = 0;
  let backingOff = 0;
  let limit = concurrency;
  let epoch = 0;
  let successStreak = 0;
  let rateLimited = 0;
  let retries = 0;
  let pausedUntil = 0; // 0 = not paused; read the clock only when paused
  let rateLimitWaitMs = 0; // waited out for 429s since the last answer
  let pauseTimer: AbortController | undefined;

  function pump(): void {
    while (queued > 0 && inFlight < limit) {
      if (pausedUntil !== 0) {
        if (now() < pausedUntil) return schedulePauseEnd();
        pausedUntil = 0;
      }
      const task = queue.popFront()!;
      if (task.settled) continue; // aborted while queued: already resolved and uncounted
      queued -= 1;
      start(task);
    }
    if (queued === 0 && queue.length > 0) queue.clear(); // drop aborted leftovers
  }

  function start(task: Task): void {
    inFlight += 1;
    task.attempts += 1;
    task.state = 'running';
    task.epoch = epoch;
    let pending: Promise<ChatResult>;
    try {
      pending = task.attempt();
    } catch (thrown) {
      pending = Promise.resolve(thrownResult(thrown));
    }
    pending.then(
      (result) => finish(task, result),
      (thrown: unknown) => finish(task, thrownResult(thrown)),
    );
  }

  function finish(task: Task, result: ChatResult): void {
    inFlight -= 1;
    if (task.settled) return pump(); // its caller aborted: the result goes nowhere, the slot is free again
    const error = result.ok ? undefined : result.error;
    if (!error || !error.retryable) {
      // The endpoint answered (a wrong or empty answer is still an answer): good news for the limit.
      rateLimitWaitMs = 0;
      growAfterSuccess();
      settle(task, result);
      return pump();
    }
    const delay = retryDelayMs(error, task.attempts - 1, policy, random);
    if (error.kind === 'rate_limited') {
      if (rateLimitWaitMs + delay > rateLimitBudgetMs) {
        const budget = `not retried: waiting out this endpoint's 429s took ${seconds(rateLimitWaitMs)} since its last answer (at most ${seconds(rateLimitBudgetMs)})`;
        settle(task, { ...(result as ChatFailure), error: { ...error, message: `${error.message}; ${budget}` } });
        return pump();
      }
      rateLimitWaitMs += delay;
      slowDown(task, delay);
    }
    if (error.aborted || task.attempts > maxRetries || task.signal?.aborted) {
      settle(task, result);
      return pump();
    }
    retries += 1;
    backOff(task, delay);
    pump();
  }

  function growAfterSuccess(): void {
    if (limit >= concurrency) return;
    successStreak += 1;
    if (successStreak >= limit) {
      limit += 1;
      successStreak = 0;
    }
  }

  function slowDown(task: Task, delay: number): void {
    rateLimited += 1;
    successStreak = 0;
    // Attempts already running when we halved were sent at the old rate; their 429s are the same event.
    if (task.epoch === epoch) {
      limit = Math.max(1, Math.floor(limit / 2));
      epoch += 1;
    }
    pausedUntil = Math.max(pausedUntil, now() + delay);
  }

  function backOff(task: Task, delay: number): void {
    task.state = 'backoff';
    backingOff += 1;
    const wake = () => {
      backingOff -= 1;
      if (task.settled) return;
      task.state = 'queued';
      queue.pushFront(task); // it has waited longest: it goes first
      queued += 1;
      pump();
    };
    sleep(delay, task.signal).then(wake, wake);
  }

  function schedulePauseEnd(): void {
    if (pauseTimer) return;
    const timer = new AbortController();
    pauseTimer = timer;
    const resume = () => {
      if (pauseTimer === timer) pauseTimer = undefined;
      if (!timer.signal.aborted) pump();
    };
    sleep(Math.max(0, pausedUntil - now()), timer.signal).then(resume, resume);
  }

  function settle(task: Task, result: ChatResult): void {
    task.settled = true;
    task.unsubscribe?.();
    task.resolve({ ...result, attempts: task.attempts });
  }

  function abort(task: Task): void {
    if (task.settled) return;
    if (task.state === 'queued') queued -= 1;
    settle(task, cancelledResult(task.attempts));
    // Nothing left to start: a pending pause timer would only keep the process alive.
    if (queued === 0 && pauseTimer) {
      pauseTimer.abort();
      pauseTimer = undefined;
    }
  }

  return {
    run(attempt, signal) {
      if (signal?.aborted) return Promise.resolve({ ...cancelledResult(0), attempts: 0 });
      return new Promise<ScheduledResult>((resolve) => {
        const task: Task = { attempt, signal, resolve, unsubscribe: undefined, state: 'queued', attempts: 0, settled: false, epoch };
        if (signal) task.unsubscribe = onAbort(signal, () => abort(task));
        queue.pushBack(task);
        queued += 1;
        pump();
      });
    },
    stats: () => ({ inFlight, queued, backingOff, limit, rateLimited, retries }),
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function cancelledResult(attempts: number): ChatResult {
  const error: ProviderError = {
    kind: 'timeout',
    aborted: true,
    retryable: false,
    message: attempts === 0 ? 'cancelled before it started' : `cancelled after ${attempts} attempt(s)`,
  };
  return { ok: false, error, latencyMs: 0 };
}

/** Attempts should return errors as data; one that throws anyway becomes a non-retryable unknown error. */
function thrownResult(thrown: unknown): ChatResult {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { ok: false, error: { kind: 'unknown', retryable: false, message: `the attempt threw: ${message}` }, latencyMs: 0 };
}
