import { z } from 'zod';
import type { Store } from '../../db/store';
import { SuiteIdSchema } from '../../evals/contracts';
import { modelEndpointsOf } from '../../db/queries/models';
import { SuiteError } from '../../evals/suites';
import { createRun } from './create-run';
import { resolveSuite } from '../suites/resolve-suite';

/** What the "start a run" form sends: models × one suite, with the settings a person usually changes. */
export const StartRunsSchema = z.object({
  modelIds: z.array(z.string().min(1)).min(1, 'pick at least one model').max(20, 'at most 20 models at once'),
  // An id only (built-in or user suite): a path here would let the browser read files on the server.
  suiteId: SuiteIdSchema,
  samples: z.number().int().min(1).max(100).default(1),
  temperature: z.number().min(0).max(2).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  /** Answer repeated requests from the response cache (server/runner/cache). */
  cache: z.boolean().optional(),
});
export type StartRunsInput = z.input<typeof StartRunsSchema>;

export class StartRunsError extends Error {}

/**
 * Queues one run per model on the suite (a user suite from the database or a built-in one), all in one
 * transaction, and returns their ids in the order the models were given. The server's worker answers them.
 */
export async function startRuns(store: Store, raw: StartRunsInput): Promise<number[]> {
  const input = StartRunsSchema.parse(raw);
  const modelIds = [...new Set(input.modelIds)];
  const rows = await modelEndpointsOf(store, modelIds);
  for (const id of modelIds) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new StartRunsError(`unknown model "${id}"`);
    if (!row.baseUrl) throw new StartRunsError(`model "${id}" has no endpoint (it holds imported results only): add a base URL on the Models page`);
  }
  let suite;
  try {
    suite = await resolveSuite(store, input.suiteId);
  } catch (error) {
    if (error instanceof SuiteError) throw new StartRunsError(error.message);
    throw error;
  }
  const settings = {
    samples: input.samples,
    ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    ...(input.concurrency !== undefined ? { concurrency: input.concurrency } : {}),
    ...(input.cache !== undefined ? { cache: input.cache } : {}),
  };
  return store.transaction(async (tx) => {
    const runIds: number[] = [];
    for (const modelId of modelIds) runIds.push(await createRun(tx, { modelId, suite, settings }));
    return runIds;
  });
}
