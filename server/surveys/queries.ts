// Kysely queries for surveys, their questions, anonymous responses and answers, invitations and
// imports. The reads of results (counts, distributions, free text, trends) are in queries-results.ts.
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { SurveyAccess, SurveyQuestionKind, TenureBand } from '@/db/types';
import type { Db } from '@/server/db';

// ---- Surveys ---------------------------------------------------------------------------------

const surveyColumns = [
  'surveys.id',
  'surveys.series_id',
  'surveys.title',
  'surveys.intro',
  'surveys.slug',
  'surveys.quarter',
  'surveys.opens_on',
  'surveys.closes_on',
  'surveys.closed_on',
  'surveys.asks_team',
  'surveys.asks_tenure',
  'surveys.access',
  'surveys.one_answer_per_browser',
  'surveys.origin',
  'surveys.invited_count',
  'surveys.created_at',
] as const;

export async function findSurvey(db: Db, input: { id: string }) {
  return db.selectFrom('surveys').select([...surveyColumns]).where('surveys.id', '=', input.id).executeTakeFirst();
}

export async function findSurveyBySlug(db: Db, input: { slug: string }) {
  return db.selectFrom('surveys').select([...surveyColumns]).where('surveys.slug', '=', input.slug).executeTakeFirst();
}

/**
 * A survey, its questions and the directory's spelling of the team a respondent named, in one
 * round trip: what answering needs, on the hot path.
 */
/** A survey with its questions, as the public answer path checks answers against (kept per process by its definition version). */
export async function findSurveyToAnswer(db: Db, input: { slug: string }) {
  return db
    .selectFrom('surveys')
    .select([
      ...surveyColumns,
      'surveys.definition_version',
      (eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('survey_questions')
            .select(['survey_questions.id', 'survey_questions.kind', 'survey_questions.is_required', 'survey_questions.options'])
            .whereRef('survey_questions.survey_id', '=', 'surveys.id')
            .orderBy('survey_questions.position'),
        ).as('questions'),
    ])
    .where('surveys.slug', '=', input.slug)
    .executeTakeFirst();
}

/** Every survey with its number of responses, newest quarter first. */
export async function listSurveys(db: Db) {
  return db
    .selectFrom('surveys')
    .select([
      ...surveyColumns,
      (eb) =>
        eb
          .selectFrom('survey_responses')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('survey_responses.survey_id', '=', 'surveys.id')
          .as('response_count'),
      (eb) =>
        eb
          .selectFrom('survey_invitations')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('survey_invitations.survey_id', '=', 'surveys.id')
          .as('invitation_count'),
    ])
    .orderBy('surveys.quarter', 'desc')
    .orderBy('surveys.created_at', 'desc')
    .execute();
}

export interface SurveyValues {
  title: string;
  intro: string;
  quarter: string;
  opens_on: string;
  closes_on: string;
  asks_team: boolean;
  asks_tenure: boolean;
  access: SurveyAccess;
  /** Absent: the column's default (on). */
  one_answer_per_browser?: boolean;
}

export async function insertSurvey(
  db: Db,
  input: SurveyValues & { series_id: string; slug: string; origin?: 'builder' | 'import'; invited_count?: number | null; created_by: string | null },
) {
  return db.insertInto('surveys').values(input).returning(['id', 'slug']).executeTakeFirstOrThrow();
}

export async function updateSurvey(db: Db, input: { id: string; values: Partial<SurveyValues> & { closed_on?: string | null } }) {
  return db
    .updateTable('surveys')
    .set({ ...input.values, updated_at: new Date() })
    .where('id', '=', input.id)
    .returning('id')
    .executeTakeFirst();
}

