import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { serverStore } from '../../../../server/db';
import { appRouter } from '../../../../server/trpc/root';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function handler(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => ({ store: await serverStore() }),
  });
}

export { handler as GET, handler as POST };
