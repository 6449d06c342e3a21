// Surveys end to end through the router and the public REST endpoint: build, answer without an
// account, edit after responses, single-use invitations, results with small groups hidden, the
// trend across runs, free-text search and evidence, and every bad input of the issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '@/db/create-db';
import { errorResponse, runRest } from '@/server/rest';
import { addDays, quarterlyTemplate, todayOf, type SurveyDraft } from '@/server/surveys/rules';
import { postSurveyResponse } from '@/server/surveys/rest';
import { submitSurveyResponse } from '@/server/surveys/service-responses';
import { callerAs, callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';
import { jsonPost, restContextAs, untilStatusChanges } from '@/test/helpers/rest';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
const today = todayOf();

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
});
afterAll(async () => handle.close());


/** Answers through the REST endpoint, as the public form does; returns status and JSON body. */
async function answerByRest(slug: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://frictionlog.test/api/v1/surveys/${slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const response = await runRest(handle.db, request, { auth: 'public' }, (ctx) => postSurveyResponse(ctx, slug));
  return { status: response.status, body: (await response.json()) as { ok?: true; error?: { code: string; message: string; field: string | null; details: { problems?: { questionId: string; message: string }[] } | null } } };
}

/** Many respondents at once (the service: the rate limit belongs to the endpoint and is not what is tested). */
async function answerMany(slug: string, submissions: Parameters<typeof submitSurveyResponse>[1]['submission'][]) {
  for (const submission of submissions) {
    await submitSurveyResponse(handle.db, { slug, submission, today });
  }
}

async function createSurvey(changes: Partial<SurveyDraft> = {}) {
  const draft = { ...quarterlyTemplate(today), opensOn: addDays(today, -1), ...changes };
  const { id } = await editor.surveys.create(draft);
  return editor.surveys.get({ id });
}

