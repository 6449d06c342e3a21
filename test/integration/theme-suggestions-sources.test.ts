// "Fits theme X" beside raw survey free-text answers and developers' requests that are not evidence
// yet: the fits name the theme and the shared words, nothing about who answered, nothing is tagged
// until a person saves the item as evidence (one transaction through evidence.create), and bad input
// is refused naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { submitRequest } from '@/server/requests/service';
import { newVoterToken } from '@/server/roadmap/voter';
import { addDays, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { submitSurveyResponse } from '@/server/surveys/service-responses';
import { callerAs, callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addTheme } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
const today = todayOf();
const fieldOf = (error: { cause?: unknown }) => (error.cause as { field?: string }).field;
const countTags = async () => (await handle.db.selectFrom('evidence_themes').select('evidence_id').execute()).length;
const countEvidence = async () => (await handle.db.selectFrom('evidence').select('id').execute()).length;
const countDismissals = async () => (await handle.db.selectFrom('theme_suggestion_dismissals').select('id').execute()).length;
const ask = (title: string, details: string) => submitRequest(handle.db, { title, details, email: 'dev@example.com', voterToken: newVoterToken() });

let staging: { id: string };
let flaky: { id: string };

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
  staging = await addTheme(handle, 'Getting a staging database takes days');
  flaky = await addTheme(handle, 'The CI pipeline is flaky');
  for (const excerpt of ['We wait two days for a staging database every time', 'The staging database request sits in a queue for days']) {
    await addEvidence(handle, { themeIds: [staging.id], excerpt });
  }
  for (const excerpt of ['The pipeline fails on flaky tests', 'Flaky integration tests make the pipeline red']) {
    await addEvidence(handle, { themeIds: [flaky.id], excerpt });
  }
});
afterAll(async () => handle.close());

async function surveyWithAnswers(quarter: string, texts: string[]) {
  const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), quarter, opensOn: addDays(today, -1) });
  const survey = await editor.surveys.get({ id });
  const [score, text] = [survey.questions.find((question) => question.kind === 'scale_10')!, survey.questions.find((question) => question.kind === 'free_text')!];
  for (const answer of texts) {
    await submitSurveyResponse(handle.db, { slug: survey.slug, submission: { answers: { [score.id]: 5, [text.id]: answer } }, today });
  }
  const { rows } = await viewer.surveys.freeText({ id });
  return { survey, text, rows };
}

describe('survey free-text answers', () => {
  it('suggests the theme an answer fits with the shared words, reveals no respondent, and tags only when a person saves it', async () => {
    const { survey, rows } = await surveyWithAnswers('2031-Q1', ['Still waiting for a staging database after a week', 'Lunch is fine']);
    const tagsBefore = await countTags();
    const result = await viewer.themes.suggestForSurveyAnswers({ surveyId: survey.id, answers: rows.map(({ responseId, questionId }) => ({ responseId, questionId })) });
    const waiting = result.answers.find((answer) => answer.responseId === rows.find((row) => row.text.startsWith('Still'))!.responseId)!;
    expect(waiting.fits[0]).toMatchObject({ themeId: staging.id, themeTitle: 'Getting a staging database takes days' });
    expect(waiting.fits[0].words).toEqual(expect.arrayContaining(['staging database']));
    expect(result.answers.find((answer) => answer !== waiting)?.fits).toEqual([]);
    // Only the keys the results page already shows and the fits: no team, tenure, date or participant.
    expect(Object.keys(waiting).sort()).toEqual(['fits', 'isEvidence', 'questionId', 'responseId']);
    expect(await countTags()).toBe(tagsBefore);

    // Accepting: the existing "Save as evidence" path, tagged to the suggested theme in one transaction.
    const saved = await editor.evidence.create({
      sourceKind: 'survey',
      sourceId: waiting.responseId,
      anchor: waiting.questionId,
      excerpt: 'Still waiting for a staging database after a week',
      themeIds: [waiting.fits[0].themeId],
    });
    expect(saved.themeIds).toEqual([staging.id]);
    expect((await editor.evidence.get({ id: saved.id }))?.participantId).toBeNull();
    const again = await viewer.themes.suggestForSurveyAnswers({ surveyId: survey.id, answers: [{ responseId: waiting.responseId, questionId: waiting.questionId }] });
    expect(again.answers[0]).toMatchObject({ isEvidence: true, fits: [] });
  });

  it('refuses an unknown survey, an answer of another survey and a malformed id, naming the field', async () => {
    const { rows } = await surveyWithAnswers('2031-Q2', ['The pipeline is flaky again']);
    const other = await surveyWithAnswers('2031-Q3', ['Flaky tests']);
    const key = { responseId: rows[0].responseId, questionId: rows[0].questionId };
    const unknown = await rejection(viewer.themes.suggestForSurveyAnswers({ surveyId: crypto.randomUUID(), answers: [key] }));
    expect([unknown.code, fieldOf(unknown)]).toEqual(['NOT_FOUND', 'surveyId']);
    const foreign = await rejection(viewer.themes.suggestForSurveyAnswers({ surveyId: other.survey.id, answers: [key] }));
    expect([foreign.code, fieldOf(foreign)]).toEqual(['BAD_REQUEST', 'answers']);
    expect(foreign.message).toBe('1 of these are not free-text answers of this survey. Reload the answers.');
    const malformed = await rejection(viewer.themes.suggestForSurveyAnswers({ surveyId: other.survey.id, answers: [{ responseId: 'x', questionId: key.questionId }] }));
    expect(malformed.code).toBe('BAD_REQUEST');
    const tooMany = await rejection(
      viewer.themes.suggestForSurveyAnswers({ surveyId: other.survey.id, answers: Array.from({ length: 201 }, () => key) }),
    );
    expect(tooMany.message).toMatch(/at most 200 answers/);
    const anonymous = await rejection(
      callerAs(handle, null).themes.suggestForSurveyAnswers({ surveyId: other.survey.id, answers: [key] }),
    );
    expect(anonymous.code).toBe('UNAUTHORIZED');
  });
});

