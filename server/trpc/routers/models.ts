import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { listRuns } from '../../../db/queries/runs';
import { suitesWithRuns } from '../../../db/queries/profile-runs';
import { jaggedPairPage } from '../../explore/jagged-pair-page';
import { leaderboard } from '../../explore/leaderboard';
import { modelGuttman } from '../../explore/model-guttman';
import { modelThinkingTime } from '../../explore/model-thinking-time';
import { DEFAULT_SUITE, ProfileScopeError, type ProfileRequest } from '../../explore/profile-scope';
import { profilePoints } from '../../explore/profile-points';
import { getPublicModel, listPublicModels } from '../../explore/public-model';
import { storedProfile } from '../../explore/stored-profile';
import { checkpointCards } from '../../models/checkpoint-cards';
import type { SqlRunner } from '../../../db/store';
import { notFound, publicProcedure, router } from '../init';

const ModelId = z.object({ id: z.string().min(1).max(200) });
const SuiteId = z.string().min(1).max(200).default(DEFAULT_SUITE);

/**
 * Which profile of a model: a suite (default core) and, by default, the model's latest completed run on it. `runs`
 * names exactly the runs to use and `pool` pools every completed run with the latest one's suite version and
 * settings: pooling is always explicit, and the profile lists the runs it rests on.
 */
const ProfileInput = ModelId.extend({
  suite: SuiteId,
  runs: z.array(z.number().int().positive()).min(1).max(100).optional(),
  pool: z.boolean().default(false),
}).refine((input) => !(input.pool && input.runs), { message: 'give either runs or pool, not both', path: ['pool'] });

async function requireModel(db: SqlRunner, id: string) {
  const model = await getPublicModel(db, id);
  if (!model) notFound(`model "${id}"`);
  return model;
}

/** The scoped profile of a request, or null when the model has no completed run on the suite. */
async function profileFor(db: SqlRunner, input: { id: string; suite: string; runs?: number[]; pool: boolean }) {
  const request: ProfileRequest = { modelId: input.id, suiteId: input.suite, runIds: input.runs, pool: input.pool };
  try {
    return await storedProfile(db, request);
  } catch (error) {
    if (error instanceof ProfileScopeError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

export const modelsRouter = router({
  /** Every model (id, label, arch) for pickers: no aggregates. */
  list: publicProcedure.query(async ({ ctx }) => (await listPublicModels(ctx.store)).map(({ id, label, arch }) => ({ id, label, arch }))),

  /** The suites that have runs (for the suite selector), core first. */
  suites: publicProcedure.query(({ ctx }) => suitesWithRuns(ctx.store)),

  /** Every model's profile on one suite (its latest completed run there), ranked with uncertainty. */
  leaderboard: publicProcedure
    .input(z.object({ suite: SuiteId }).default({ suite: DEFAULT_SUITE }))
    .query(({ ctx, input }) => leaderboard(ctx.store, input.suite)),

  /**
   * A model's page on one suite: its profile (null without a completed run there), the runs it rests on with their
   * settings, the model's other completed runs on the suite (to pool or pick), and its latest runs of any suite.
   */
  get: publicProcedure.input(ProfileInput).query(async ({ ctx, input }) => {
    const model = await requireModel(ctx.store, input.id);
    const found = await profileFor(ctx.store, input);
    const runs = await listRuns(ctx.store, { modelId: model.id, limit: 20 });
    return {
      model,
      suite: input.suite,
      profile: found?.profile ?? null,
      points: found ? profilePoints(found.profile) : [],
      guttman: found ? await modelGuttman(ctx.store, found) : null,
      profileRuns: found?.scope.runs.map(({ id, temperature, samples, createdAt, status }) => ({ id, temperature, samples, createdAt, status })) ?? [],
      runs,
    };
  }),

  /** One page of the profile's jagged pairs (p(hard) > p(easy)) with both transcripts, optionally one family's. */
  jaggedPairs: publicProcedure
    .input(
      z.object({
        id: z.string().min(1).max(200),
        suite: SuiteId,
        runs: z.array(z.number().int().positive()).min(1).max(100).optional(),
        pool: z.boolean().default(false),
        family: z.string().min(1).max(200).optional(),
        limit: z.number().int().min(1).max(50).default(10),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(async ({ ctx, input }) => {
      await requireModel(ctx.store, input.id);
      const found = await profileFor(ctx.store, input);
      return found ? jaggedPairPage(ctx.store, found, input) : { total: 0, families: [], items: [] };
    }),

  /** Ticks used on easy vs hard probes per evaluated family, over the profile's runs (the CTM reports them). */
  thinkingTime: publicProcedure.input(ProfileInput).query(async ({ ctx, input }) => {
    await requireModel(ctx.store, input.id);
    const found = await profileFor(ctx.store, input);
    return found ? modelThinkingTime(ctx.store, found) : { runs: 0, families: [] };
  }),

  /**
   * A local model's training cards (test-split accuracy by length, the CTM's thinking time on unseen inputs), fetched
   * from its checkpoint server and kept per process; hosted models and a server that is down say so in one line.
   */
  checkpointCards: publicProcedure.input(ModelId).query(async ({ ctx, input }) => checkpointCards.get(await requireModel(ctx.store, input.id))),
});
