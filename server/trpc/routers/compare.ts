import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { SqlRunner } from '../../../db/store';
import { compareView, MAX_COMPARED } from '../../explore/compare-view';
import { disagreementPage } from '../../explore/disagreements';
import { DEFAULT_SUITE } from '../../explore/profile-scope';
import { publicModelsById } from '../../explore/public-model';
import { publicProcedure, router } from '../init';

const ModelIds = z
  .array(z.string().min(1).max(200))
  .min(2, 'compare at least 2 models')
  .max(MAX_COMPARED, `compare at most ${MAX_COMPARED} models`)
  .refine((ids) => new Set(ids).size === ids.length, 'a model is listed twice');

const OutcomeFilterSchema = z.enum(['pass', 'fail', 'any']);

async function requireModels(db: SqlRunner, ids: readonly string[]) {
  const { found, missing } = await publicModelsById(db, ids);
  if (missing.length > 0) throw new TRPCError({ code: 'NOT_FOUND', message: `unknown model${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` });
  return found;
}

export const compareRouter = router({
  /** 2–4 models on one suite (default core): overlaid profiles and, for each model after the first, per-family Δ vs the first with McNemar + Holm. */
  get: publicProcedure
    .input(z.object({ models: ModelIds, suite: z.string().min(1).max(200).default(DEFAULT_SUITE) }))
    .query(async ({ ctx, input }) => compareView(ctx.store, await requireModels(ctx.store, input.models), input.suite)),

  /** One page of the probes the models disagree on; filters[i] keeps rows where model i passed or failed. */
  disagreements: publicProcedure
    .input(
      z
        .object({
          models: ModelIds,
          suite: z.string().min(1).max(200).default(DEFAULT_SUITE),
          filters: z.array(OutcomeFilterSchema).max(MAX_COMPARED).default([]),
          family: z.string().min(1).max(200).optional(),
          limit: z.number().int().min(1).max(100).default(20),
          offset: z.number().int().min(0).default(0),
        })
        .refine((input) => input.filters.length <= input.models.length, { message: 'more filters than models', path: ['filters'] }),
    )
    .query(async ({ ctx, input }) => {
      await requireModels(ctx.store, input.models);
      const filters = input.models.map((_, i) => input.filters[i] ?? 'any');
      return disagreementPage(ctx.store, input.models, { ...input, filters });
    }),
});
