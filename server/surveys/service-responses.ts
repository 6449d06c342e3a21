// Answering a survey without an account, and single-use invitations. A response keeps its
// answers, the day, and the team and tenure band the respondent chose to give; never who they
// are, their address or their invitation. A used invitation is marked in its own table, which
// holds no participant, in a transaction of its own (never the response's, whose transaction id
// would link the two), and every invitation of the survey is rewritten with it, so no row
// version tells which one was used when.
import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '../auth/session-token';
import type { Db } from '../db';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { hitWindowOf, settleHit } from '../rate-limit/service';
import { checkAnswers } from './answers';
import * as queries from './queries';
import type { AnswerToStore, ResponseToStore, SurveyToAnswer } from './queries';
import { surveyStateOf, type Submission } from './rules';

/** Per client and minute. Generous because behind one NAT a whole office shares an address. */
export const RESPONSE_RATE_LIMIT = { limit: 60, windowSeconds: 60 };

function refuseUnlessOpen(survey: { opens_on: string; closes_on: string; closed_on: string | null }, today: string) {
  const state = surveyStateOf({ opensOn: survey.opens_on, closesOn: survey.closes_on, closedOn: survey.closed_on }, today);
  if (state === 'closed') {
    throw new AppError('CONFLICT', `This survey is closed (it closed on ${survey.closed_on ?? survey.closes_on}); it no longer takes answers.`);
  }
  if (state === 'scheduled') throw new AppError('CONFLICT', `This survey is not open yet: it opens on ${survey.opens_on}.`);
}

// The definitions of surveys being answered, per database: checking answers needs the questions,
// and reading them again for every response would be a second round trip. A copy is used only
// while the database still holds the same definition (its fingerprint is checked in the statement
// that stores the response), so an edit made by any process is seen by the next response.
const MAX_DEFINITIONS = 200;
const definitions = new WeakMap<Db, Map<string, SurveyToAnswer>>();

function definitionsOf(db: Db): Map<string, SurveyToAnswer> {
  let bySlug = definitions.get(db);
  if (!bySlug) definitions.set(db, (bySlug = new Map()));
  return bySlug;
}

function keepDefinition(db: Db, slug: string, survey: SurveyToAnswer) {
  const bySlug = definitionsOf(db);
  bySlug.delete(slug);
  bySlug.set(slug, survey);
  // The oldest copy goes first (a Map keeps insertion order).
  if (bySlug.size > MAX_DEFINITIONS) bySlug.delete(bySlug.keys().next().value!);
}

const noSurveyHere = () => new AppError('NOT_FOUND', 'There is no survey at this link. Check the link you were sent.');
const unknownTeam = (team: string) => new AppError('BAD_REQUEST', `"${team}" is not one of the teams listed.`, { field: 'team' });
const changedMeanwhile = () => new AppError('CONFLICT', 'This survey was changed while you answered. Reload the page and send your answers again.');

/** The answers as stored, or an error naming the first problem; pure over the survey's definition. */
function checkSubmission(survey: SurveyToAnswer, submission: Submission, today: string): AnswerToStore[] {
  refuseUnlessOpen(survey, today);
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
  if (submission.team && !survey.asks_team) throw new AppError('BAD_REQUEST', 'This survey does not ask for a team.', { field: 'team' });
  if (submission.tenureBand && !survey.asks_tenure) throw new AppError('BAD_REQUEST', 'This survey does not ask for a tenure band.', { field: 'tenureBand' });
  if (!submission.invitation && survey.access === 'invitation') {
    throw new AppError('FORBIDDEN', 'This survey is by invitation: open the personal link you were sent.', { field: 'invitation' });
  }
  return answers.map((answer) => ({ questionId: answer.questionId, score: answer.score, choices: answer.choices, text: answer.text }));
}

/**
 * Stores one anonymous response, all of it or nothing; an invitation is used up first, apart from
 * it. Every request counts one rate-limit hit, in the same statement as its first database work
 * (a request the held copy refuses reads the survey again, counting it there).
 * Without an invitation, a survey whose definition this process holds costs one round trip: the
 * hit, the check that the definition is current, the response and its answers are one statement.
 * Reading a definition this process does not hold (or that changed) costs one more.
 */
