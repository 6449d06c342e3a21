// The tRPC HTTP endpoint used by the browser.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createRequestContext } from '@/server/http-context';
import { appRouter } from '@/server/root';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: ({ req: request, resHeaders }) => createRequestContext({ headers: request.headers, resHeaders }),
  });
}

export { handler as GET, handler as POST };
