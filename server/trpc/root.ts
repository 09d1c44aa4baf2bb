import { createCallerFactory, router } from './init';
import { modelsRouter } from './routers/models';
import { runsRouter } from './routers/runs';

export const appRouter = router({
  models: modelsRouter,
  runs: runsRouter,
});

export type AppRouter = typeof appRouter;

/** For tests and server code: call procedures directly, with the same validation as over HTTP. */
export const createCaller = createCallerFactory(appRouter);
