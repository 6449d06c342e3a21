// The public answer path does the least work (issue 19, item 2): the survey's definition is kept
// per process and each response is stored with its answers in one statement that also checks the
// definition is still current. Concurrent answers are neither lost nor duplicated; a survey edited,
// closed or deleted after the definition was kept is honoured; bad input names its field and writes
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { runRest } from '@/server/rest';
import { addDays, quarterlyTemplate, todayOf, type SurveyDraft } from '@/server/surveys/rules';
import { postSurveyResponse } from '@/server/surveys/rest';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
const today = todayOf();

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  await editor.teams.create({ name: 'Payments' });
}, 180_000);
afterAll(async () => handle.close());

let clientCounter = 0;

/** One browser's POST, as the public form sends it. */
async function answer(slug: string, body: unknown) {
  const request = new Request(`http://frictionlog.test/api/v1/surveys/${slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-client': `browser-${++clientCounter}` },
    body: JSON.stringify(body),
  });
  const response = await runRest(handle.db, request, { auth: 'public' }, (ctx) => postSurveyResponse(ctx, slug));
  const json = (await response.json()) as { ok?: true; error?: { code: string; message: string; field: string | null } };
  return { status: response.status, body: json };
}

async function createSurvey(changes: Partial<SurveyDraft> = {}) {
  const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), opensOn: addDays(today, -1), oneAnswerPerBrowser: false, ...changes });
  return editor.surveys.get({ id });
}

function draftOf(survey: Awaited<ReturnType<typeof createSurvey>>): SurveyDraft {
  return {
    title: survey.title,
    intro: survey.intro,
    quarter: survey.quarter,
    opensOn: survey.opensOn,
    closesOn: survey.closesOn,
    asksTeam: survey.asksTeam,
    asksTenure: survey.asksTenure,
    access: survey.access,
    questions: survey.questions.map(({ id, kind, prompt, isRequired, options }) => ({ id, kind, prompt, isRequired, options })),
  };
}

async function stored(surveyId: string) {
  const responses = await handle.db.selectFrom('survey_responses').select(['id', 'team', 'tenure_band']).where('survey_id', '=', surveyId).execute();
  const answers = await handle.db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select(['survey_answers.response_id', 'survey_answers.question_id', 'survey_answers.score', 'survey_answers.choices', 'survey_answers.text_value'])
    .where('survey_responses.survey_id', '=', surveyId)
    .execute();
  return { responses, answers };
}

describe('survey responses in one statement', () => {
  it('stores concurrent answers with all their answers, none lost or duplicated', async () => {
    const survey = await createSurvey();
    const [score, text] = survey.questions;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => answer(survey.slug, { answers: { [score.id]: (i % 10) + 1, [text.id]: `Answer ${i}` }, team: 'payments', tenureBand: '1-3y' })),
    );
    expect(results.map((result) => result.status)).toEqual(Array(40).fill(201));
    const { responses, answers } = await stored(survey.id);
    expect(responses).toHaveLength(40);
    // The directory's spelling of the team, whatever the case typed.
    expect(new Set(responses.map((row) => `${row.team} ${row.tenure_band}`))).toEqual(new Set(['Payments 1-3y']));
    expect(answers).toHaveLength(80);
    expect(new Set(answers.filter((row) => row.question_id === text.id).map((row) => row.text_value))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `Answer ${i}`)));
    expect(answers.filter((row) => row.question_id === score.id).reduce((sum, row) => sum + (row.score ?? 0), 0)).toBe(4 * 55);
  });

  it('stores a multiple choice as its list of choices', async () => {
    const survey = await createSurvey({
      questions: [{ kind: 'multiple_choice', prompt: 'Which tools do you use?', isRequired: true, options: ['CI', 'Staging', 'Logs'] }],
    });
    expect((await answer(survey.slug, { answers: { [survey.questions[0].id]: ['CI', 'Logs'] } })).status).toBe(201);
    expect((await stored(survey.id)).answers.map((row) => row.choices)).toEqual([['CI', 'Logs']]);
  });

  it('honours an edit made after the definition was kept: a new question is answerable at once', async () => {
    const survey = await createSurvey();
    expect((await answer(survey.slug, { answers: { [survey.questions[0].id]: 8 } })).status).toBe(201);
    await editor.surveys.update({
      id: survey.id,
      draft: { ...draftOf(survey), questions: [...draftOf(survey).questions, { kind: 'single_choice', prompt: 'Which environment?', isRequired: false, options: ['Staging', 'Production'] }] },
    });
    const edited = await editor.surveys.get({ id: survey.id });
    const added = edited.questions.find((question) => question.prompt === 'Which environment?')!;
    const result = await answer(survey.slug, { answers: { [survey.questions[0].id]: 9, [added.id]: 'Staging' } });
    expect(result.status).toBe(201);
    expect((await stored(survey.id)).answers.filter((row) => row.question_id === added.id).map((row) => row.choices)).toEqual([['Staging']]);
  });

  it('honours a survey closed or deleted after the definition was kept, writing nothing', async () => {
    const survey = await createSurvey();
    const body = { answers: { [survey.questions[0].id]: 8 } };
    expect((await answer(survey.slug, body)).status).toBe(201);
    await editor.surveys.setClosed({ id: survey.id, isClosed: true });
    const closed = await answer(survey.slug, body);
    expect(closed.status).toBe(409);
    expect(closed.body.error?.message).toContain('This survey is closed');
    expect((await stored(survey.id)).responses).toHaveLength(1);

    await editor.surveys.setClosed({ id: survey.id, isClosed: false });
    expect((await answer(survey.slug, body)).status).toBe(201);
    await editor.surveys.delete({ id: survey.id });
    const gone = await answer(survey.slug, body);
    expect(gone.status).toBe(404);
    expect((await stored(survey.id)).responses).toHaveLength(0);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const survey = await createSurvey();
    const [score] = survey.questions;
    expect((await answer(survey.slug, { answers: { [score.id]: 5 } })).status).toBe(201);
    const outOfRange = await answer(survey.slug, { answers: { [score.id]: 11 } });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error?.field).toBe(`answers.${score.id}`);
    const unknownTeam = await answer(survey.slug, { answers: { [score.id]: 5 }, team: 'Nobody’s team' });
    expect(unknownTeam.status).toBe(400);
    expect(unknownTeam.body.error).toMatchObject({ field: 'team', message: '"Nobody’s team" is not one of the teams listed.' });
    const badBand = await answer(survey.slug, { answers: { [score.id]: 5 }, tenureBand: 'forever' });
    expect(badBand.status).toBe(400);
    expect(badBand.body.error?.field).toBe('tenureBand');
    const { responses, answers } = await stored(survey.id);
    expect([responses.length, answers.length]).toEqual([1, 1]);
  });
});
