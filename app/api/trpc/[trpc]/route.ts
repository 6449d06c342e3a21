// The tRPC HTTP endpoint used by the browser (origin, body-size and text checks in server/trpc-http.ts).
import { createRequestContext } from '@/server/http-context';
import { handleTrpcRequest } from '@/server/trpc-http';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return handleTrpcRequest(req, createRequestContext);
}

export { handler as GET, handler as POST };
