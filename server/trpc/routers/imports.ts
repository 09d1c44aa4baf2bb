import { z } from 'zod';
import { importResults, RESULT_FORMATS } from '../../results/imports/import-results';
import { publicProcedure, router } from '../init';

/** Importing results written by other tools, as runs that chart like native ones. */
export const importsRouter = router({
  results: publicProcedure
    .input(z.object({
      fileName: z.string().min(1).max(300),
      text: z.string().min(1, 'the file is empty').max(50_000_000),
      format: z.enum(RESULT_FORMATS).optional(),
      modelId: z.string().min(1).max(200).optional(),
    }))
    .mutation(async ({ ctx, input }) => {
      const outcome = await importResults(ctx.store, input);
      return outcome.ok ? outcome : { ...outcome, issues: outcome.issues.slice(0, 200), more: Math.max(0, outcome.issues.length - 200) };
    }),
});
