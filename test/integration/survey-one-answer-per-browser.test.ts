// An open survey link takes one answer per browser by default (issue 18, item 11): the answer
// marks the browser with a cookie that says only "answered", a second answer from it is refused
// and the form says so, and the owner can switch it off. Anonymity holds: the marker carries
// nothing of the response, and nothing stored on the server refers to the browser.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { runRest } from '@/server/rest';
import { createCaller } from '@/server/root';
import { addDays, answeredMarkerName, quarterlyTemplate, todayOf, type SurveyDraft } from '@/server/surveys/rules';
import { postSurveyResponse } from '@/server/surveys/rest';
import { createContextInner } from '@/server/trpc';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
const today = todayOf();

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
});
afterAll(async () => handle.close());

let clientCounter = 0;

/** One browser's POST, as the public form sends it; `cookie` is what the browser carries. */
async function answer(slug: string, body: unknown, cookie?: string) {
  const request = new Request(`http://frictionlog.test/api/v1/surveys/${slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-client': `browser-${++clientCounter}`, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const response = await runRest(handle.db, request, { auth: 'public' }, (ctx) => postSurveyResponse(ctx, slug));
  const json = (await response.json()) as { ok?: true; error?: { code: string; message: string; field: string | null } };
  return { status: response.status, setCookie: response.headers.get('set-cookie'), body: json };
}

/** The public form as a browser carrying `cookies` sees it. */
function publicFormFor(cookies: Record<string, string>) {
  return createCaller(
    createContextInner({ db: handle.db, user: null, clientKey: 'public-page', cookies: { set: () => undefined, clear: () => undefined, get: (name) => cookies[name] } }),
  ).surveys.publicForm;
}

async function createSurvey(changes: Partial<SurveyDraft> = {}) {
  const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), opensOn: addDays(today, -1), ...changes });
  return editor.surveys.get({ id });
}

const responseIds = async (surveyId: string) =>
  (await handle.db.selectFrom('survey_responses').select('id').where('survey_id', '=', surveyId).execute()).map((row) => row.id);

describe('one answer per browser', () => {
  it('is on by default: the answer marks the browser, a second answer from it is refused and the form says so', async () => {
    const survey = await createSurvey();
    expect(survey.oneAnswerPerBrowser).toBe(true);
    const body = { answers: { [survey.questions[0].id]: 7 } };

    const first = await answer(survey.slug, body);
    expect(first.status).toBe(201);
    const marker = answeredMarkerName(survey.slug);
    expect(first.setCookie).toMatch(new RegExp(`^${marker}=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=\\d+$`));
    const cookie = first.setCookie!.split(';')[0];

    expect((await publicFormFor({})({ slug: survey.slug })).state).toBe('open');
    const marked = await publicFormFor({ [marker]: '1' })({ slug: survey.slug });
    expect(marked.state).toBe('already-answered');

    const second = await answer(survey.slug, body, cookie);
    expect(second.status).toBe(409);
    expect(second.body.error?.message).toMatch(/this browser has already answered/i);
    expect(await responseIds(survey.id)).toHaveLength(1);

    // Another browser (no marker) still answers; a marker of another survey does not count.
    expect((await answer(survey.slug, body, `${answeredMarkerName('another-survey')}=1`)).status).toBe(201);
    expect(await responseIds(survey.id)).toHaveLength(2);
  });

  it('carries nothing of the response and leaves nothing on the server that ties a browser to its answer', async () => {
    const survey = await createSurvey({ quarter: '2031-Q2' });
    const questionId = survey.questions[0].id;
    const markers = [];
    for (const score of [3, 9]) markers.push((await answer(survey.slug, { answers: { [questionId]: score } })).setCookie);
    // Two different answers mark their browsers identically: the marker holds no id, no time, no score.
    expect(markers[0]).toBe(markers[1]);
    for (const id of await responseIds(survey.id)) expect(markers[0]).not.toContain(id);
    expect(markers[0]!.split(';')[0]).toBe(`${answeredMarkerName(survey.slug)}=1`);

    // The only column about browsers is the survey's switch; no table keeps markers or clients.
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and (column_name like '%browser%' or column_name like '%cookie%' or column_name like '%answered%')
    `.execute(handle.db);
    expect(columns.rows).toEqual([{ table_name: 'surveys', column_name: 'one_answer_per_browser' }]);
    const responseColumns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'survey_responses' order by column_name
    `.execute(handle.db);
    expect(responseColumns.rows.map((row) => row.column_name)).toEqual(['id', 'origin', 'submitted_on', 'survey_id', 'team', 'tenure_band']);
  });

  it('can be switched off by the owner: the same browser answers again and is not marked', async () => {
    const survey = await createSurvey({ quarter: '2031-Q3' });
    const { id, slug, questions } = survey;
    const body = { answers: { [questions[0].id]: 5 } };
    const cookie = (await answer(slug, body)).setCookie!.split(';')[0];

    const draft: SurveyDraft = {
      title: survey.title,
      intro: survey.intro,
      quarter: survey.quarter,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      asksTeam: survey.asksTeam,
      asksTenure: survey.asksTenure,
      access: survey.access,
      oneAnswerPerBrowser: false,
      questions: survey.questions.map(({ id: questionId, kind, prompt, isRequired, options }) => ({ id: questionId, kind, prompt, isRequired, options })),
    };
    await editor.surveys.update({ id, draft });
    expect((await editor.surveys.get({ id })).oneAnswerPerBrowser).toBe(false);
    const form = await publicFormFor({ [answeredMarkerName(slug)]: '1' })({ slug });
    expect(form).toMatchObject({ state: 'open', oneAnswerPerBrowser: false });

    const again = await answer(slug, body, cookie);
    expect(again.status).toBe(201);
    expect(again.setCookie).toBeNull();
    expect(await responseIds(id)).toHaveLength(2);

    // An edit that does not mention the switch leaves it as it is.
    const { oneAnswerPerBrowser: _omitted, ...withoutSwitch } = draft;
    await editor.surveys.update({ id, draft: withoutSwitch });
    expect((await editor.surveys.get({ id })).oneAnswerPerBrowser).toBe(false);

    // Run again next quarter: the copy keeps the owner's choice.
    const { id: nextId } = await editor.surveys.runAgain({ id });
    expect((await editor.surveys.get({ id: nextId })).oneAnswerPerBrowser).toBe(false);
  });

  it('refuses a switch that is not true or false, naming the field, and changes nothing', async () => {
    const survey = await createSurvey({ quarter: '2031-Q4' });
    const { id, ...draft } = { id: survey.id, ...quarterlyTemplate(today), quarter: survey.quarter, oneAnswerPerBrowser: 'yes' as unknown as boolean };
    const error = await rejection(editor.surveys.update({ id, draft }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/oneAnswerPerBrowser|more than once/);
    expect((await editor.surveys.get({ id })).oneAnswerPerBrowser).toBe(true);
  });

  it('does not apply to invitation links: each invitation answers once, whatever the browser carries', async () => {
    await addParticipant(handle, { name: 'Invited Ines', teamName: 'Browser team' });
    await addParticipant(handle, { name: 'Invited Ivo', teamName: 'Browser team' });
    const survey = await createSurvey({ quarter: '2032-Q1', access: 'invitation' });
    const { invitations } = await editor.surveys.createInvitations({ id: survey.id, teamId: null });
    const tokens = invitations.map((invitation) => new URL(invitation.link).searchParams.get('i')!);
    const marker = `${answeredMarkerName(survey.slug)}=1`;
    const body = (invitation: string) => ({ answers: { [survey.questions[0].id]: 6 }, invitation });

    const first = await answer(survey.slug, body(tokens[0]), marker);
    expect(first.status).toBe(201);
    expect(first.setCookie).toBeNull();
    expect((await publicFormFor({ [answeredMarkerName(survey.slug)]: '1' })({ slug: survey.slug, invitation: tokens[1] })).state).toBe('open');
    expect((await answer(survey.slug, body(tokens[1]), marker)).status).toBe(201);
  });
});