export async function deleteSurvey(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('surveys').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The runs of a series, oldest quarter first, with their response counts. */
export async function listSeriesRuns(db: Db, input: { seriesId: string }) {
  return db
    .selectFrom('surveys')
    .select([
      'surveys.id',
      'surveys.title',
      'surveys.quarter',
      'surveys.origin',
      'surveys.invited_count',
      (eb) =>
        eb
          .selectFrom('survey_responses')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('survey_responses.survey_id', '=', 'surveys.id')
          .as('response_count'),
    ])
    .where('surveys.series_id', '=', input.seriesId)
    .orderBy('surveys.quarter')
    .execute();
}

/** One row per series: the latest run's title, for choosing a series to add a run to. */
export async function listSeries(db: Db) {
  return db
    .selectFrom('surveys')
    .select(['surveys.series_id', 'surveys.id', 'surveys.title', 'surveys.quarter'])
    .distinctOn('surveys.series_id')
    .orderBy('surveys.series_id')
    .orderBy('surveys.quarter', 'desc')
    .execute();
}

// ---- Questions -------------------------------------------------------------------------------

const questionColumns = [
  'survey_questions.id',
  'survey_questions.survey_id',
  'survey_questions.series_key',
  'survey_questions.position',
  'survey_questions.kind',
  'survey_questions.prompt',
  'survey_questions.is_required',
  'survey_questions.options',
] as const;

export async function listQuestions(db: Db, input: { surveyIds: string[] }) {
  if (input.surveyIds.length === 0) return [];
  return db
    .selectFrom('survey_questions')
    .select([...questionColumns])
    .where('survey_questions.survey_id', 'in', input.surveyIds)
    .orderBy('survey_questions.survey_id')
    .orderBy('survey_questions.position')
    .execute();
}

export interface QuestionValues {
  series_key: string;
  position: number;
  kind: SurveyQuestionKind;
  prompt: string;
  is_required: boolean;
  options: string[];
}

export async function insertQuestions(db: Db, input: { surveyId: string; rows: QuestionValues[] }) {
  if (input.rows.length === 0) return [];
  return db
    .insertInto('survey_questions')
    .values(input.rows.map((row) => ({ ...row, survey_id: input.surveyId })))
    .returning(['id', 'position'])
    .execute();
}

export async function updateQuestion(db: Db, input: { id: string; values: Omit<QuestionValues, 'series_key'> }) {
  await db.updateTable('survey_questions').set(input.values).where('id', '=', input.id).execute();
}

export async function deleteQuestions(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return;
  await db.deleteFrom('survey_questions').where('id', 'in', input.ids).execute();
}

// ---- Responses and answers -------------------------------------------------------------------

export interface ResponseValues {
  id: string;
  survey_id: string;
  submitted_on: string;
  team: string | null;
  tenure_band: TenureBand | null;
  origin: 'form' | 'import';
}

export interface AnswerValues {
  response_id: string;
  question_id: string;
  score: number | null;
  choices: string[] | null;
  text_value: string | null;
}

/** One response and its answers in one statement (so in one implicit transaction, one round trip). */
/**
 * One form response and its answers in one statement, stored only if the survey's definition is
 * still the version the answers were checked against and the team named (if any) is in the
 * directory (then under the directory's spelling). Nothing is written otherwise; the result says why.
 */
export async function insertResponseIfCurrent(
  db: Db,
  input: {
    surveyId: string;
    definitionVersion: number;
    /** The team as typed (matched without case), or null. */
    team: string | null;
    response: { id: string; submitted_on: string; tenure_band: TenureBand | null };
    answers: { question_id: string; score: number | null; choices: string[] | null; text_value: string | null }[];
  },
): Promise<{ isCurrent: boolean; teamName: string | null; isStored: boolean }> {
  const team = input.team?.toLowerCase() ?? null;
  const { rows } = await sql<{ is_current: boolean; team_name: string | null; stored: number }>`
    with survey as (
      select id from surveys where id = ${input.surveyId} and definition_version = ${input.definitionVersion}
    ), team as (
      select name from teams where ${team}::text is not null and lower(name) = ${team}::text limit 1
    ), response as (
      insert into survey_responses (id, survey_id, submitted_on, team, tenure_band, origin)
      select ${input.response.id}::uuid, survey.id, ${input.response.submitted_on}::date, (select name from team), ${input.response.tenure_band}::text, 'form'
      from survey
      where ${team}::text is null or exists (select from team)
      returning id
    ), answer as (
      insert into survey_answers (response_id, question_id, score, choices, text_value)
      select response.id, given.question_id, given.score, given.choices, given.text_value
      from response, jsonb_to_recordset(${JSON.stringify(input.answers)}::jsonb) as given(question_id uuid, score integer, choices text[], text_value text)
    )
    select exists (select from survey) as is_current, (select name from team) as team_name, (select count(*)::int from response) as stored`.execute(db);
  const [row] = rows;
  return { isCurrent: row.is_current, teamName: row.team_name, isStored: row.stored === 1 };
}

export async function insertResponses(db: Db, input: { rows: ResponseValues[] }) {
  if (input.rows.length === 0) return;
  await db.insertInto('survey_responses').values(input.rows).execute();
}

export async function insertAnswers(db: Db, input: { rows: AnswerValues[] }) {
  if (input.rows.length === 0) return;
  await db.insertInto('survey_answers').values(input.rows).execute();
}


// ---- Invitations -----------------------------------------------------------------------------

/** Locks the survey's invitations, in one order, for the rest of the transaction. */
export async function lockInvitations(db: Db, input: { surveyId: string }) {
  await db.selectFrom('survey_invitations').select('id').where('survey_id', '=', input.surveyId).orderBy('id').forUpdate().execute();
}

/**
 * Marks one invitation used (or unused again) by rewriting every invitation of the survey in the
 * same statement, so all of them carry the same transaction id (PostgreSQL's xmin) and the
 * table's row versions never tell which invitation was used last.
 */
export async function setInvitationUsed(db: Db, input: { surveyId: string; tokenHash: string; isUsed: boolean }) {
  await db
    .updateTable('survey_invitations')
    .set({
      is_used: input.isUsed
        ? sql<boolean>`is_used or token_hash = ${input.tokenHash}`
        : sql<boolean>`is_used and token_hash <> ${input.tokenHash}`,
    })
    .where('survey_id', '=', input.surveyId)
    .execute();
}

export async function findInvitation(db: Db, input: { surveyId: string; tokenHash: string }) {
  return db
    .selectFrom('survey_invitations')
    .select(['is_used'])
    .where('survey_id', '=', input.surveyId)
    .where('token_hash', '=', input.tokenHash)
    .executeTakeFirst();
}

export async function countInvitations(db: Db, input: { surveyId: string }) {
  return db
    .selectFrom('survey_invitations')
    .select([sql<number>`count(*)::int`.as('invited'), sql<number>`count(*) filter (where is_used)::int`.as('used')])
    .where('survey_id', '=', input.surveyId)
    .executeTakeFirstOrThrow();
}

/** Active developers not yet invited to this survey, optionally of one team. */
export async function listUninvitedParticipants(db: Db, input: { surveyId: string; teamId?: string | null }) {
  let query = db
    .selectFrom('participants')
    .select(['participants.id', 'participants.display_name', 'participants.email'])
    .where('participants.archived_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('survey_invitees')
            .select('survey_invitees.participant_id')
            .whereRef('survey_invitees.participant_id', '=', 'participants.id')
            .where('survey_invitees.survey_id', '=', input.surveyId),
        ),
      ),
    );
  if (input.teamId) query = query.where('participants.team_id', '=', input.teamId);
  return query.orderBy(sql`lower(participants.display_name)`).execute();
}

