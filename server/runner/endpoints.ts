import type { models } from '../../db/schema';
import { readApiKey } from '../env';
import { createOpenAICompatibleProvider } from '../providers';
import type { Provider } from '../providers/types';
import { createEndpointScheduler, type EndpointScheduler } from '../scheduler';
import { keepAliveFetch } from './keep-alive-fetch';
import type { RunSettings } from './run-settings';

type ModelRow = typeof models.$inferSelect;

/**
 * Builds a provider for a model row. The API key is read from the environment now, by the variable's name.
 * Requests go through keepAliveFetch (node:http, pooled sockets): the global fetch costs several times more CPU per
 * request, which at 0 ms latency made the HTTP client the runner's bottleneck.
 */
export function providerFor(model: ModelRow, settings: RunSettings): Provider {
  if (!model.baseUrl) throw new Error(`model "${model.id}" has no base URL (imported results cannot be re-run)`);
  return createOpenAICompatibleProvider({
    baseURL: model.baseUrl,
    apiKey: readApiKey(model.apiKeyEnv),
    timeoutMs: settings.timeoutMs,
    fetch: keepAliveFetch,
  });
}

/**
 * One scheduler per endpoint (base URL) per process, so that two runs against the same API share its concurrency
 * limit and its 429 slow-down instead of each hammering it at full speed.
 */
export function createSchedulerRegistry(): (model: ModelRow, settings: RunSettings) => EndpointScheduler {
  const byEndpoint = new Map<string, EndpointScheduler>();
  return (model, settings) => {
    const key = `${model.baseUrl ?? ''}|${settings.concurrency}|${settings.maxRetries}`;
    let scheduler = byEndpoint.get(key);
    if (!scheduler) {
      scheduler = createEndpointScheduler({ concurrency: settings.concurrency, maxRetries: settings.maxRetries });
      byEndpoint.set(key, scheduler);
    }
    return scheduler;
  };
}
