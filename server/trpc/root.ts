import { createCallerFactory, router } from './init';
import { compareRouter } from './routers/compare';
import { modelsRouter } from './routers/models';
import { runsRouter } from './routers/runs';
import { adminModelsRouter } from './routers/admin-models';
import { importsRouter } from './routers/imports';
import { probesRouter } from './routers/probes';
import { suitesRouter } from './routers/suites';

export const appRouter = router({
  models: modelsRouter,
  compare: compareRouter,
  runs: runsRouter,
  adminModels: adminModelsRouter,
  suites: suitesRouter,
  probes: probesRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;

/** For tests and server code: call procedures directly, with the same validation as over HTTP. */
export const createCaller = createCallerFactory(appRouter);
