// Surveys from draft to closed: create (blank or from the quarterly template), edit without
// breaking collected answers, run again next quarter, close, delete; the public form's view of a
// survey; and the evidence loader for free-text answers.
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '@/server/auth/session-token';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { isUniqueViolation } from '@/server/lib/db-errors';
import * as participantQueries from '@/server/participants/queries';
import { findBreakingEdits } from './edit-rules';
import * as queries from './queries';
import * as results from './queries-results';
import {
  addDays,
  headlineOf,
  makeSlug,
  nextQuarter,
  quarterOf,
  quarterStart,
  surveyStateOf,
  type SurveyDraft,
  type SurveyState,
} from './rules';
import { meanOf, responseRateExceeds, responseRateOf } from './statistics';

type SurveyRow = NonNullable<Awaited<ReturnType<typeof queries.findSurvey>>>;

const SLUG_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function randomSlugPart(): string {
  return [...randomBytes(8)].map((byte) => SLUG_ALPHABET[byte % SLUG_ALPHABET.length]).join('');
}

function stateOf(survey: Pick<SurveyRow, 'opens_on' | 'closes_on' | 'closed_on'>, today: string): SurveyState {
  return surveyStateOf({ opensOn: survey.opens_on, closesOn: survey.closes_on, closedOn: survey.closed_on }, today);
}

async function requireSurvey(db: Db, id: string): Promise<SurveyRow> {
  const survey = await queries.findSurvey(db, { id });
  if (!survey) throw new AppError('NOT_FOUND', 'This survey no longer exists.');
  return survey;
}

function duplicateQuarter(quarter: string) {
  return new AppError('CONFLICT', `This survey already has a run for ${quarter}. Choose another quarter.`, { field: 'quarter' });
}

async function rethrowDuplicateQuarter<T>(quarter: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateQuarter(quarter);
    throw error;
  }
}

const surveyValues = (draft: SurveyDraft): queries.SurveyValues => ({
  title: draft.title,
  intro: draft.intro,
  quarter: draft.quarter,
  opens_on: draft.opensOn,
  closes_on: draft.closesOn,
  asks_team: draft.asksTeam,
  asks_tenure: draft.asksTenure,
  access: draft.access,
  one_answer_per_browser: draft.oneAnswerPerBrowser,
});

export async function createSurvey(db: Db, input: { draft: SurveyDraft; createdBy: string | null }) {
  return db.transaction().execute(async (trx) => {
    const survey = await queries.insertSurvey(trx, {
      ...surveyValues(input.draft),
      series_id: randomUUID(),
      slug: makeSlug(input.draft.title, randomSlugPart()),
      created_by: input.createdBy,
    });
    await queries.insertQuestions(trx, {
      surveyId: survey.id,
      rows: input.draft.questions.map((question, position) => ({
        series_key: randomUUID(),
        position,
        kind: question.kind,
        prompt: question.prompt,
        is_required: question.isRequired,
        options: question.options,
      })),
    });
    return { id: survey.id };
  });
}

/**
 * Saves the builder's form. Once a survey has responses only edits that keep every collected
 * answer meaningful are taken (edit-rules.ts); the rest is refused with the reasons.
 */
export async function updateSurvey(db: Db, input: { id: string; draft: SurveyDraft }) {
  return db.transaction().execute(async (trx) => {
    const survey = await requireSurvey(trx, input.id);
    if (survey.origin === 'import') {
      throw new AppError('CONFLICT', 'An imported survey is a record of a past survey and cannot be edited. Delete it and import the file again.');
    }
    const saved = await queries.listQuestions(trx, { surveyIds: [survey.id] });
    const savedIds = new Set(saved.map((question) => question.id));
    if (input.draft.questions.some((question) => question.id && !savedIds.has(question.id))) {
      throw new AppError('BAD_REQUEST', 'A question in this form belongs to another survey. Reload the page and edit again.', { field: 'questions' });
    }
    const responseCount = await results.countResponses(trx, { surveyId: survey.id });
    if (responseCount > 0) {
      const problems = findBreakingEdits(
        saved.map((question) => ({ id: question.id, kind: question.kind, prompt: question.prompt, isRequired: question.is_required, options: question.options })),
        input.draft.questions,
      );
      if (problems.length > 0) {
        throw new AppError(
          'CONFLICT',
          `This survey already has ${responseCount} response${responseCount === 1 ? '' : 's'}, so this change would break them: ${problems[0]}`,
          { field: 'questions', details: { problems } },
        );
      }
    }
    await rethrowDuplicateQuarter(input.draft.quarter, () => queries.updateSurvey(trx, { id: survey.id, values: surveyValues(input.draft) }));
    const keptIds = new Set(input.draft.questions.flatMap((question) => (question.id ? [question.id] : [])));
    await queries.deleteQuestions(trx, { ids: saved.filter((question) => !keptIds.has(question.id)).map((question) => question.id) });
    const added: queries.QuestionValues[] = [];
    for (const [position, question] of input.draft.questions.entries()) {
      const values = { position, kind: question.kind, prompt: question.prompt, is_required: question.isRequired, options: question.options };
      if (question.id) await queries.updateQuestion(trx, { id: question.id, values });
      else added.push({ ...values, series_key: randomUUID() });
    }
    await queries.insertQuestions(trx, { surveyId: survey.id, rows: added });
    return { id: survey.id };
  });
}

