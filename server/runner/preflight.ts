import type { models } from '../../db/schema';
import { providerFor } from './endpoints';
import type { RunSettings } from './run-settings';
import { effectiveTemperature } from './temperature';

type ModelRow = typeof models.$inferSelect;

/** Errors that no retry or later probe will fix: the whole run would only collect them. */
const FATAL = new Set(['connection', 'auth', 'not_found', 'bad_request']);

/**
 * Sends one real probe before a run starts, so that an unreachable endpoint, a missing key or a wrong model name is
 * one clear message instead of a run full of identical errors. Returns that message, or null when the endpoint answers.
 */
export async function preflight(model: ModelRow, settings: RunSettings, prompt: string): Promise<string | null> {
  const provider = providerFor(model, { ...settings, timeoutMs: Math.min(settings.timeoutMs, 30_000) });
  const result = await provider.chat({
    model: model.modelName,
    messages: [{ role: 'user', content: prompt }],
    temperature: effectiveTemperature(model, settings) ?? undefined,
    maxTokens: settings.maxTokens ?? model.maxTokens ?? undefined,
    reasoning: model.reasoning,
  });
  if (result.ok || !FATAL.has(result.error.kind)) return null;
  const hint =
    result.error.kind === 'connection' ? ' (is the server running? check the base URL)'
    : result.error.kind === 'auth' ? ` (set ${model.apiKeyEnv ?? 'the API key variable'} in the environment)`
    : result.error.kind === 'not_found' ? ` (is "${model.modelName}" a model this endpoint serves?)`
    : '';
  return `model "${model.id}" at ${model.baseUrl}: ${result.error.kind}: ${result.error.message}${hint}`;
}
