import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { allFamilies, browsePairs, suiteFamilies } from '../../../db/queries/suite-browse';
import { suiteSize } from '../../../db/queries/suite-lookups';
import { SuiteIdSchema } from '../../../evals/contracts';
import { findFamilyGenerator } from '../../../evals/families';
import { SuiteError } from '../../../evals/suites';
import { suiteProbeHealth } from '../../explore/probe-health';
import { importProbeFile } from '../../suites/import-probe-file';
import { importPairedDataset } from '../../suites/import-paired-dataset';
import { removePair, removeUserSuite, renameUserSuite, UserSuiteError } from '../../suites/tidy-user-suite';
import { PairedImportOptionsSchema } from '../../../evals/suites/paired-import';
import { listRunnableSuites } from '../../suites/resolve-suite';
import { currentSuiteKey } from '../../suites/suite-key';
import { publicProcedure, router } from '../init';
import type { SqlRunner } from '../../../db/store';

async function keyOf(db: SqlRunner, id: string): Promise<number> {
  try {
    return await currentSuiteKey(db, id);
  } catch (error) {
    if (error instanceof SuiteError) throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
    throw error;
  }
}

const SuiteRef = z.object({ id: SuiteIdSchema });

async function tidy<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof UserSuiteError) throw new TRPCError({ code: error.code, message: error.message });
    throw error;
  }
}

const DatasetFileSchema = z.object({ name: z.string().min(1).max(300), text: z.string().max(20_000_000) });
const PairedImportSchema = z
  .object({
    suiteId: z.string().min(1),
    title: z.string().min(1).max(120).optional(),
    easy: DatasetFileSchema.optional(),
    hard: DatasetFileSchema.optional(),
    both: DatasetFileSchema.optional(),
    ...PairedImportOptionsSchema.pick({ key: true, prompt: true, answer: true, grader: true, family: true, template: true }).shape,
  })
  .refine((v) => Boolean(v.both) !== Boolean(v.easy && v.hard), { message: 'give an easy and a hard file, or one file with both tiers', path: ['easy'] });

/** Browsing suites (built-in and user suites alike, through the catalog tables) and importing probe files. */
export const suitesRouter = router({
  /** Every suite with its size; a built-in suite that fails to load is listed with its error instead. */
  list: publicProcedure.query(async ({ ctx }) => {
    const listed = [];
    for (const suite of await listRunnableSuites(ctx.store)) {
      try {
        const key = await currentSuiteKey(ctx.store, suite.id);
        const size = await suiteSize(ctx.store, key);
        listed.push({ ...suite, ...size, error: null });
      } catch (error) {
        if (!(error instanceof SuiteError)) throw error;
        listed.push({ ...suite, pairs: 0, families: 0, error: error.message });
      }
    }
    return listed;
  }),

  /** A suite's families with pair counts, and for built-in families the publicly reported failure they probe. */
  families: publicProcedure.input(SuiteRef).query(async ({ ctx, input }) =>
    (await suiteFamilies(ctx.store, await keyOf(ctx.store, input.id))).map((family) => ({ ...family, reportedFailure: findFamilyGenerator(family.id)?.reportedFailure ?? null })),
  ),

  /** Probe health from every model's results on the suite (judged once five models have results). */
  health: publicProcedure.input(SuiteRef).query(async ({ ctx, input }) => {
    const key = await keyOf(ctx.store, input.id); // an unknown suite is NOT_FOUND, not a server error
    return suiteProbeHealth(ctx.store, input.id, key);
  }),

  pairs: publicProcedure
    .input(
      SuiteRef.extend({
        domain: z.string().min(1).optional(),
        family: z.string().min(1).optional(),
        tier: z.enum(['easy', 'hard']).optional(),
        q: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).default(25),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(async ({ ctx, input }) => browsePairs(ctx.store, await keyOf(ctx.store, input.id), input)),

  /** Every family known to the database, for the "add a pair" form. */
  allFamilies: publicProcedure.query(({ ctx }) => allFamilies(ctx.store)),

  /** Imports a probe file into a user suite: all or nothing, problems named by line and field. */
  importFile: publicProcedure
    .input(z.object({ suiteId: z.string().min(1), title: z.string().min(1).max(120).optional(), fileName: z.string().min(1).max(300), text: z.string().max(20_000_000) }))
    .mutation(async ({ ctx, input }) => {
      const result = await importProbeFile(ctx.store, { id: input.suiteId, title: input.title }, input.fileName, input.text);
      return result.ok
        ? { ok: true as const, added: result.added, suiteId: result.suite.id, version: result.suite.version, pairs: result.suite.pairs.length, issues: [] }
        : { ok: false as const, issues: result.issues.slice(0, 200), more: Math.max(0, result.issues.length - 200) };
    }),

  /** A paired easy/hard dataset (two files by key, or one with both tiers) into a user suite; see `probes import`. */
  importPaired: publicProcedure.input(PairedImportSchema).mutation(async ({ ctx, input }) => {
    const { suiteId, title, easy, hard, both, ...options } = input;
    const result = await importPairedDataset(ctx.store, { id: suiteId, title }, both ? { both } : { easy: easy!, hard: hard! }, options);
    return result.ok
      ? { ok: true as const, added: result.added, suiteId: result.suite.id, pairs: result.suite.pairs.length, warnings: result.warnings.slice(0, 200), issues: [] }
      : { ok: false as const, issues: result.issues.slice(0, 200), more: Math.max(0, result.issues.length - 200), warnings: result.warnings.slice(0, 200) };
  }),

  /** Removes a user suite from the lists (runs on its versions keep their probes). */
  remove: publicProcedure.input(SuiteRef).mutation(({ ctx, input }) => tidy(() => removeUserSuite(ctx.store, input.id))),
  rename: publicProcedure
    .input(SuiteRef.extend({ title: z.string().trim().min(1, 'a title cannot be empty').max(120) }))
    .mutation(({ ctx, input }) => tidy(() => renameUserSuite(ctx.store, input.id, input.title))),
  removePair: publicProcedure
    .input(SuiteRef.extend({ pairId: z.string().min(1).max(200) }))
    .mutation(({ ctx, input }) => tidy(() => removePair(ctx.store, input.id, input.pairId))),
});