/**
 * "Run again next quarter": a copy in the same series (so the trend follows it) for the quarter
 * after the series' latest run, or the current quarter if that is later.
 */
export async function runSurveyAgain(db: Db, input: { id: string; createdBy: string | null; today: string }) {
  return db.transaction().execute(async (trx) => {
    const source = await requireSurvey(trx, input.id);
    const runs = await queries.listSeriesRuns(trx, { seriesId: source.series_id });
    const latest = runs[runs.length - 1].quarter;
    const current = quarterOf(input.today);
    const quarter = nextQuarter(latest) > current ? nextQuarter(latest) : current;
    const opensOn = quarterStart(quarter) > input.today ? quarterStart(quarter) : input.today;
    const days = Math.max(1, Math.round((Date.parse(source.closes_on) - Date.parse(source.opens_on)) / 86_400_000));
    const copy = await rethrowDuplicateQuarter(quarter, () =>
      queries.insertSurvey(trx, {
        series_id: source.series_id,
        slug: makeSlug(source.title, randomSlugPart()),
        title: source.title,
        intro: source.intro,
        quarter,
        opens_on: opensOn,
        closes_on: addDays(opensOn, days),
        asks_team: source.asks_team,
        asks_tenure: source.asks_tenure,
        access: source.access,
        one_answer_per_browser: source.one_answer_per_browser,
        created_by: input.createdBy,
      }),
    );
    const questions = await queries.listQuestions(trx, { surveyIds: [source.id] });
    await queries.insertQuestions(trx, {
      surveyId: copy.id,
      rows: questions.map((question) => ({
        series_key: question.series_key,
        position: question.position,
        kind: question.kind,
        prompt: question.prompt,
        is_required: question.is_required,
        options: question.options,
      })),
    });
    return { id: copy.id, quarter };
  });
}

export async function setSurveyClosed(db: Db, input: { id: string; isClosed: boolean; today: string }) {
  const survey = await requireSurvey(db, input.id);
  if (!input.isClosed && input.today > survey.closes_on) {
    throw new AppError('BAD_REQUEST', `This survey closed on ${survey.closes_on}. Set a later closing date to open it again.`, { field: 'closesOn' });
  }
  await queries.updateSurvey(db, { id: survey.id, values: { closed_on: input.isClosed ? input.today : null } });
}

export async function deleteSurvey(db: Db, input: { id: string }) {
  if (!(await queries.deleteSurvey(db, input))) throw new AppError('NOT_FOUND', 'This survey no longer exists.');
}

// ---- Reading surveys -------------------------------------------------------------------------

/** Who the response rate divides by: invitations, the imported survey's audience, or the directory. */
async function audienceOf(db: Db, survey: Pick<SurveyRow, 'id' | 'origin' | 'invited_count' | 'access'>, invitationCount: number, directorySize: () => Promise<number>) {
  if (survey.origin === 'import') return survey.invited_count ? { basis: 'invited' as const, size: survey.invited_count } : null;
  if (survey.access === 'invitation' || invitationCount > 0) return { basis: 'invitations' as const, size: invitationCount };
  const size = await directorySize();
  return size > 0 ? { basis: 'directory' as const, size } : null;
}

function memoized<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

