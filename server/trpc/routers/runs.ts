import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { runPage } from '../../../db/queries/run-page';
import { getRun, listRuns, runErrorKinds, runResults } from '../../../db/queries/runs';
import { RUN_STATUSES } from '../../../db/schema';
import { startRuns, StartRunsError, StartRunsSchema } from '../../runner/start-runs';
import { cancelRun, resumeRun, retryRunErrors, RunStateError } from '../../runner/run-control';
import { notFound, publicProcedure, router } from '../init';

const RunId = z.object({ id: z.number().int().positive() });

function control<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RunStateError) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: error.message });
    throw error;
  }
}

export const runsRouter = router({
  list: publicProcedure
    .input(z.object({ modelId: z.string().optional(), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).prefault({}))
    .query(({ ctx, input }) => listRuns(ctx.db, input)),

  /** One page of runs for the runs list: optional status filter, total for the pager. */
  page: publicProcedure
    .input(z.object({ status: z.enum(RUN_STATUSES).optional(), ids: z.array(z.number().int().positive()).max(100).optional(), limit: z.number().int().min(1).max(100).default(20), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => runPage(ctx.db, input)),

  /** Starts models × suite from the UI: one queued run per model; the server's own worker answers them. */
  create: publicProcedure.input(StartRunsSchema).mutation(({ ctx, input }) => {
    try {
      return { runIds: startRuns(ctx.db, input) };
    } catch (error) {
      if (error instanceof StartRunsError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
      throw error;
    }
  }),

  get: publicProcedure.input(RunId).query(({ ctx, input }) => {
    const run = getRun(ctx.db, input.id);
    if (!run) notFound(`run ${input.id}`);
    return { run, errorKinds: runErrorKinds(ctx.db, input.id) };
  }),

  results: publicProcedure
    .input(RunId.extend({ outcome: z.enum(['pass', 'fail', 'error']).optional(), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => runResults(ctx.db, input.id, input)),

  /** Live progress: yields the run's counters whenever they change, until the run ends (polls the db, so it sees workers in any process). */
  progress: publicProcedure.input(RunId).subscription(async function* ({ ctx, input, signal }) {
    let last = '';
    while (!signal?.aborted) {
      const run = getRun(ctx.db, input.id);
      if (!run) return;
      const snapshot = { run, errorKinds: runErrorKinds(ctx.db, input.id) };
      const key = JSON.stringify([run.status, run.passCount, run.failCount, run.errorCount, run.refusalCount]);
      if (key !== last) {
        last = key;
        yield snapshot;
      }
      if (run.status !== 'queued' && run.status !== 'running') return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }),

  cancel: publicProcedure.input(RunId).mutation(({ ctx, input }) => control(() => cancelRun(ctx.db, input.id))),
  resume: publicProcedure.input(RunId).mutation(({ ctx, input }) => control(() => resumeRun(ctx.db, input.id))),
  retryErrors: publicProcedure.input(RunId).mutation(({ ctx, input }) => ({ retried: control(() => retryRunErrors(ctx.db, input.id)) })),
});