const countRows = async (table: 'survey_responses' | 'survey_answers') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('survey lifecycle', () => {
  it('builds the quarterly template, answers it without an account and shows the results', async () => {
    const survey = await createSurvey({
      questions: [
        ...quarterlyTemplate(today).questions,
        { kind: 'multiple_choice', prompt: 'Which parts do you use?', isRequired: false, options: ['CI', 'Deploys', 'Observability'] },
      ],
    });
    expect(survey.state).toBe('open');
    expect(survey.slug).toMatch(/^quarterly-platform-satisfaction-[a-z2-9]{8}$/);
    const [score, improve, parts] = survey.questions;

    const form = await callerAs(handle, null).surveys.publicForm({ slug: survey.slug });
    expect(form.state).toBe('open');
    expect(form.questions.map((question) => question.prompt)).toEqual(survey.questions.map((question) => question.prompt));

    const ok = await answerByRest(survey.slug, { answers: { [score.id]: 8, [improve.id]: '  Faster CI please  ', [parts.id]: ['Deploys', 'CI'] } });
    expect(ok).toEqual({ status: 201, body: { ok: true } });
    const stored = await handle.db.selectFrom('survey_answers').select(['score', 'choices', 'text_value']).orderBy('score').execute();
    expect(stored).toEqual(
      expect.arrayContaining([
        { score: 8, choices: null, text_value: null },
        { score: null, choices: ['CI', 'Deploys'], text_value: null },
        { score: null, choices: null, text_value: 'Faster CI please' },
      ]),
    );

    const results = await viewer.surveys.results({ id: survey.id });
    expect(results.responseCount).toBe(1);
    expect(results.headlineQuestionId).toBe(score.id);
    const scoreResult = results.questions.find((question) => question.id === score.id)!;
    expect(scoreResult.scale).toMatchObject({ min: 1, max: 10, mean: 8, health: 'healthy' });
    expect(scoreResult.scale!.distribution).toHaveLength(10);
    expect(results.questions.find((question) => question.id === parts.id)!.choices).toEqual([
      { option: 'CI', count: 1 },
      { option: 'Deploys', count: 1 },
      { option: 'Observability', count: 0 },
    ]);
    expect((await viewer.surveys.list()).find((row) => row.id === survey.id)).toMatchObject({ responseCount: 1, headline: { kind: 'scale_10', mean: 8 } });
  });

  it('says when a survey is not open yet or closed, and takes no answers then', async () => {
    const later = await createSurvey({ opensOn: addDays(today, 3), closesOn: addDays(today, 10), quarter: '2031-Q1' });
    expect((await editor.surveys.publicForm({ slug: later.slug })).state).toBe('scheduled');
    expect((await editor.surveys.publicForm({ slug: later.slug })).questions).toEqual([]);
    const before = await countRows('survey_responses');
    const early = await answerByRest(later.slug, { answers: { [later.questions[0].id]: 7 } });
    expect(early.status).toBe(409);
    expect(early.body.error!.message).toContain(`opens on ${addDays(today, 3)}`);

    const open = await createSurvey();
    await editor.surveys.setClosed({ id: open.id, isClosed: true });
    expect((await editor.surveys.publicForm({ slug: open.slug })).state).toBe('closed');
    const late = await answerByRest(open.slug, { answers: { [open.questions[0].id]: 7 } });
    expect(late.status).toBe(409);
    expect(late.body.error!.message).toMatch(/^This survey is closed/);
    expect(await countRows('survey_responses')).toBe(before);

    await editor.surveys.setClosed({ id: open.id, isClosed: false });
    expect((await editor.surveys.publicForm({ slug: open.slug })).state).toBe('open');
    expect((await rejection(viewer.surveys.setClosed({ id: open.id, isClosed: true }))).code).toBe('FORBIDDEN');
    expect((await rejection(editor.surveys.publicForm({ slug: 'no-such-survey' }))).code).toBe('NOT_FOUND');
  });

  it('runs again next quarter in the same series and draws the trend across runs', async () => {
    const first = await createSurvey({ quarter: '2030-Q2' });
    await answerMany(first.slug, [6, 7, 8].map((score) => ({ answers: { [first.questions[0].id]: score } })));
    const { id: secondId, quarter } = await editor.surveys.runAgain({ id: first.id });
    expect(quarter).toBe('2030-Q3');
    const second = await editor.surveys.get({ id: secondId });
    expect(second.seriesId).toBe(first.seriesId);
    expect(second.questions.map((question) => question.seriesKey)).toEqual(first.questions.map((question) => question.seriesKey));
    expect(second.slug).not.toBe(first.slug);
    expect(second.runs.map((run) => run.quarter)).toEqual(['2030-Q2', '2030-Q3']);

    await editor.surveys.update({ id: second.id, draft: { ...draftOf(second), opensOn: addDays(today, -1), closesOn: addDays(today, 5) } });
    await answerMany(second.slug, [9, 9].map((score) => ({ answers: { [second.questions[0].id]: score } })));
    const trend = await viewer.surveys.trend({ id: second.id });
    expect(trend.kind).toBe('scale_10');
    expect(trend.bands).toEqual({ healthy: 7.5, warning: 6.5 });
    expect(trend.points.map((point) => [point.quarter, point.mean, point.answerCount])).toEqual([
      ['2030-Q2', 7, 3],
      ['2030-Q3', 9, 2],
    ]);

    // A second run for a quarter the series already has is refused by name.
    const clash = await rejection(editor.surveys.update({ id: second.id, draft: { ...draftOf(second), quarter: '2030-Q2' } }));
    expect(clash.message).toBe('This survey already has a run for 2030-Q2. Choose another quarter.');

    await editor.surveys.delete({ id: first.id });
    expect((await editor.surveys.trend({ id: second.id })).points.map((point) => point.quarter)).toEqual(['2030-Q3']);
  });
});

describe('response rate', () => {
  it('divides by the developers in the directory in the trend, capped at 100% and flagged when responses exceed them', async () => {
    const survey = await createSurvey({ quarter: '2031-Q1' });
    await addParticipant(handle, { name: 'Rate developer' });
    const directory = (await viewer.surveys.trend({ id: survey.id })).directorySize;
    await answerMany(survey.slug, Array.from({ length: directory + 2 }, () => ({ answers: { [survey.questions[0].id]: 7 } })));
    const over = await viewer.surveys.trend({ id: survey.id });
    expect(over.points.at(-1)).toMatchObject({ responseCount: directory + 2, responseRate: 1, isResponseRateCapped: true });
    // The survey's own figure (no invitations: the directory is its audience) is capped the same way.
    expect(await viewer.surveys.get({ id: survey.id })).toMatchObject({ responseRate: 1, isResponseRateCapped: true });

    for (let index = 0; index < 10; index += 1) await addParticipant(handle, { name: `Rate developer ${index + 1}` });
    const under = await viewer.surveys.trend({ id: survey.id });
    expect(under.directorySize).toBe(directory + 10);
    expect(under.points.at(-1)).toMatchObject({ responseRate: Math.round(((directory + 2) / (directory + 10)) * 10_000) / 10_000, isResponseRateCapped: false });
  });
});

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

