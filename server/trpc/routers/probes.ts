import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { FamilySchema, PairDraftSchema, PairSchema, pairFromDraft, type Pair } from '../../../evals/contracts';
import { tryPair, TryPairError } from '../../suites/try-pair';
import { appendPairs, nextPairKey } from '../../suites/append-pairs';
import { loadUserSuite } from '../../suites/user-suite-store';
import { publicProcedure, router } from '../init';
import { familyById } from '../../../db/queries/suite-lookups';

/** The draft as a Pair, checked against the same contract as suite files; a failure names the form field. */
function checkedPair(draft: z.infer<typeof PairDraftSchema>, key: string): Pair {
  const parsed = PairSchema.safeParse(pairFromDraft(draft, key));
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), cause: parsed.error });
  return parsed.data;
}

/** Adding probe pairs from the dashboard: try a draft on a model, then save it into a user suite. */
export const probesRouter = router({
  /** Runs both probes of a draft on a model (server-side: the key never reaches the browser) and grades them. */
  try: publicProcedure.input(z.object({ modelId: z.string().min(1), draft: PairDraftSchema })).mutation(async ({ ctx, input }) => {
    try {
      return await tryPair(ctx.store, input.modelId, checkedPair(input.draft, input.draft.key ?? 'draft'));
    } catch (error) {
      if (error instanceof TryPairError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
      throw error;
    }
  }),

  /** Saves a draft pair into a user suite (created on first save), with a new family when one is given. */
  save: publicProcedure
    .input(z.object({ suiteId: z.string().min(1), suiteTitle: z.string().min(1).max(120).optional(), newFamily: FamilySchema.optional(), draft: PairDraftSchema }))
    .mutation(async ({ ctx, input }) => {
      if (input.newFamily && input.newFamily.id !== input.draft.family) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `the new family's id "${input.newFamily.id}" differs from the pair's family "${input.draft.family}"` });
      }
      const family = input.newFamily ?? (await familyById(ctx.store, input.draft.family));
      if (!family) throw new TRPCError({ code: 'BAD_REQUEST', message: `unknown family "${input.draft.family}": pick one or declare a new family` });
      if (input.newFamily && (await familyById(ctx.store, input.newFamily.id))) {
        throw new TRPCError({ code: 'CONFLICT', message: `family "${input.newFamily.id}" already exists: pick it from the list` });
      }
      const key = input.draft.key ?? nextPairKey(await loadUserSuite(ctx.store, input.suiteId), input.draft.family);
      const pair = checkedPair(input.draft, key);
      const result = await appendPairs(ctx.store, { id: input.suiteId, title: input.suiteTitle }, [family], [{ pair, origin: { file: 'form', field: 'pair.' } }]);
      if (!result.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: result.issues.map((i) => `${i.field ? `${i.field}: ` : ''}${i.message}`).join('; ') });
      return { suiteId: result.suite.id, version: result.suite.version, pairId: pair.id, pairs: result.suite.pairs.length };
    }),
});
