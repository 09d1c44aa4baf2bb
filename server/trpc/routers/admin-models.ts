import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ModelEndpointSchema } from '../../../evals/contracts';
import { createModel, getAdminModel, listAdminModels, ModelStoreError, updateModel } from '../../models/model-store';
import { removeModel, renameModel } from '../../models/remove-model';
import { testConnection } from '../../models/test-connection';
import { apiKeyVarRefusal } from '../../env';
import { notFound, publicProcedure, router } from '../init';

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ModelStoreError) throw new TRPCError({ code: error.code, message: error.message });
    throw error;
  }
}

/** Refuses a key variable that is not plainly an API key's before anything is stored or sent. */
function allowedKeyVar(name: string | null): void {
  const refusal = name ? apiKeyVarRefusal(name) : null;
  if (refusal) throw new TRPCError({ code: 'BAD_REQUEST', message: `apiKeyEnv: ${refusal}` });
}

/** Connection test of a saved model (by id) or of the form's unsaved values. */
const TestInput = z.union([
  z.object({ id: z.string().min(1) }),
  ModelEndpointSchema.pick({ baseUrl: true, modelName: true, apiKeyEnv: true, reasoning: true }),
]);

/** Managing model endpoints from the Models page. Keys never pass through here: only their variables' names. */
export const adminModelsRouter = router({
  list: publicProcedure.query(({ ctx }) => listAdminModels(ctx.store)),

  get: publicProcedure.input(z.object({ id: z.string().min(1) })).query(async ({ ctx, input }) => {
    const model = await getAdminModel(ctx.store, input.id);
    if (!model) notFound(`model "${input.id}"`);
    return model;
  }),

  create: publicProcedure.input(ModelEndpointSchema).mutation(async ({ ctx, input }) => {
    allowedKeyVar(input.apiKeyEnv);
    await guarded(() => createModel(ctx.store, input));
    return { id: input.id };
  }),

  update: publicProcedure.input(ModelEndpointSchema).mutation(async ({ ctx, input }) => {
    allowedKeyVar(input.apiKeyEnv);
    await guarded(() => updateModel(ctx.store, input));
    return { id: input.id };
  }),

  /** Removes a model with all its runs and results (the dashboard asks for confirmation first). */
  remove: publicProcedure.input(z.object({ id: z.string().min(1) })).mutation(({ ctx, input }) => guarded(() => removeModel(ctx.store, input.id))),

  rename: publicProcedure
    .input(z.object({ id: z.string().min(1), label: z.string().trim().min(1, 'a name cannot be empty').max(120) }))
    .mutation(async ({ ctx, input }) => {
      await guarded(() => renameModel(ctx.store, input.id, input.label));
      return { id: input.id, label: input.label };
    }),

  testConnection: publicProcedure.input(TestInput).mutation(async ({ ctx, input }) => {
    if ('id' in input) {
      const model = await getAdminModel(ctx.store, input.id);
      if (!model) notFound(`model "${input.id}"`);
      if (!model.baseUrl) throw new TRPCError({ code: 'BAD_REQUEST', message: `model "${input.id}" has no base URL (imported results only)` });
      return testConnection({ baseUrl: model.baseUrl, modelName: model.modelName, apiKeyEnv: model.apiKeyEnv, reasoning: model.reasoning });
    }
    allowedKeyVar(input.apiKeyEnv);
    return testConnection(input);
  }),
});
