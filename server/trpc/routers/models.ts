import { z } from 'zod';
import { listRuns } from '../../../db/queries/runs';
import { jaggedPairPage } from '../../explore/jagged-pair-page';
import { leaderboardRows } from '../../explore/leaderboard';
import { modelAggregate } from '../../explore/model-aggregates';
import { modelThinkingTime } from '../../explore/model-thinking-time';
import { getPublicModel, listPublicModels } from '../../explore/public-model';
import { notFound, publicProcedure, router } from '../init';

const ModelId = z.object({ id: z.string().min(1).max(200) });

function requireModel(db: Parameters<typeof getPublicModel>[0], id: string) {
  const model = getPublicModel(db, id);
  if (!model) notFound(`model "${id}"`);
  return model;
}

export const modelsRouter = router({
  /** Every model (id, label, arch) for pickers: no aggregates. */
  list: publicProcedure.query(({ ctx }) => listPublicModels(ctx.db).map(({ id, label, arch }) => ({ id, label, arch }))),

  /** Every model with its headline numbers and sparkline, for the leaderboard. */
  leaderboard: publicProcedure.query(({ ctx }) => leaderboardRows(ctx.db)),

  /** A model's page: its summary (profile, families, J, U), and its latest runs. */
  get: publicProcedure.input(ModelId).query(({ ctx, input }) => {
    const model = requireModel(ctx.db, input.id);
    const summary = modelAggregate(ctx.db, model.id).summary();
    const runs = listRuns(ctx.db, { modelId: model.id, limit: 20 });
    return { model, summary, runs };
  }),

  /** One page of the model's jagged pairs (p(hard) > p(easy)) with both transcripts, optionally one family's. */
  jaggedPairs: publicProcedure
    .input(ModelId.extend({ family: z.string().min(1).max(200).optional(), limit: z.number().int().min(1).max(50).default(10), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => {
      requireModel(ctx.db, input.id);
      return jaggedPairPage(ctx.db, input.id, input);
    }),

  /** Ticks used on easy vs hard probes per family (models that report thinking time, such as the CTM). */
  thinkingTime: publicProcedure.input(ModelId).query(({ ctx, input }) => {
    requireModel(ctx.db, input.id);
    return modelThinkingTime(ctx.db, input.id);
  }),
});
