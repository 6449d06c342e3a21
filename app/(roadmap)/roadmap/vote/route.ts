// POST /roadmap/vote: a vote (or undo) from the board's plain forms; answers with a redirect back.
import { errorResponse } from '@/server/rest';
import { createRequestContext } from '@/server/http-context';
import { voteFromForm } from '@/server/roadmap/service-board-rest';

export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  try {
    const resHeaders = new Headers();
    const response = await voteFromForm(await createRequestContext({ headers: req.headers, resHeaders }), req);
    for (const cookie of resHeaders.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
