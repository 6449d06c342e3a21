// The REST side of ratings, for the widget, CLIs and CI jobs: POST /api/v1/ratings and its CORS
// preflight. The route file only exports the *Route handlers; tests call the handlers via runRest.
import { errorResponse, json, limitClient, parseJsonBody, restHandler, type RestContext } from '@/server/rest';
import { todayOf } from '@/server/surveys/rules';
import { corsHeadersFor, MAX_RATING_BYTES, PREFLIGHT_HEADERS, ratingBodySchema } from './rules';
import { isOriginAllowed, RATING_RATE_LIMIT, submitRating } from './service';

/** 201 with the rating; otherwise a JSON error with a reason (400, 403, 404, 413, 429). */
export async function postRating(ctx: RestContext): Promise<Response> {
  const origin = ctx.req.headers.get('origin');
  try {
    await limitClient(ctx, RATING_RATE_LIMIT);
    const body = await parseJsonBody(ctx.req, ratingBodySchema, { maxBytes: MAX_RATING_BYTES });
    const rating = await submitRating(ctx.db, { body, origin, today: todayOf() });
    return json(rating, { status: 201, headers: corsHeadersFor(origin, true) });
  } catch (error) {
    // Pages the widget may be embedded in get to read why a rating was refused; others do not.
    return errorResponse(error, corsHeadersFor(origin, await isOriginAllowed(ctx.db, { origin })));
  }
}

/** The browser's preflight: allowed only for origins some flow allows. */
export async function preflightRating(ctx: RestContext): Promise<Response> {
  const origin = ctx.req.headers.get('origin');
  if (!(await isOriginAllowed(ctx.db, { origin }))) return new Response(null, { status: 403 });
  return new Response(null, { status: 204, headers: { ...corsHeadersFor(origin, true), ...PREFLIGHT_HEADERS } });
}

export const postRatingRoute = restHandler({ auth: 'public' }, postRating);
export const preflightRatingRoute = restHandler({ auth: 'public' }, preflightRating);
