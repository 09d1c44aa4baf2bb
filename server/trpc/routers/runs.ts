import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { RUN_STATUSES, runPage } from '../../../db/queries/run-page';
import { getRun, listRuns, runErrorKinds, runResults } from '../../../db/queries/runs';
import { resultTranscript, runDiff, runResultFamilies, runResultsPage } from '../../../db/queries/run-results';
import { startRuns, StartRunsError, StartRunsSchema } from '../../runner/start-runs';
import { cancelRun, resumeRun, retryRunErrors, RunStateError } from '../../runner/run-control';
import { removeRun } from '../../runner/remove-run';
import { estimateRuns, EstimateRunsSchema } from '../../runner/estimate-runs';
import { notFound, publicProcedure, router } from '../init';
import { OutcomeSchema } from '../../../evals/contracts';

const RunId = z.object({ id: z.number().int().positive() });

async function control<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof RunStateError) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: error.message });
    throw error;
  }
}

export const runsRouter = router({
  list: publicProcedure
    .input(z.object({ modelId: z.string().optional(), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).prefault({}))
    .query(({ ctx, input }) => listRuns(ctx.store, input)),

  /** One page of runs for the runs list: optional status filter, total for the pager. */
  page: publicProcedure
    .input(z.object({ status: z.enum(RUN_STATUSES).optional(), ids: z.array(z.number().int().positive()).max(100).optional(), limit: z.number().int().min(1).max(100).default(20), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => runPage(ctx.store, input)),

  /** Starts models × suite from the UI: one queued run per model; the server's own worker answers them. */
  create: publicProcedure.input(StartRunsSchema).mutation(async ({ ctx, input }) => {
    try {
      return { runIds: await startRuns(ctx.store, input) };
    } catch (error) {
      if (error instanceof StartRunsError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
      throw error;
    }
  }),

  /** Requests, tokens and cost that starting these runs would spend (shown before a hosted run starts). */
  estimate: publicProcedure.input(EstimateRunsSchema).query(async ({ ctx, input }) => {
    try {
      return await estimateRuns(ctx.store, input);
    } catch (error) {
      if (error instanceof StartRunsError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
      throw error;
    }
  }),

  get: publicProcedure.input(RunId).query(async ({ ctx, input }) => {
    const run = await getRun(ctx.store, input.id);
    if (!run) notFound(`run ${input.id}`);
    return { run, errorKinds: await runErrorKinds(ctx.store, input.id) };
  }),

  results: publicProcedure
    .input(RunId.extend({ outcome: OutcomeSchema.optional(), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => runResults(ctx.store, input.id, input)),

  /** One page of a run's results, filtered and paged on the server (every result is reachable), with the total. */
  resultsPage: publicProcedure
    .input(
      RunId.extend({
        outcome: OutcomeSchema.optional(),
        family: z.string().min(1).max(200).optional(),
        tier: z.enum(['easy', 'hard']).optional(),
        q: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(async ({ ctx, input }) => ({ ...(await runResultsPage(ctx.store, input.id, input)), families: await runResultFamilies(ctx.store, input.id) })),

  /** One result in full (the page list shortens responses). */
  transcript: publicProcedure.input(RunId.extend({ resultId: z.number().int().positive() })).query(async ({ ctx, input }) => {
    const row = await resultTranscript(ctx.store, input.id, input.resultId);
    if (!row) notFound(`result ${input.resultId} of run ${input.id}`);
    return row;
  }),

  /** Which probes changed outcome between two runs of one model (before → after). */
  diff: publicProcedure
    .input(z.object({ before: z.number().int().positive(), after: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const before = await getRun(ctx.store, input.before);
      const after = await getRun(ctx.store, input.after);
      if (!before) notFound(`run ${input.before}`);
      if (!after) notFound(`run ${input.after}`);
      if (before.modelId !== after.modelId) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `runs ${before.id} and ${after.id} are of different models (${before.modelId}, ${after.modelId}): compare models on the compare page` });
      }
      return { before, after, ...(await runDiff(ctx.store, input.before, input.after)) };
    }),

  /** Live progress: yields the run's counters whenever they change, until the run ends (polls the db, so it sees workers in any process). */
  progress: publicProcedure.input(RunId).subscription(async function* ({ ctx, input, signal }) {
    let last = '';
    while (!signal?.aborted) {
      const run = await getRun(ctx.store, input.id);
      if (!run) return;
      const snapshot = { run, errorKinds: await runErrorKinds(ctx.store, input.id) };
      const key = JSON.stringify([run.status, run.passCount, run.failCount, run.errorCount, run.refusalCount]);
      if (key !== last) {
        last = key;
        yield snapshot;
      }
      if (run.status !== 'queued' && run.status !== 'running') return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }),

  /** Removes a finished run and its results (the dashboard asks for confirmation first). */
  remove: publicProcedure.input(RunId).mutation(({ ctx, input }) => control(() => removeRun(ctx.store, input.id))),
  cancel: publicProcedure.input(RunId).mutation(({ ctx, input }) => control(() => cancelRun(ctx.store, input.id))),
  resume: publicProcedure.input(RunId).mutation(({ ctx, input }) => control(() => resumeRun(ctx.store, input.id))),
  retryErrors: publicProcedure.input(RunId).mutation(async ({ ctx, input }) => ({ retried: await control(() => retryRunErrors(ctx.store, input.id)) })),
});
