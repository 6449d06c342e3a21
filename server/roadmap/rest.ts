// REST endpoints of the public roadmap: GET /api/v1/roadmap (JSON) and the Atom feed. Public,
// read-only; the JSON goes through its own output schema like the public procedures.
import { restHandler, type RestContext } from '@/server/rest';
import { roadmapApiSchema } from './public-schemas';
import { preparedBody } from './prepared-body';
import { serveDocument, servePrepared } from './service-board-rest';
import { getRoadmapFeed, getRoadmapForApi } from './service-public';

/** The body is built once per version of the board's data, like the page (service-board-rest.ts). */
export async function getRoadmapJson(ctx: RestContext): Promise<Response> {
  const body = await serveDocument(ctx.db, ctx.req, JSON.stringify(['api']), async (options) =>
    preparedBody(JSON.stringify(roadmapApiSchema.parse(await getRoadmapForApi(ctx.db))), options),
  );
  return servePrepared(ctx.req, body, { 'content-type': 'application/json', 'cache-control': 'public, max-age=10' });
}

export async function getRoadmapAtom(ctx: RestContext): Promise<Response> {
  return new Response(await getRoadmapFeed(ctx.db), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=60' },
  });
}

export const getRoadmapJsonRoute = restHandler({ auth: 'public' }, getRoadmapJson);
export const getRoadmapAtomRoute = restHandler({ auth: 'public' }, getRoadmapAtom);