export async function listSurveys(db: Db, input: { today: string }) {
  const surveys = await queries.listSurveys(db);
  const questions = await queries.listQuestions(db, { surveyIds: surveys.map((survey) => survey.id) });
  const headlines = new Map<string, (typeof questions)[number]>();
  for (const survey of surveys) {
    const headline = headlineOf(questions.filter((question) => question.survey_id === survey.id));
    if (headline) headlines.set(survey.id, headline);
  }
  const scores = await results.countScores(db, { questionIds: [...headlines.values()].map((question) => question.id) });
  const directorySize = memoized(() => participantQueries.countActiveParticipants(db));
  const rows = [];
  for (const survey of surveys) {
    const headline = headlines.get(survey.id);
    const audience = await audienceOf(db, survey, survey.invitation_count ?? 0, directorySize);
    const responseCount = survey.response_count ?? 0;
    rows.push({
      id: survey.id,
      seriesId: survey.series_id,
      title: survey.title,
      quarter: survey.quarter,
      slug: survey.slug,
      origin: survey.origin,
      state: stateOf(survey, input.today),
      opensOn: survey.opens_on,
      closesOn: survey.closes_on,
      responseCount,
      responseRate: audience ? responseRateOf(responseCount, audience.size) : null,
      isResponseRateCapped: audience ? responseRateExceeds(responseCount, audience.size) : false,
      headline: headline
        ? { kind: headline.kind, mean: meanOf(scores.filter((entry) => entry.question_id === headline.id)) }
        : null,
    });
  }
  return rows;
}

export async function getSurvey(db: Db, input: { id: string; today: string }) {
  const survey = await requireSurvey(db, input.id);
  const [questions, responseCount, invitations, runs] = await Promise.all([
    queries.listQuestions(db, { surveyIds: [survey.id] }),
    results.countResponses(db, { surveyId: survey.id }),
    queries.countInvitations(db, { surveyId: survey.id }),
    queries.listSeriesRuns(db, { seriesId: survey.series_id }),
  ]);
  const audience = await audienceOf(db, survey, invitations.invited, () => participantQueries.countActiveParticipants(db));
  return {
    id: survey.id,
    seriesId: survey.series_id,
    title: survey.title,
    intro: survey.intro,
    slug: survey.slug,
    quarter: survey.quarter,
    opensOn: survey.opens_on,
    closesOn: survey.closes_on,
    closedOn: survey.closed_on,
    asksTeam: survey.asks_team,
    asksTenure: survey.asks_tenure,
    access: survey.access,
    oneAnswerPerBrowser: survey.one_answer_per_browser,
    origin: survey.origin,
    state: stateOf(survey, input.today),
    responseCount,
    invitations,
    audience,
    responseRate: audience ? responseRateOf(responseCount, audience.size) : null,
    isResponseRateCapped: audience ? responseRateExceeds(responseCount, audience.size) : false,
    runs: runs.map((run) => ({ id: run.id, quarter: run.quarter, title: run.title, responseCount: run.response_count ?? 0 })),
    questions: questions.map((question) => ({
      id: question.id,
      seriesKey: question.series_key,
      kind: question.kind,
      prompt: question.prompt,
      isRequired: question.is_required,
      options: question.options,
    })),
  };
}

// ---- The public form -------------------------------------------------------------------------

export type PublicFormState = SurveyState | 'invitation-required' | 'invitation-invalid' | 'already-answered';

/**
 * What a respondent may see of a survey: never its results, its invitees or who made it. A used
 * invitation opens the form like an unused one (only sending an answer says it was used), so
 * polling the links tells nobody who answered when.
 */
export async function getPublicForm(db: Db, input: { slug: string; invitation: string | null; hasAnswered: boolean; today: string }) {
  const survey = await queries.findSurveyBySlug(db, { slug: input.slug });
  if (!survey) throw new AppError('NOT_FOUND', 'There is no survey at this link. Check the link you were sent.');
  let state: PublicFormState = stateOf(survey, input.today);
  if (state === 'open' && input.invitation) {
    const invitation = await queries.findInvitation(db, { surveyId: survey.id, tokenHash: hashToken(input.invitation) });
    if (!invitation) state = 'invitation-invalid';
  } else if (state === 'open' && survey.access === 'invitation') {
    state = 'invitation-required';
  } else if (state === 'open' && survey.one_answer_per_browser && input.hasAnswered) {
    state = 'already-answered';
  }
  const isOpen = state === 'open';
  const [questions, teams] = isOpen
    ? await Promise.all([
        queries.listQuestions(db, { surveyIds: [survey.id] }),
        survey.asks_team ? participantQueries.listTeams(db) : Promise.resolve([]),
      ])
    : [[], []];
  return {
    state,
    title: survey.title,
    intro: survey.intro,
    opensOn: survey.opens_on,
    closesOn: survey.closes_on,
    asksTeam: survey.asks_team,
    asksTenure: survey.asks_tenure,
    oneAnswerPerBrowser: survey.one_answer_per_browser && !input.invitation,
    teams: teams.map((team) => team.name),
    questions: questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      prompt: question.prompt,
      isRequired: question.is_required,
      options: question.options,
    })),
  };
}

// ---- Evidence --------------------------------------------------------------------------------


