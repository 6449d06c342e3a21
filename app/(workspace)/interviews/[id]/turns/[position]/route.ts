// GET /interviews/<id>/turns/<n>: the link of evidence taken from a transcript turn. Opens the
// interview's recording at that turn's second when a recording address is set, else the turn on
// the interview page. Members only (the same procedure and role check as the page).
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createRequestContext } from '@/server/http-context';
import { createCaller } from '@/server/root';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, context: { params: Promise<{ id: string; position: string }> }): Promise<Response> {
  const { id, position } = await context.params;
  const interviewPage = new URL(`/interviews/${encodeURIComponent(id)}#t-${encodeURIComponent(position)}`, req.url);
  try {
    const caller = createCaller(await createRequestContext({ headers: req.headers }));
    const link = await caller.interviews.turnLink({ id, position: Number(position) });
    return Response.redirect(new URL(link.href, req.url), 302);
  } catch (error) {
    // Signed out: the interview page asks to sign in first.
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return Response.redirect(interviewPage, 302);
    if (error instanceof TRPCError) return new Response(error.message, { status: getHTTPStatusCodeFromError(error) });
    throw error;
  }
}