describe('bad answers: a clear message per question, and nothing written', () => {
  let survey: Awaited<ReturnType<typeof createSurvey>>;
  beforeAll(async () => {
    survey = await createSurvey({
      questions: [
        { kind: 'scale_10', prompt: 'Rate the platform', isRequired: true, options: [] },
        { kind: 'single_choice', prompt: 'Main language', isRequired: false, options: ['Go', 'Java'] },
        { kind: 'free_text', prompt: 'Anything else?', isRequired: false, options: [] },
      ],
    });
  });

  async function refused(body: unknown) {
    const before = await countRows('survey_responses');
    const result = await answerByRest(survey.slug, body);
    expect(await countRows('survey_responses')).toBe(before);
    return result;
  }

  it('refuses a missing required answer', async () => {
    const result = await refused({ answers: { [survey.questions[2].id]: 'only the comment' } });
    expect(result.status).toBe(400);
    expect(result.body.error!.details!.problems).toEqual([{ questionId: survey.questions[0].id, message: 'This question needs an answer.' }]);
    expect(result.body.error!.field).toBe(`answers.${survey.questions[0].id}`);
  });

  it.each([0, 11, 3.5, 'ten', '7', null])('refuses %j on a 1-10 question', async (score) => {
    const result = await refused({ answers: { [survey.questions[0].id]: score } });
    expect(result.status).toBe(400);
    const message = result.body.error!.details!.problems![0].message;
    expect(message).toMatch(score === null ? /needs an answer/ : /^Choose a whole number from 1 to 10/);
  });

  it('refuses a choice that is not offered', async () => {
    const result = await refused({ answers: { [survey.questions[0].id]: 5, [survey.questions[1].id]: 'Rust' } });
    expect(result.body.error!.details!.problems).toEqual([{ questionId: survey.questions[1].id, message: '"Rust" is not one of the choices.' }]);
  });

  it('refuses an answer to a question of another survey', async () => {
    const other = await createSurvey({ quarter: '2031-Q3' });
    const result = await refused({ answers: { [survey.questions[0].id]: 5, [other.questions[0].id]: 5 } });
    expect(result.status).toBe(400);
    expect(result.body.error!.details!.problems).toEqual([
      { questionId: other.questions[0].id, message: 'This answer is for a question that is not in this survey.' },
    ]);
  });

  it('refuses malformed and oversized bodies, unknown surveys and teams it does not ask for', async () => {
    expect((await refused('{not json')).status).toBe(400);
    expect((await refused({ answers: 'all good' })).body.error!.message).toMatch(/^Field "answers": /);
    const huge = await refused({ answers: { [survey.questions[0].id]: 5, [survey.questions[2].id]: 'x'.repeat(300_000) } });
    expect(huge.status).toBe(413);
    const long = await refused({ answers: { [survey.questions[0].id]: 5, [survey.questions[2].id]: 'x'.repeat(100_000) } });
    expect(long.body.error!.details!.problems![0].message).toBe('Keep the answer under 5,000 characters (it has 100,000).');
    expect((await refused({ answers: { [survey.questions[0].id]: 5 }, team: 'Nonexistent team' })).body.error!.message).toBe(
      '"Nonexistent team" is not one of the teams listed.',
    );
    const noTenure = await createSurvey({ quarter: '2031-Q4', asksTenure: false });
    const tenure = await answerByRest(noTenure.slug, { answers: { [noTenure.questions[0].id]: 5 }, tenureBand: '1-3y' });
    expect(tenure.body.error!.message).toBe('This survey does not ask for a tenure band.');
    const unknown = await answerByRest('no-such-survey', { answers: {} });
    expect(unknown.status).toBe(404);
  });

  it('refuses a NUL in a free-text answer naming the field, and stores other control characters as plain text without them', async () => {
    const textQuestion = survey.questions[2].id;
    const countAnswers = async () => (await handle.db.selectFrom('survey_answers').select((eb) => eb.fn.countAll<string>().as('n')).where('question_id', '=', textQuestion).executeTakeFirstOrThrow()).n;
    const before = await countAnswers();
    const refused = await answerByRest(survey.slug, { answers: { [survey.questions[0].id]: 4, [textQuestion]: 'a\u0000b' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain(textQuestion);
    expect(await countAnswers()).toBe(before);
    const ok = await answerByRest(survey.slug, { answers: { [survey.questions[0].id]: 4, [textQuestion]: 'ab\u0007c <b>d</b>' } });
    expect(ok.status).toBe(201);
    const rows = await handle.db.selectFrom('survey_answers').select('text_value').where('question_id', '=', textQuestion).execute();
    expect(rows.map((row) => row.text_value)).toContain('abc <b>d</b>');
  });

  it('rate limits one client', async () => {
    const limited = await createSurvey({ quarter: '2032-Q1' });
    const submit = () =>
      postSurveyResponse(restContextAs(handle.db, 'one-client', jsonPost(`/api/v1/surveys/${limited.slug}/responses`, { answers: { [limited.questions[0].id]: 5 } })), limited.slug).catch(
        (error: unknown) => errorResponse(error),
      );
    // The limit is 60 a minute in fixed windows; should the minute turn during the loop, the next
    // window refuses its 61st instead.
    const { accepted, refused } = await untilStatusChanges(submit, 201, 130);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } } });
    expect(accepted).toBeGreaterThanOrEqual(60);
  });
});

