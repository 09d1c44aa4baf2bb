import type { models } from '../../db/schema';
import type { RunSettings } from './run-settings';

/**
 * The temperature every request of a run sends: the run's, else the model's, else 0, so the provider's own default
 * (often 1.0) never adds noise unseen. Reasoning models take none (their APIs reject it): null. Stored on the run.
 */
export function effectiveTemperature(
  model: Pick<typeof models.$inferSelect, 'reasoning' | 'temperature'>,
  settings: Pick<RunSettings, 'temperature'>,
): number | null {
  if (model.reasoning) return null;
  return settings.temperature ?? model.temperature ?? 0;
}
