import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Store } from '../../db/store';

/** What every procedure gets: the process's store (SQLite file or PostgreSQL). */
export interface Context {
  store: Store;
}


const t = initTRPC.context<Context>().create({
  // Forms show field errors: pass zod's flattened errors to the client (create-t3-app does the same).
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: { ...shape.data, zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

export function notFound(what: string): never {
  throw new TRPCError({ code: 'NOT_FOUND', message: `${what} not found` });
}
