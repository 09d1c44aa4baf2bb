import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { modelPairCounts } from '../../../db/queries/pair-tallies';
import { listRuns } from '../../../db/queries/runs';
import { models } from '../../../db/schema';
import { modelSummary } from '../../../evals/metrics';
import { notFound, publicProcedure, router } from '../init';

/** What the browser may see of a model: never a key, only the name of the variable that holds it. */
const publicModelColumns = {
  id: models.id,
  label: models.label,
  arch: models.arch,
  baseUrl: models.baseUrl,
  modelName: models.modelName,
  apiKeyEnv: models.apiKeyEnv,
  origin: models.origin,
};

export const modelsRouter = router({
  /** Every model with its summary numbers, for the leaderboard. */
  leaderboard: publicProcedure.query(({ ctx }) => {
    const rows = ctx.db.select(publicModelColumns).from(models).orderBy(asc(models.label)).all();
    return rows.map((model) => {
      const runs = listRuns(ctx.db, { modelId: model.id, limit: 1 });
      const summary = modelSummary(modelPairCounts(ctx.db, model.id));
      return { model, lastRun: runs[0] ?? null, summary };
    });
  }),

  get: publicProcedure.input(z.object({ id: z.string().min(1) })).query(({ ctx, input }) => {
    const model = ctx.db.select(publicModelColumns).from(models).where(eq(models.id, input.id)).get();
    if (!model) notFound(`model "${input.id}"`);
    const summary = modelSummary(modelPairCounts(ctx.db, model.id));
    const runs = listRuns(ctx.db, { modelId: model.id, limit: 20 });
    return { model, summary, runs };
  }),
});
