// The REST side of answering a survey: POST /api/v1/surveys/<slug>/responses, used by the public
// form. The route file only exports postSurveyResponseRoute; tests call postSurveyResponse via runRest.
import { cookieHeader, readCookie } from '@/server/http-context';
import { json, limitClient, parseJsonBody, restHandler, type RestContext } from '@/server/rest';
import { ANSWERED_MARKER_MAX_AGE_SECONDS, ANSWERED_MARKER_VALUE, answeredMarkerName, MAX_RESPONSE_BYTES, submissionSchema, todayOf } from './rules';
import { RESPONSE_RATE_LIMIT, submitSurveyResponse } from './service-responses';

/**
 * 201 when stored, with the browser's "already answered" marker when the survey takes one answer
 * per browser; otherwise a JSON error whose details list each answer's problem (429 before the
 * body is read).
 */
export async function postSurveyResponse(ctx: RestContext, slug: string): Promise<Response> {
  await limitClient(ctx, RESPONSE_RATE_LIMIT);
  const submission = await parseJsonBody(ctx.req, submissionSchema, { maxBytes: MAX_RESPONSE_BYTES });
  const marker = answeredMarkerName(slug);
  const hasAnswered = readCookie(ctx.req.headers, marker) === ANSWERED_MARKER_VALUE;
  const { marksBrowser } = await submitSurveyResponse(ctx.db, { slug, submission, hasAnswered, today: todayOf() });
  const headers = marksBrowser ? { 'set-cookie': cookieHeader(marker, ANSWERED_MARKER_VALUE, ANSWERED_MARKER_MAX_AGE_SECONDS) } : undefined;
  return json({ ok: true }, { status: 201, headers });
}

export async function postSurveyResponseRoute(req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return restHandler({ auth: 'public' }, (ctx) => postSurveyResponse(ctx, slug))(req);
}