describe('edits once responses exist', () => {
  it('allows rewording, new choices and optional questions; refuses what would break answers', async () => {
    const survey = await createSurvey({
      quarter: '2029-Q1',
      questions: [
        { kind: 'scale_10', prompt: 'Rate the platform', isRequired: true, options: [] },
        { kind: 'single_choice', prompt: 'Main language', isRequired: false, options: ['Go', 'Java'] },
      ],
    });
    const draft = draftOf(survey);
    // Before any response, anything goes.
    await editor.surveys.update({ id: survey.id, draft: { ...draft, questions: [draft.questions[0]] } });
    await editor.surveys.update({ id: survey.id, draft: { ...draft, questions: [draft.questions[0], { ...draft.questions[1], id: null }] } });
    const fresh = await editor.surveys.get({ id: survey.id });
    const base = draftOf(fresh);
    await answerMany(fresh.slug, [{ answers: { [fresh.questions[0].id]: 7, [fresh.questions[1].id]: 'Go' } }]);

    const [score, language] = base.questions;
    const cases: [string, SurveyDraft['questions'], RegExp][] = [
      ['remove a question', [score], /"Main language" already has answers, so it cannot be removed/],
      ['retype a question', [{ ...score, kind: 'scale_5' }, language], /cannot become scale 1-5/],
      ['rename a choice', [score, { ...language, options: ['Golang', 'Java'] }], /the choice "Go" may already be chosen/],
      ['make a question required', [score, { ...language, isRequired: true }], /cannot become required/],
      ['add a required question', [score, language, { kind: 'free_text', prompt: 'Why?', isRequired: true, options: [] }], /must be optional/],
    ];
    for (const [label, questions, message] of cases) {
      const error = await rejection(editor.surveys.update({ id: survey.id, draft: { ...base, questions } }));
      expect(error.code, label).toBe('CONFLICT');
      expect(error.message, label).toMatch(message);
    }
    expect((await editor.surveys.get({ id: survey.id })).questions).toHaveLength(2);

    await editor.surveys.update({
      id: survey.id,
      draft: {
        ...base,
        title: 'Platform satisfaction, reworded',
        questions: [
          { ...language, options: ['Go', 'Java', 'Python'] },
          { ...score, prompt: 'How would you rate the platform?' },
          { kind: 'free_text', prompt: 'Why?', isRequired: false, options: [] },
        ],
      },
    });
    const edited = await editor.surveys.get({ id: survey.id });
    expect(edited.questions.map((question) => question.prompt)).toEqual(['Main language', 'How would you rate the platform?', 'Why?']);
    expect((await editor.surveys.results({ id: survey.id })).questions.find((question) => question.kind === 'scale_10')!.scale!.mean).toBe(7);

    const foreign = await createSurvey({ quarter: '2029-Q2' });
    const stolen = await rejection(
      editor.surveys.update({ id: survey.id, draft: { ...base, questions: [...base.questions, { ...draftOf(foreign).questions[0], isRequired: false }] } }),
    );
    expect(stolen.message).toBe('A question in this form belongs to another survey. Reload the page and edit again.');
  });

  it('refuses an invalid draft naming the field', async () => {
    const error = await rejection(
      editor.surveys.create({ ...quarterlyTemplate(today), closesOn: addDays(today, -3), questions: [{ kind: 'single_choice', prompt: 'Pick', isRequired: true, options: ['One'] }] }),
    );
    expect(error.message).toBe('questions.0.options: Offer at least two choices');
    expect((await rejection(viewer.surveys.create(quarterlyTemplate(today)))).code).toBe('FORBIDDEN');
  });
});

