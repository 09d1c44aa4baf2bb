import type { ModelRow } from '../../db/queries/models';
import type { Provider } from '../providers/types';
import type { RunSettings } from '../runner/run-settings';
import type { RateBudget } from './rate-budget';

type ProviderFactory = (model: ModelRow, settings: RunSettings) => Provider;

/**
 * Puts the shared rate budget in front of every attempt (retries included) of runs that set `rateLimit`: an attempt
 * starts only once the budget of the model's endpoint (its base URL) grants it. Inside the scheduler's slot, so
 * concurrency and the 429 slow-down still apply on top. A wait cancelled by the run's signal is a cancelled request
 * (never stored); a budget that cannot be read (database down) is a retryable `connection` error.
 */
export function withRateBudget(providerFor: ProviderFactory, budget: RateBudget): ProviderFactory {
  return (model, settings) => {
    const inner = providerFor(model, settings);
    const limit = settings.rateLimit;
    if (!limit || !model.baseUrl) return inner;
    const endpoint = model.baseUrl;
    return {
      async chat(request) {
        const started = Date.now();
        try {
          await budget.acquire(endpoint, limit, request.signal);
        } catch (error) {
          const latencyMs = Date.now() - started;
          if (request.signal?.aborted) {
            return { ok: false, latencyMs, error: { kind: 'timeout', message: 'cancelled while waiting for the rate budget', retryable: false, aborted: true } };
          }
          return { ok: false, latencyMs, error: { kind: 'connection', message: `the shared rate budget could not be read: ${(error as Error).message}`, retryable: true } };
        }
        return inner.chat(request);
      },
    };
  };
}
