// REST endpoints of the public roadmap: GET /api/v1/roadmap (JSON) and the Atom feed. Public,
// read-only; the JSON goes through its own output schema like the public procedures.
import { json, type RestContext } from '../rest';
import { roadmapApiSchema } from './public-schemas';
import { getRoadmapFeed, getRoadmapForApi } from './service-public';

export async function getRoadmapJson(ctx: RestContext): Promise<Response> {
  const body = roadmapApiSchema.parse(await getRoadmapForApi(ctx.db));
  return json(body, { headers: { 'cache-control': 'public, max-age=10' } });
}

export async function getRoadmapAtom(ctx: RestContext): Promise<Response> {
  return new Response(await getRoadmapFeed(ctx.db), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=60' },
  });
}
