import { pairProbes, type Suite } from '../../evals/contracts';
import { modelById } from '../../db/queries/models';
import { insertQueuedRun } from '../../db/queries/run-writes';
import type { SqlRunner } from '../../db/store';
import { persistSuite } from '../suites/persist-suite';
import { RunSettingsSchema, type RunSettings } from './run-settings';
import { effectiveTemperature } from './temperature';

export class UnknownModelError extends Error {}

/**
 * Queues a run of `modelId` on `suite`: stores the suite version, then a `queued` run a worker will claim. `db` is a
 * store, or the `tx` of a transaction that queues several runs all or none.
 */
export async function createRun(db: SqlRunner, input: { modelId: string; suite: Suite; settings?: Partial<RunSettings> }): Promise<number> {
  const settings = RunSettingsSchema.parse(input.settings ?? {});
  const model = await modelById(db, input.modelId);
  if (!model) throw new UnknownModelError(`unknown model "${input.modelId}"`);
  const suiteKey = await persistSuite(db, input.suite);
  return insertQueuedRun(db, {
    modelId: input.modelId,
    suiteKey,
    settings,
    samples: settings.samples,
    temperature: effectiveTemperature(model, settings),
    // Every probe of every pair, contrast twins included; lowered when the run starts if the model's scope leaves
    // families out (server/runner/model-scope.ts).
    expected: input.suite.pairs.reduce((n, pair) => n + pairProbes(pair).length, 0) * settings.samples,
  });
}
