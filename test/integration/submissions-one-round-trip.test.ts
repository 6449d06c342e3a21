// Public submissions in one statement (issue 19, item 2): survey responses and ratings count the
// client's rate-limit hit and store the submission in one round trip. Under concurrency none is
// lost or stored twice; a survey definition the process holds is never used once the survey was
// edited, closed or deleted (by any process); a refused request stores nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import type { AppError } from '@/server/errors';
import { submitRating } from '@/server/ratings/service';
import { addDays, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { submitSurveyResponse } from '@/server/surveys/service-responses';
import { callerWithRole } from '../helpers/callers';
import { createTestDb } from '../helpers/db';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let admin: Awaited<ReturnType<typeof callerWithRole>>;
const today = todayOf();

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  admin = await callerWithRole(handle, 'admin');
});
afterAll(async () => handle.close());

async function createSurvey(quarter: string) {
  const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), quarter, opensOn: addDays(today, -1) });
  return editor.surveys.get({ id });
}

/** The AppError a service call was refused with; fails the test when the call succeeds. */
const rejection = (call: Promise<unknown>): Promise<AppError> =>
  call.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (error: unknown) => error as AppError,
  );

const answer = (slug: string, answers: Record<string, unknown>, clientKey: string) =>
  submitSurveyResponse(handle.db, { slug, submission: { answers }, clientKey, today });

describe('survey responses', () => {
  it('stores every one of many concurrent responses exactly once, with all its answers', async () => {
    const survey = await createSurvey('2040-Q1');
    const [scale, text] = survey.questions;
    expect(text.kind).toBe('free_text');
    await Promise.all(Array.from({ length: 40 }, (_, index) => answer(survey.slug, { [scale.id]: (index % 10) + 1, [text.id]: `answer ${index}` }, `client-${index}`)));
    const rows = await handle.db
      .selectFrom('survey_answers')
      .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
      .select(['survey_answers.text_value'])
      .where('survey_responses.survey_id', '=', survey.id)
      .where('survey_answers.question_id', '=', text.id)
      .execute();
    expect(rows.map((row) => row.text_value).sort()).toEqual(Array.from({ length: 40 }, (_, index) => `answer ${index}`).sort());
    const scores = await handle.db.selectFrom('survey_answers').select(sql<number>`count(*)::int`.as('count')).where('question_id', '=', scale.id).executeTakeFirstOrThrow();
    expect(scores.count).toBe(40);
  });

  it('checks answers against the survey as it is now, after an edit, a close and a delete', async () => {
    const survey = await createSurvey('2040-Q2');
    // A refused answer makes this process hold the definition.
    expect(await rejection(answer(survey.slug, {}, 'editing'))).toMatchObject({ code: 'BAD_REQUEST', field: `answers.${survey.questions[0].id}` });

    // Edited (no answers yet, so questions may be replaced): the old question ids are refused by name.
    const { questions, ...draft } = quarterlyTemplate(today);
    await editor.surveys.update({ id: survey.id, draft: { ...draft, quarter: '2040-Q2', opensOn: addDays(today, -1), questions: questions.slice(0, 1) } });
    const edited = await editor.surveys.get({ id: survey.id });
    expect(edited.questions).toHaveLength(1);
    const stale = await rejection(answer(survey.slug, { [survey.questions[1].id]: 5, [edited.questions[0].id]: 7 }, 'editing'));
    expect(stale).toMatchObject({ code: 'BAD_REQUEST', field: `answers.${survey.questions[1].id}` });
    await answer(survey.slug, { [edited.questions[0].id]: 7 }, 'editing');
    expect((await editor.surveys.get({ id: survey.id })).responseCount).toBe(1);

    await editor.surveys.setClosed({ id: survey.id, isClosed: true });
    expect(await rejection(answer(survey.slug, { [edited.questions[0].id]: 7 }, 'editing'))).toMatchObject({ code: 'CONFLICT' });
    await sql`delete from surveys where id = ${survey.id}`.execute(handle.db);
    expect(await rejection(answer(survey.slug, { [edited.questions[0].id]: 7 }, 'editing'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names an unknown team and stores nothing', async () => {
    const survey = await createSurvey('2040-Q3');
    const first = { [survey.questions[0].id]: 6 };
    await answer(survey.slug, first, 'teams');
    const refused = await rejection(submitSurveyResponse(handle.db, { slug: survey.slug, submission: { answers: first, team: 'Nobody' }, clientKey: 'teams', today }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', field: 'team', message: '"Nobody" is not one of the teams listed.' });
    expect((await editor.surveys.get({ id: survey.id })).responseCount).toBe(1);
  });

  it('counts the hit in the same statement and stores nothing past the limit', async () => {
    const survey = await createSurvey('2040-Q4');
    const results = await Promise.allSettled(Array.from({ length: 70 }, () => answer(survey.slug, { [survey.questions[0].id]: 3 }, 'one-busy-client')));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused.every((result) => (result as PromiseRejectedResult).reason.code === 'TOO_MANY_REQUESTS')).toBe(true);
    // 60 a minute; should the minute turn during the burst, the next window admits more.
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect((await editor.surveys.get({ id: survey.id })).responseCount).toBe(70 - refused.length);
  });
});

describe('ratings', () => {
  it('stores concurrent ratings once each, and refuses an unknown flow or origin with nothing stored', async () => {
    await admin.ratings.createFlow({ key: 'one-trip', name: 'One trip', allowedOrigins: ['https://portal.example.com'] });
    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        submitRating(handle.db, { body: { flow: 'one-trip', score: (index % 5) + 1, comment: `rating ${index}` }, origin: null, clientKey: `rater-${index}`, today }),
      ),
    );
    const stored = await handle.db.selectFrom('ratings').select('comment').execute();
    expect(stored.map((row) => row.comment).sort()).toEqual(Array.from({ length: 30 }, (_, index) => `rating ${index}`).sort());

    const rate = (flow: string, origin: string | null) => submitRating(handle.db, { body: { flow, score: 4, comment: null }, origin, clientKey: 'rater-x', today });
    expect(await rejection(rate('no-such-flow', null))).toMatchObject({ code: 'NOT_FOUND', field: 'flow' });
    expect(await rejection(rate('one-trip', 'https://elsewhere.example.com'))).toMatchObject({ code: 'FORBIDDEN', field: 'origin' });
    expect(await rate('one-trip', 'https://portal.example.com')).toMatchObject({ flow: 'one-trip', score: 4 });
    expect(await handle.db.selectFrom('ratings').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow()).toEqual({ count: 31 });
  });
});