describe('single-use invitations', () => {
  it('lets each invited developer answer once, without linking the answer to anyone', async () => {
    for (const name of ['Ada', 'Bo', 'Cy']) await addParticipant(handle, { name, teamName: 'Invite team' });
    await addParticipant(handle, { name: 'Gone', teamName: 'Invite team', isArchived: true });
    const team = await handle.db.selectFrom('teams').select('id').where('name', '=', 'Invite team').executeTakeFirstOrThrow();
    const survey = await createSurvey({ quarter: '2028-Q1', access: 'invitation' });

    const { invitations } = await editor.surveys.createInvitations({ id: survey.id, teamId: team.id });
    expect(invitations.map((invitation) => invitation.name)).toEqual(['Ada', 'Bo', 'Cy']);
    expect((await editor.surveys.createInvitations({ id: survey.id, teamId: team.id })).invitations).toEqual([]);
    const tokenOf = (link: string) => new URL(link).searchParams.get('i')!;
    const [ada, bo] = invitations.map((invitation) => tokenOf(invitation.link));
    expect(invitations[0].link).toMatch(new RegExp(`^http://localhost:3000/s/${survey.slug}\\?i=`));

    const answer = { [survey.questions[0].id]: 6 };
    expect((await editor.surveys.publicForm({ slug: survey.slug })).state).toBe('invitation-required');
    expect((await answerByRest(survey.slug, { answers: answer })).status).toBe(403);
    expect((await editor.surveys.publicForm({ slug: survey.slug, invitation: ada })).state).toBe('open');
    expect((await answerByRest(survey.slug, { answers: answer, invitation: ada })).status).toBe(201);
    expect((await editor.surveys.publicForm({ slug: survey.slug, invitation: ada })).state).toBe('open');

    const reused = await answerByRest(survey.slug, { answers: answer, invitation: ada });
    expect(reused.status).toBe(409);
    expect(reused.body.error!.message).toBe('This invitation link has already been used: each link answers once.');
    const forged = await answerByRest(survey.slug, { answers: answer, invitation: `${bo.slice(0, -2)}xx` });
    expect(forged.status).toBe(403);
    expect(forged.body.error!.message).toMatch(/^This invitation link is not valid for this survey/);
    expect((await editor.surveys.publicForm({ slug: survey.slug, invitation: 'forged' })).state).toBe('invitation-invalid');

    // A bad answer does not use the invitation up.
    expect((await answerByRest(survey.slug, { answers: { [survey.questions[0].id]: 0 }, invitation: bo })).status).toBe(400);
    expect((await answerByRest(survey.slug, { answers: answer, invitation: bo })).status).toBe(201);

    const detail = await editor.surveys.get({ id: survey.id });
    expect(detail.invitations).toEqual({ invited: 3, used: 2 });
    expect(detail.responseRate).toBeCloseTo(2 / 3, 4);

    // Who was invited and which links were used live in two tables with no link between them.
    const invitationColumns = await columnsOf('survey_invitations');
    expect(invitationColumns).not.toContain('participant_id');
    expect(await columnsOf('survey_responses')).not.toContain('invitation_id');
    const stored = await handle.db.selectFrom('survey_invitations').select(['token_hash']).where('survey_id', '=', survey.id).execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(ada);
  });
});

