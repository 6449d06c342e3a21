// Answering a survey without an account, and single-use invitations. A response keeps its
// answers, the day, and the team and tenure band the respondent chose to give; never who they
// are, their address or their invitation. A used invitation is marked in its own table, which
// holds no participant, in a transaction of its own (never the response's, whose transaction id
// would link the two), and every invitation of the survey is rewritten with it, so no row
// version tells which one was used when.
import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '@/server/auth/session-token';
import type { Db } from '@/server/db';
import { getEnv } from '@/server/env';
import { AppError } from '@/server/errors';
import { checkAnswers } from './answers';
import * as queries from './queries';
import { surveyStateOf, type Submission } from './rules';

/** Per client and minute, counted by the endpoint before it reads the body. Generous because behind one NAT a whole office shares an address. */
export const RESPONSE_RATE_LIMIT = { name: 'survey-response', limit: 60, windowSeconds: 60 };

function refuseUnlessOpen(survey: { opens_on: string; closes_on: string; closed_on: string | null }, today: string) {
  const state = surveyStateOf({ opensOn: survey.opens_on, closesOn: survey.closes_on, closedOn: survey.closed_on }, today);
  if (state === 'closed') {
    throw new AppError('CONFLICT', `This survey is closed (it closed on ${survey.closed_on ?? survey.closes_on}); it no longer takes answers.`);
  }
  if (state === 'scheduled') throw new AppError('CONFLICT', `This survey is not open yet: it opens on ${survey.opens_on}.`);
}

type SurveyToAnswer = NonNullable<Awaited<ReturnType<typeof queries.findSurveyToAnswer>>>;

/** Surveys as answers are checked against, per process and slug; each insert checks the version. */
const definitions = new WeakMap<Db, Map<string, SurveyToAnswer>>();
const MAX_DEFINITIONS = 200;

async function surveyToAnswer(db: Db, slug: string, fresh: boolean): Promise<SurveyToAnswer | undefined> {
  let cache = definitions.get(db);
  if (!cache) definitions.set(db, (cache = new Map()));
  const cached = fresh ? undefined : cache.get(slug);
  if (cached) return cached;
  const survey = await queries.findSurveyToAnswer(db, { slug });
  cache.delete(slug);
  if (survey) cache.set(slug, survey);
  if (cache.size > MAX_DEFINITIONS) cache.delete(cache.keys().next().value!);
  return survey;
}

/** The survey changed (edited, closed, deleted) between the definition read and the insert. */
class StaleDefinition extends Error {}

const unknownTeam = (team: string) => new AppError('BAD_REQUEST', `"${team}" is not one of the teams listed.`, { field: 'team' });

/**
 * Stores one anonymous response, all of it or nothing; an invitation is used up first, apart from
 * it. `hasAnswered`: the browser carries the marker of an earlier answer to this survey. Returns
 * whether the browser should be marked now (an open link of a survey that takes one answer per
 * browser); the marker is the browser's alone, nothing here records it. The survey's definition
 * comes from this process's memory; the insert checks that it is still current and, when not,
 * the answers are checked again against the survey as it is now.
 */
export async function submitSurveyResponse(
  db: Db,
  input: { slug: string; submission: Submission; hasAnswered?: boolean; today: string },
): Promise<{ marksBrowser: boolean }> {
  for (let attempt = 0; ; attempt += 1) {
    const survey = await surveyToAnswer(db, input.slug, attempt > 0);
    if (!survey) throw new AppError('NOT_FOUND', 'There is no survey at this link. Check the link you were sent.');
    try {
      return await submitTo(db, survey, input);
    } catch (error) {
      // A refusal read from the kept definition (closed, unknown question…) is confirmed against the survey as it is now.
      const isRetried = error instanceof StaleDefinition ? attempt < 3 : error instanceof AppError && attempt === 0;
      if (!isRetried) throw error;
    }
  }
}

