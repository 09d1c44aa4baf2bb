import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SqlRunner, Store } from '../../db/store';
import { modelById, type ModelRow } from '../../db/queries/models';
import { cacheKey } from './cache/cache-key';
import { ResponseCache } from './cache/response-cache';
import type { ChatMessage, ChatRequest, Provider } from '../providers/types';
import type { EndpointScheduler } from '../scheduler';
import { ResultRecorder } from './result-recorder';
import type { StoreRetryPolicy, StoreTrouble } from './store-retry';
import { RunSettingsSchema, type RunSettings } from './run-settings';
import type { ClaimedRun } from './run-queue';
import { toResultRow } from './to-result-row';
import { storedRunScope, suiteFamilies } from '../../db/queries/run-scope';
import { discoverListedScope, familiesInScope, ModelScopeSchema, storeRunScope, type ListedScope } from './model-scope';
import { effectiveTemperature } from './temperature';
import { pendingPages, PendingWork, type WorkItem } from './work-items';

export interface ExecuteDeps {
  store: Store;
  run: ClaimedRun;
  /** Builds the provider for this model (the key is read from the env at this moment, by the caller). */
  provider: (model: ModelRow, settings: RunSettings) => Provider;
  /** The scheduler of this model's endpoint (shared by every run on that endpoint in this process). */
  scheduler: (model: ModelRow, settings: RunSettings) => EndpointScheduler;
  /** Aborted when the run is cancelled, the lease is lost or the process shuts down. */
  signal: AbortSignal;
  onProgress?: (written: number) => void;
  /** Reads the scope an endpoint lists on /models (default: ask it over HTTP); injectable for tests. */
  listedScope?: (baseUrl: string, modelName: string) => Promise<ListedScope>;
  /** Reports a wait on a busy or full database (the results are held in memory meanwhile). */
  onStoreTrouble?: (trouble: StoreTrouble) => void;
  /** How storing waits out a busy or full database (tests inject the sleep). */
  storeRetry?: StoreRetryPolicy;
}

/**
 * The families this run sends (null: all), fixed at its first start: the model's configured scope, else what its
 * endpoint lists on /models. The run's expected count is lowered to what it will send.
 */
async function runScope(
  db: SqlRunner,
  run: ClaimedRun,
  model: ModelRow,
  settings: RunSettings,
  listed: ExecuteDeps['listedScope'] = discoverListedScope,
): Promise<string[] | null> {
  const stored = await storedRunScope(db, run.id);
  if (stored !== null) return stored;
  const configured = model.scope ? ModelScopeSchema.parse(model.scope) : null;
  const fromEndpoint = configured || !model.baseUrl ? null : await listed(model.baseUrl, model.modelName);
  const families = familiesInScope(await suiteFamilies(db, run.suiteKey), configured, fromEndpoint);
  return storeRunScope(db, run.id, run.suiteKey, families, settings.samples);
}

/** Cache hits never wait on the network: a lane yields to the event loop this often so heartbeats and flush timers still run. */
const YIELD_EVERY_CACHE_HITS = 64;

/**
 * Answers every pending (probe, sample) of a claimed run: requests go through the endpoint's scheduler (concurrency,
 * retries, slow-down live there), each answer is graded as it arrives and handed to the batched recorder.
 * Returns when all work is done or the signal aborts (then whatever was answered is already stored); throws when
 * answers could not be stored.
 */
export async function executeRun(deps: ExecuteDeps): Promise<{ written: number; aborted: boolean }> {
  const { store, run, signal } = deps;
  const settings = RunSettingsSchema.parse(run.settings);
  const model = await modelById(store, run.modelId);
  if (!model) throw new Error(`run ${run.id}: model "${run.modelId}" no longer exists`);
  const provider = deps.provider(model, settings);
  const scheduler = deps.scheduler(model, settings);
  const cache = settings.cache ? new ResponseCache(store) : undefined;
  let written = 0;
  const recorder = new ResultRecorder(store, {
    onFlush: (n) => { written += n; deps.onProgress?.(written); },
    onTrouble: deps.onStoreTrouble,
    retry: deps.storeRetry,
  });

  const system: ChatMessage[] = model.systemPrompt ? [{ role: 'system', content: model.systemPrompt }] : [];
  // Resolved once per run, not per request: the model row's defaults under the run's settings.
  const temperature = effectiveTemperature(model, settings) ?? undefined;
  const maxTokens = settings.maxTokens ?? model.maxTokens ?? undefined;
  const families = await runScope(store, run, model, settings, deps.listedScope);
  const work = new PendingWork(pendingPages(store, run.id, run.suiteKey, settings.samples, families, run.positions));
  // The pump keeps a bounded number of requests in flight: enough to keep the scheduler busy, never the whole run.
  const window = Math.max(4, settings.concurrency * 2);
  let exhausted = false;
  let cacheHits = 0;

  const requestFor = (item: WorkItem): ChatRequest => ({
    model: model.modelName,
    messages: system.length > 0 ? [...system, { role: 'user', content: item.prompt }] : [{ role: 'user', content: item.prompt }],
    temperature,
    maxTokens,
    // Sample i of k gets seed + i - 1: reproducible, and still k different samples.
    seed: settings.seed === undefined ? undefined : settings.seed + item.sample - 1,
    reasoning: model.reasoning,
    signal,
  });

  const answerOne = async (item: WorkItem): Promise<void> => {
    const request = requestFor(item);
    const key = cache
      ? cacheKey({ endpoint: model.baseUrl ?? '', model: model.modelName, temperature: request.reasoning ? undefined : request.temperature,
          maxTokens: request.maxTokens, seed: request.seed, reasoning: model.reasoning, sample: item.sample, messages: request.messages })
      : undefined;
    const cached = key ? await cache!.get(key) : undefined;
    if (cached) {
      recorder.add(toResultRow(run, model, item, cached, { fromCache: true }));
      if (++cacheHits % YIELD_EVERY_CACHE_HITS === 0) await yieldToEventLoop();
      return;
    }
    const result = await scheduler.run(() => provider.chat(request), signal);
    // A cancelled request is not an answer and not an error of the model: leave it pending for a resume.
    if (!result.ok && result.error.aborted) return;
    if (signal.aborted) return;
    const store = key && result.ok ? cache!.put(key, model.baseUrl ?? '', model.modelName, result) : undefined;
    recorder.add(toResultRow(run, model, item, result), store);
  };

  const lane = async (): Promise<void> => {
    while (!signal.aborted) {
      // While the database refuses writes, ask nothing more (answers would only pile up in memory); stop if it gave up.
      await recorder.settled();
      if (exhausted || recorder.failed) return;
      const next = work.next();
      // Awaited only when a page is being read: most items come straight from memory.
      const item = next instanceof Promise ? await next : next;
      if (item === null) {
        exhausted = true;
        return;
      }
      await answerOne(item);
    }
  };
  try {
    await Promise.all(Array.from({ length: window }, lane));
  } finally {
    // Throws when results could not be stored: the worker then ends the run failed (resumable), never completed.
    await recorder.close();
  }
  return { written, aborted: signal.aborted };
}
