// The REST side of answering a survey: POST /api/v1/surveys/<slug>/responses, used by the public
// form. The route file binds it to the app's database; tests call it via runRest.
import { json, limitClient, parseJsonBody, type RestContext } from '../rest';
import { MAX_RESPONSE_BYTES, submissionSchema, todayOf } from './rules';
import { RESPONSE_RATE_LIMIT, submitSurveyResponse } from './service-responses';

/** 201 when stored; otherwise a JSON error whose details list each answer's problem (429 before the body is read). */
export async function postSurveyResponse(ctx: RestContext, slug: string): Promise<Response> {
  await limitClient(ctx, RESPONSE_RATE_LIMIT);
  const submission = await parseJsonBody(ctx.req, submissionSchema, { maxBytes: MAX_RESPONSE_BYTES });
  await submitSurveyResponse(ctx.db, { slug, submission, today: todayOf() });
  return json({ ok: true }, { status: 201 });
}