export async function insertInvitees(db: Db, input: { surveyId: string; participantIds: string[] }) {
  if (input.participantIds.length === 0) return;
  await db
    .insertInto('survey_invitees')
    .values(input.participantIds.map((participantId) => ({ survey_id: input.surveyId, participant_id: participantId })))
    .execute();
}

export async function insertInvitations(db: Db, input: { surveyId: string; tokenHashes: string[] }) {
  if (input.tokenHashes.length === 0) return;
  await db
    .insertInto('survey_invitations')
    .values(input.tokenHashes.map((tokenHash) => ({ survey_id: input.surveyId, token_hash: tokenHash })))
    .execute();
}

// ---- Imports ---------------------------------------------------------------------------------

export async function findImportByHash(db: Db, input: { sha256: string }) {
  return db
    .selectFrom('survey_imports')
    .innerJoin('surveys', 'surveys.id', 'survey_imports.survey_id')
    .select(['survey_imports.survey_id', 'survey_imports.file_name', 'survey_imports.row_count', 'surveys.title', 'surveys.quarter'])
    .where('survey_imports.file_sha256', '=', input.sha256)
    .executeTakeFirst();
}

export async function insertImport(db: Db, input: { surveyId: string; fileName: string; sha256: string; rowCount: number; createdBy: string | null }) {
  await db
    .insertInto('survey_imports')
    .values({ survey_id: input.surveyId, file_name: input.fileName, file_sha256: input.sha256, row_count: input.rowCount, created_by: input.createdBy })
    .execute();
}