async function columnsOf(table: string): Promise<string[]> {
  const rows = await handle.db
    .selectFrom('information_schema.columns' as never)
    .select('column_name' as never)
    .where('table_name' as never, '=', table as never)
    // Other test files' schemas on the same PostgreSQL database have the same tables.
    .where(sql<boolean>`table_schema = current_schema()`)
    .execute();
  return (rows as { column_name: string }[]).map((row) => row.column_name).sort();
}

describe('anonymity', () => {
  it('stores no account, address, user agent or time of day with a response', async () => {
    expect(await columnsOf('survey_responses')).toEqual(['id', 'origin', 'submitted_on', 'survey_id', 'team', 'tenure_band']);
    // text_vector is the search index of text_value (migration 0840), generated from the answer alone.
    expect(await columnsOf('survey_answers')).toEqual(['choices', 'question_id', 'response_id', 'score', 'text_value', 'text_vector']);

    const survey = await createSurvey({ quarter: '2027-Q4' });
    const ok = await answerByRest(
      survey.slug,
      { answers: { [survey.questions[0].id]: 9 } },
      { 'user-agent': 'Mozilla/5.0 Identifying Browser', 'x-forwarded-for': '203.0.113.9', cookie: 'frictionlog_session=session-token-of-the-answerer' },
    );
    expect(ok.status).toBe(201);
    const row = await handle.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', survey.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ id: expect.any(String), survey_id: survey.id, submitted_on: today, team: null, tenure_band: null, origin: 'form' });
    expect(JSON.stringify(row)).not.toMatch(/Mozilla|203\.0\.113|session-token-of-the-answerer/);
  });

  it('hides small groups, and any group that would let a reader subtract their way to one', async () => {
    for (const name of ['Payments', 'Search', 'Mobile']) await handle.db.insertInto('teams').values({ name }).onConflict((oc) => oc.doNothing()).execute();
    const survey = await createSurvey({ quarter: '2027-Q3', asksTeam: true, asksTenure: true });
    const score = survey.questions[0].id;
    const submissions = [
      ...[8, 8, 7, 9, 8, 6].map((value) => ({ answers: { [score]: value }, team: 'Payments', tenureBand: '1-3y' as const })),
      ...[5, 6, 4, 5, 6, 7, 5].map((value) => ({ answers: { [score]: value }, team: 'Search', tenureBand: '3-5y' as const })),
      // Two developers of a small team: their numbers must not be shown, nor be derivable.
      ...[2, 1].map((value) => ({ answers: { [score]: value }, team: 'Mobile', tenureBand: '<1y' as const })),
    ];
    await answerMany(survey.slug, submissions);

    const results = await viewer.surveys.results({ id: survey.id });
    const overall = results.questions.find((question) => question.id === score)!;
    expect(overall.answerCount).toBe(15);
    const byTeam = results.breakdowns.team!.find((entry) => entry.questionId === score)!.groups;
    expect(byTeam.map((group) => [group.label, group.isHidden, group.isHidden ? group.hiddenReason : null])).toEqual([
      ['Mobile', true, 'too_few'],
      ['Payments', true, 'complementary'],
      ['Search', false, null],
    ]);

    // What a reader can work out: the total minus the visible groups. That is Mobile and Payments
    // together (8 answers), never Mobile's 2 alone.
    const visible = byTeam.filter((group) => !group.isHidden) as { count: number; mean: number }[];
    const total = overall.scale!.distribution.reduce((sum, bar) => sum + bar.count * bar.value, 0);
    const remainderCount = overall.answerCount - visible.reduce((sum, group) => sum + group.count, 0);
    const remainderSum = total - visible.reduce((sum, group) => sum + group.count * group.mean, 0);
    expect(remainderCount).toBe(8);
    expect(remainderSum / remainderCount).not.toBeCloseTo(1.5, 1);
    // Nothing about the hidden groups leaves the server.
    expect(JSON.stringify(byTeam.filter((group) => group.isHidden))).not.toMatch(/count|mean/);

    // Tenure reads as its labels, in the directory's order, never as codes.
    const byTenure = results.breakdowns.tenure!.find((entry) => entry.questionId === score)!.groups;
    expect(byTenure.map((group) => [group.label, group.isHidden])).toEqual([
      ['Less than 1 year', true],
      ['1-3 years', true],
      ['3-5 years', false],
    ]);

    // The export applies the same rule: Mobile (2) and Payments (hidden beside it) are blank, Search
    // is shown; tenure the same way, by label.
    const csv = await editor.surveys.exportCsv({ id: survey.id });
    const rows = csv.text.trim().split('\r\n').slice(1).map((line) => line.split(','));
    const teamsAndTenures = rows.map((row) => `${row[1]}|${row[2]}`);
    expect(teamsAndTenures.filter((cell) => cell === '|')).toHaveLength(8);
    expect(teamsAndTenures.filter((cell) => cell === 'Search|3-5 years')).toHaveLength(7);
    expect(csv.text).not.toMatch(/Mobile|Payments|<1y|1-3/);
    expect(csv.blankedGroups).toBe(4);
  });
});

