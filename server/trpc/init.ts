import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Db } from '../../db/client';
import { sqliteDbOf, type Store } from '../../db/store';

/** What every procedure gets: the process's store (SQLite file or PostgreSQL). */
export interface Context {
  store: Store;
}

/** The SQLite connection under the context's store, for procedures whose queries are not yet on the store interface. */
export function sqliteOf(ctx: Context): Db {
  return sqliteDbOf(ctx.store, 'this page');
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