export async function submitSurveyResponse(db: Db, input: { slug: string; submission: Submission; clientKey: string; today: string }) {
  const { submission } = input;
  const team = submission.team || null;
  // A control character cannot be in a team name (and NUL cannot even reach the database).
  const response = {
    id: randomUUID(),
    submittedOn: input.today,
    team: team && /[\u0000-\u001f]/.test(team) ? { named: team, lookup: null } : team ? { named: team, lookup: team } : null,
    tenureBand: submission.tenureBand ?? null,
  };
  const now = new Date();
  const limit = { bucket: `survey-response:${input.clientKey}`, ...RESPONSE_RATE_LIMIT };
  const window = await hitWindowOf(db, limit, now);
  let isCounted = false;
  const settle = async (hits: number | null) => {
    if (hits === null) return;
    isCounted = true;
    await settleHit(db, { limit: limit.limit, window, hits }, now);
  };

  // A held definition that turns out to have changed is read again, once.
  for (let round = 0; round < 2; round += 1) {
    // An invited answer reads the definition afresh: the team is checked before the invitation is used.
    let survey = submission.invitation ? undefined : definitionsOf(db).get(input.slug);
    const isHeld = survey !== undefined;
    if (!survey) {
      const loaded = await queries.loadSurveyToAnswer(db, { hit: isCounted ? null : window, slug: input.slug, team: response.team?.lookup ?? null });
      await settle(loaded.hits);
      if (!loaded.survey) throw noSurveyHere();
      survey = loaded.survey;
      keepDefinition(db, input.slug, survey);
      if (submission.invitation) {
        const answers = checkSubmission(survey, submission, input.today);
        if (response.team && !loaded.teamName) throw unknownTeam(response.team.named);
        await answerWithInvitation(db, { survey, slug: input.slug, invitation: submission.invitation, response, answers });
        return;
      }
    }
    let answers: AnswerToStore[];
    try {
      answers = checkSubmission(survey, submission, input.today);
    } catch (error) {
      // Refused by a held copy: it may be out of date, so read the survey again (counting the
      // hit) and check once more before refusing.
      if (isHeld && round === 0) {
        definitionsOf(db).delete(input.slug);
        continue;
      }
      throw error;
    }
    const stored = await queries.insertResponseIfCurrent(db, { hit: isCounted ? null : window, limit: limit.limit, slug: input.slug, fingerprint: survey.fingerprint, response, answers });
    await settle(stored.hits);
    if (stored.is_stored) return;
    if (stored.fingerprint === survey.fingerprint) throw unknownTeam(response.team?.named ?? '');
    // Deleted or edited since this process read it: read it again and check the answers against it.
    definitionsOf(db).delete(input.slug);
    if (stored.fingerprint === null) throw noSurveyHere();
  }
  throw changedMeanwhile();
}

/**
 * An invited answer: the invitation is used up in a transaction of its own (every invitation of the
 * survey rewritten in one UPDATE), then the response is stored in a statement of its own; if that
 * stores nothing or fails, the invitation is given back.
 */
async function answerWithInvitation(
  db: Db,
  input: { survey: SurveyToAnswer; slug: string; invitation: string; response: ResponseToStore; answers: AnswerToStore[] },
) {
  const surveyId = input.survey.id;
  const tokenHash = hashToken(input.invitation);
  await db.transaction().execute(async (trx) => {
    await queries.lockInvitations(trx, { surveyId });
    const existing = await queries.findInvitation(trx, { surveyId, tokenHash });
    if (!existing) throw new AppError('FORBIDDEN', 'This invitation link is not valid for this survey. Open the link exactly as you received it.', { field: 'invitation' });
    if (existing.is_used) throw new AppError('CONFLICT', 'This invitation link has already been used: each link answers once.', { field: 'invitation' });
    await queries.setInvitationUsed(trx, { surveyId, tokenHash, isUsed: true });
  });
  let isStored = false;
  try {
    const stored = await queries.insertResponseIfCurrent(db, {
      hit: null,
      limit: RESPONSE_RATE_LIMIT.limit,
      slug: input.slug,
      fingerprint: input.survey.fingerprint,
      response: input.response,
      answers: input.answers,
    });
    isStored = stored.is_stored;
    if (!isStored) {
      definitionsOf(db).delete(input.slug);
      throw stored.fingerprint === input.survey.fingerprint ? unknownTeam(input.response.team?.named ?? '') : changedMeanwhile();
    }
  } finally {
    // The answer was not stored, so the link may be used again.
    if (!isStored) await queries.setInvitationUsed(db, { surveyId, tokenHash, isUsed: false });
  }
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