describe('free text', () => {
  it('is searchable by words, and a part of an answer becomes unattributed evidence', async () => {
    const survey = await createSurvey({ quarter: '2027-Q2' });
    const [score, text] = survey.questions;
    await answerMany(survey.slug, [
      { answers: { [score.id]: 5, [text.id]: 'Deploying a new service needs four tickets and two days of waiting.' } },
      { answers: { [score.id]: 6, [text.id]: 'The docs for the CI templates are out of date.' } },
      { answers: { [score.id]: 7 } },
    ]);
    const all = await viewer.surveys.freeText({ id: survey.id });
    expect(all.total).toBe(2);
    const found = await viewer.surveys.freeText({ id: survey.id, search: 'deploy tickets' });
    expect(found.total).toBe(1);
    expect(found.rows[0].segments.filter((segment) => segment.isMatch).map((segment) => segment.text)).toEqual(['Deploying', 'tickets']);
    expect(found.rows[0].segments.map((segment) => segment.text).join('')).toBe(found.rows[0].text);
    expect((await viewer.surveys.freeText({ id: survey.id, search: 'kubernetes' })).total).toBe(0);
    expect((await rejection(viewer.surveys.freeText({ id: survey.id, questionId: score.id }))).message).toBe(
      'This question is not a free-text question of this survey.',
    );

    const answer = found.rows[0];
    const evidence = await editor.evidence.create({
      sourceKind: 'survey',
      sourceId: answer.responseId,
      anchor: answer.questionId,
      excerpt: 'needs four tickets',
      newThemeTitle: 'Creating a service needs tickets to four teams',
    });
    const saved = await editor.evidence.get({ id: evidence.id });
    expect(saved).toMatchObject({ sourceKind: 'survey', participantId: null, observedOn: today, excerpt: 'needs four tickets' });
    expect(saved!.sourcePath).toBe(`/surveys/${survey.id}?tab=results&question=${answer.questionId}#answer-${answer.responseId}`);
    const wrong = await rejection(editor.evidence.create({ sourceKind: 'survey', sourceId: answer.responseId, anchor: answer.questionId, excerpt: 'not in it' }));
    expect(wrong.message).toBe('The excerpt must be words from the source; select them in the text.');
    const bad = await rejection(editor.evidence.create({ sourceKind: 'survey', sourceId: answer.responseId, anchor: 'not-a-uuid', excerpt: 'needs' }));
    expect(bad.code).toBe('NOT_FOUND');
  });

  it('exports the responses as stored, to editors only, with formulas neutralised', async () => {
    const survey = await createSurvey({ quarter: '2027-Q1', asksTeam: true });
    await handle.db.insertInto('teams').values({ name: 'Export team' }).execute();
    await answerMany(
      survey.slug,
      Array.from({ length: 5 }, () => ({ answers: { [survey.questions[0].id]: 3, [survey.questions[1].id]: '=HYPERLINK("x"), "quoted"' }, team: 'Export team' })),
    );
    const csv = await editor.surveys.exportCsv({ id: survey.id });
    expect(csv.fileName).toBe('quarterly-platform-satisfaction-2027-q1.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Response date,Team,Tenure band,"Q1. How would you rate the platform overall, from 1 (very poor) to 10 (excellent)?",Q2. What is the one thing we should improve?');
    expect(lines[1]).toBe(`${today},Export team,,3,"'=HYPERLINK(""x""), ""quoted"""`);
    expect((await rejection(viewer.surveys.exportCsv({ id: survey.id }))).code).toBe('FORBIDDEN');
  });
});