describe('"Not this theme" beside survey answers', () => {
  it('is remembered: the dismissed fit is not offered beside that answer again, other answers still get it', async () => {
    const { survey, rows } = await surveyWithAnswers('2032-Q1', ['Waiting days for a staging database again', 'A staging database takes days to arrive']);
    const keys = rows.map(({ responseId, questionId }) => ({ responseId, questionId }));
    const before = await viewer.themes.suggestForSurveyAnswers({ surveyId: survey.id, answers: keys });
    expect(before.answers.map((answer) => answer.fits[0]?.themeId)).toEqual([staging.id, staging.id]);
    const dismissed = await countDismissals();
    await editor.themes.dismissAnswerFit({ surveyId: survey.id, ...keys[0], themeId: staging.id });
    await editor.themes.dismissAnswerFit({ surveyId: survey.id, ...keys[0], themeId: staging.id });
    expect(await countDismissals()).toBe(dismissed + 1);
    const row = await handle.db.selectFrom('theme_suggestion_dismissals').selectAll().where('response_id', '=', keys[0].responseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ evidence_id: null, request_id: null, question_id: keys[0].questionId, theme_id: staging.id, cluster_term: null });
    const after = await viewer.themes.suggestForSurveyAnswers({ surveyId: survey.id, answers: keys });
    const fitsOf = (key: (typeof keys)[number]) => after.answers.find((answer) => answer.responseId === key.responseId)!.fits.map((fit) => fit.themeId);
    expect(fitsOf(keys[0])).not.toContain(staging.id);
    expect(fitsOf(keys[1])).toEqual([staging.id]);
  });

  it('refuses a viewer, an answer of another survey, a theme that is gone and a malformed id, writing nothing', async () => {
    const { survey, rows } = await surveyWithAnswers('2032-Q2', ['Flaky pipeline tests']);
    const other = await surveyWithAnswers('2032-Q3', ['Flaky tests']);
    const key = { responseId: rows[0].responseId, questionId: rows[0].questionId };
    const dismissed = await countDismissals();
    expect((await rejection(viewer.themes.dismissAnswerFit({ surveyId: survey.id, ...key, themeId: flaky.id }))).code).toBe('FORBIDDEN');
    const foreign = await rejection(editor.themes.dismissAnswerFit({ surveyId: other.survey.id, ...key, themeId: flaky.id }));
    expect([foreign.code, fieldOf(foreign)]).toEqual(['NOT_FOUND', 'responseId']);
    const gone = await rejection(editor.themes.dismissAnswerFit({ surveyId: survey.id, ...key, themeId: crypto.randomUUID() }));
    expect([gone.code, fieldOf(gone)]).toEqual(['NOT_FOUND', 'themeId']);
    expect((await rejection(editor.themes.dismissAnswerFit({ surveyId: survey.id, ...key, themeId: 'x' }))).code).toBe('BAD_REQUEST');
    expect(await countDismissals()).toBe(dismissed);
  });
});