async function submitTo(db: Db, survey: SurveyToAnswer, input: { submission: Submission; hasAnswered?: boolean; today: string }): Promise<{ marksBrowser: boolean }> {
  refuseUnlessOpen(survey, input.today);
  const { submission } = input;
  const isOncePerBrowser = survey.one_answer_per_browser && !submission.invitation && survey.access === 'link';
  if (isOncePerBrowser && input.hasAnswered) {
    throw new AppError('CONFLICT', 'This browser has already answered this survey: each browser answers once.', { field: 'answers' });
  }
  const { answers, problems } = checkAnswers(
    survey.questions.map((question) => ({ id: question.id, kind: question.kind, isRequired: question.is_required, options: question.options })),
    submission.answers,
  );
  if (problems.length > 0) {
    throw new AppError('BAD_REQUEST', `${problems.length === 1 ? 'One answer needs' : `${problems.length} answers need`} a look: ${problems[0].message}`, {
      field: `answers.${problems[0].questionId}`,
      details: { problems },
    });
  }
  if (answers.length === 0) throw new AppError('BAD_REQUEST', 'Answer at least one question before sending.', { field: 'answers' });
  const team = submission.team || null;
  if (team && !survey.asks_team) throw new AppError('BAD_REQUEST', 'This survey does not ask for a team.', { field: 'team' });
  // A control character cannot be in a team name (and NUL cannot even reach the database).
  if (team && /[\u0000-\u001f]/.test(team)) throw unknownTeam(team);
  if (submission.tenureBand && !survey.asks_tenure) throw new AppError('BAD_REQUEST', 'This survey does not ask for a tenure band.', { field: 'tenureBand' });

  const store = async () => {
    const stored = await queries.insertResponseIfCurrent(db, {
      surveyId: survey.id,
      definitionVersion: survey.definition_version,
      team,
      response: { id: randomUUID(), submitted_on: input.today, tenure_band: submission.tenureBand ?? null },
      answers: answers.map((answer) => ({ question_id: answer.questionId, score: answer.score, choices: answer.choices, text_value: answer.text })),
    });
    if (!stored.isCurrent) throw new StaleDefinition();
    if (team && !stored.teamName) throw unknownTeam(team);
  };
  if (!submission.invitation) {
    if (survey.access === 'invitation') {
      throw new AppError('FORBIDDEN', 'This survey is by invitation: open the personal link you were sent.', { field: 'invitation' });
    }
    await store();
    return { marksBrowser: isOncePerBrowser };
  }
  const tokenHash = hashToken(submission.invitation);
  await db.transaction().execute(async (trx) => {
    await queries.lockInvitations(trx, { surveyId: survey.id });
    const existing = await queries.findInvitation(trx, { surveyId: survey.id, tokenHash });
    if (!existing) throw new AppError('FORBIDDEN', 'This invitation link is not valid for this survey. Open the link exactly as you received it.', { field: 'invitation' });
    if (existing.is_used) throw new AppError('CONFLICT', 'This invitation link has already been used: each link answers once.', { field: 'invitation' });
    await queries.setInvitationUsed(trx, { surveyId: survey.id, tokenHash, isUsed: true });
  });
  try {
    await store();
  } catch (error) {
    // The answer was not stored, so the link may be used again.
    await queries.setInvitationUsed(db, { surveyId: survey.id, tokenHash, isUsed: false });
    throw error;
  }
  return { marksBrowser: false };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/**
 * One single-use link for each active developer of the directory (or of one team) not invited
 * yet. The links are shown once: only their hashes are kept, in an order unrelated to the people.
 */
export async function createInvitations(db: Db, input: { surveyId: string; teamId: string | null; today: string }) {
  return db.transaction().execute(async (trx) => {
    const survey = await queries.findSurvey(trx, { id: input.surveyId });
    if (!survey) throw new AppError('NOT_FOUND', 'This survey no longer exists.');
    if (survey.origin === 'import') throw new AppError('BAD_REQUEST', 'An imported survey took its answers elsewhere; it has no invitations.');
    if (surveyStateOf({ opensOn: survey.opens_on, closesOn: survey.closes_on, closedOn: survey.closed_on }, input.today) === 'closed') {
      throw new AppError('CONFLICT', 'This survey is closed. Open it again or run it again next quarter before inviting developers.');
    }
    const people = await queries.listUninvitedParticipants(trx, { surveyId: survey.id, teamId: input.teamId });
    const tokens = people.map(() => newToken());
    await queries.insertInvitees(trx, { surveyId: survey.id, participantIds: people.map((person) => person.id) });
    await queries.insertInvitations(trx, { surveyId: survey.id, tokenHashes: shuffled(tokens.map(hashToken)) });
    const base = getEnv().PUBLIC_URL.replace(/\/+$/, '');
    return {
      invitations: people.map((person, index) => ({
        name: person.display_name,
        email: person.email,
        link: `${base}/s/${survey.slug}?i=${tokens[index]}`,
      })),
    };
  });
}
