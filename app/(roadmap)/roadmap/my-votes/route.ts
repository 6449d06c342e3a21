// GET /roadmap/my-votes: which cards of the board this visitor voted for (kept out of the cached page).
import { errorResponse } from '@/server/rest';
import { createRequestContext } from '@/server/http-context';
import { myVotes } from '@/server/roadmap/service-board-rest';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  try {
    return await myVotes(await createRequestContext({ headers: req.headers }), req);
  } catch (error) {
    return errorResponse(error);
  }
}