describe('"Not this theme" beside requests', () => {
  it('is remembered, goes with its request, and a row names exactly one subject', async () => {
    const request = await ask('The pipeline is flaky', 'Flaky tests make the pipeline red');
    expect((await viewer.themes.suggestForRequests({ requestIds: [request.id] })).requests[0].fits[0]?.themeId).toBe(flaky.id);
    await editor.themes.dismissRequestFit({ requestId: request.id, themeId: flaky.id });
    await editor.themes.dismissRequestFit({ requestId: request.id, themeId: flaky.id });
    const fits = (await viewer.themes.suggestForRequests({ requestIds: [request.id] })).requests[0].fits;
    expect(fits.map((fit) => fit.themeId)).not.toContain(flaky.id);
    const rows = await handle.db.selectFrom('theme_suggestion_dismissals').select(['request_id', 'evidence_id', 'theme_id']).where('request_id', '=', request.id).execute();
    expect(rows).toEqual([{ request_id: request.id, evidence_id: null, theme_id: flaky.id }]);
    // The table's check: one subject per row, and a group only over evidence.
    const [evidence] = await handle.db.selectFrom('evidence').select('id').limit(1).execute();
    await expect(
      handle.db.insertInto('theme_suggestion_dismissals').values({ evidence_id: evidence.id, request_id: request.id, theme_id: flaky.id }).execute(),
    ).rejects.toThrow(/theme_suggestion_dismissals_one_subject/);
    await expect(
      handle.db.insertInto('theme_suggestion_dismissals').values({ request_id: request.id, cluster_term: 'flaki' }).execute(),
    ).rejects.toThrow(/theme_suggestion_dismissals_one_subject/);
    await handle.db.deleteFrom('roadmap_requests').where('id', '=', request.id).execute();
    expect(await handle.db.selectFrom('theme_suggestion_dismissals').select('id').where('request_id', '=', request.id).execute()).toEqual([]);
  });

  it('refuses a viewer, a request or theme that is gone, writing nothing', async () => {
    const request = await ask('Flaky tests', 'The pipeline again');
    const dismissed = await countDismissals();
    expect((await rejection(viewer.themes.dismissRequestFit({ requestId: request.id, themeId: flaky.id }))).code).toBe('FORBIDDEN');
    const missing = await rejection(editor.themes.dismissRequestFit({ requestId: crypto.randomUUID(), themeId: flaky.id }));
    expect([missing.code, fieldOf(missing)]).toEqual(['NOT_FOUND', 'requestId']);
    const gone = await rejection(editor.themes.dismissRequestFit({ requestId: request.id, themeId: crypto.randomUUID() }));
    expect([gone.code, fieldOf(gone)]).toEqual(['NOT_FOUND', 'themeId']);
    expect(await countDismissals()).toBe(dismissed);
  });
});

describe('requests', () => {
  it('suggests themes for requests that are not evidence yet and stops once one is saved', async () => {
    const pipeline = await ask('Make the pipeline less flaky', 'Flaky tests make every pipeline red twice a day');
    const unrelated = await ask('A dark theme', 'Please');
    const evidenceBefore = await countEvidence();
    const result = await viewer.themes.suggestForRequests({ requestIds: [pipeline.id, unrelated.id] });
    const byId = new Map(result.requests.map((request) => [request.requestId, request]));
    expect(byId.get(pipeline.id)?.fits[0]).toMatchObject({ themeId: flaky.id, words: expect.arrayContaining(['flaky tests']) });
    expect(byId.get(unrelated.id)?.fits).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('dev@example.com');
    expect(await countEvidence()).toBe(evidenceBefore);

    await editor.evidence.create({ sourceKind: 'request', sourceId: pipeline.id, excerpt: 'Flaky tests make every pipeline red', themeIds: [flaky.id] });
    expect((await viewer.themes.suggestForRequests({ requestIds: [pipeline.id] })).requests[0]).toMatchObject({ isEvidence: true, fits: [] });
  });

  it('refuses a request that does not exist, naming the field, and writes nothing', async () => {
    const evidenceBefore = await countEvidence();
    const missing = await rejection(viewer.themes.suggestForRequests({ requestIds: [crypto.randomUUID()] }));
    expect([missing.code, fieldOf(missing)]).toEqual(['NOT_FOUND', 'requestIds']);
    expect((await rejection(viewer.themes.suggestForRequests({ requestIds: ['nope'] }))).code).toBe('BAD_REQUEST');
    expect(await countEvidence()).toBe(evidenceBefore);
  });
});
