// Kysely reads of survey results: response and answer counts, score and choice distributions
// (overall and by team or tenure), free-text answers with search, the export's rows, series trends
// and the latest scored survey. The numbers built from them live in statistics.ts.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

export async function countResponses(db: Db, input: { surveyId: string }): Promise<number> {
  const row = await db
    .selectFrom('survey_responses')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('survey_id', '=', input.surveyId)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function countAnswersByQuestion(db: Db, input: { questionIds: string[] }) {
  if (input.questionIds.length === 0) return [];
  return db
    .selectFrom('survey_answers')
    .select(['question_id', sql<number>`count(*)::int`.as('count')])
    .where('question_id', 'in', input.questionIds)
    .groupBy('question_id')
    .execute();
}

export async function countScores(db: Db, input: { questionIds: string[] }) {
  if (input.questionIds.length === 0) return [];
  return db
    .selectFrom('survey_answers')
    .select(['question_id', sql<number>`score`.as('score'), sql<number>`count(*)::int`.as('count')])
    .where('question_id', 'in', input.questionIds)
    .where('score', 'is not', null)
    .groupBy(['question_id', 'score'])
    .execute();
}

/** Score counts per self-reported group; a null group is "not reported". */
export async function countScoresByGroup(db: Db, input: { questionIds: string[]; dimension: 'team' | 'tenure_band' }) {
  if (input.questionIds.length === 0) return [];
  const group = input.dimension === 'team' ? sql<string | null>`survey_responses.team` : sql<string | null>`survey_responses.tenure_band`;
  return db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_answers.question_id',
      group.as('group'),
      sql<number>`survey_answers.score`.as('score'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('survey_answers.question_id', 'in', input.questionIds)
    .where('survey_answers.score', 'is not', null)
    .groupBy(['survey_answers.question_id', sql`2`, 'survey_answers.score'])
    .execute();
}

export async function countChoices(db: Db, input: { questionIds: string[] }) {
  if (input.questionIds.length === 0) return [];
  const picked = db
    .selectFrom('survey_answers')
    .select(['question_id', sql<string>`unnest(choices)`.as('choice')])
    .where('question_id', 'in', input.questionIds)
    .where('choices', 'is not', null)
    .as('picked');
  return db
    .selectFrom(picked)
    .select(['picked.question_id', 'picked.choice', sql<number>`count(*)::int`.as('count')])
    .groupBy(['picked.question_id', 'picked.choice'])
    .execute();
}

const HIGHLIGHT = "StartSel=\u0001, StopSel=\u0002, HighlightAll=true";

/**
 * Free-text answers of the given questions, optionally matching a full-text search; ordered by
 * the random response id, never by when they came in. Matches come back marked with \u0001…\u0002.
 */
export async function listTextAnswers(db: Db, input: { questionIds: string[]; search?: string; responseId?: string; limit: number; offset: number }) {
  if (input.questionIds.length === 0) return { rows: [], total: 0 };
  const query = sql`websearch_to_tsquery('english', ${input.search ?? ''})`;
  let base = db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .where('survey_answers.question_id', 'in', input.questionIds)
    .where('survey_answers.text_value', 'is not', null);
  if (input.search) base = base.where(sql<boolean>`survey_answers.text_vector @@ ${query}`);
  if (input.responseId) base = base.where('survey_answers.response_id', '=', input.responseId);
  const [rows, total] = await Promise.all([
    base
      .select([
        'survey_answers.response_id',
        'survey_answers.question_id',
        input.search
          ? sql<string>`ts_headline('english', survey_answers.text_value, ${query}, ${HIGHLIGHT})`.as('marked_text')
          : sql<string>`survey_answers.text_value`.as('marked_text'),
        sql<string>`survey_answers.text_value`.as('text'),
      ])
      .orderBy('survey_answers.response_id')
      .orderBy('survey_answers.question_id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

export async function findTextAnswer(db: Db, input: { responseId: string; questionId: string }) {
  return db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select(['survey_answers.text_value', 'survey_responses.submitted_on', 'survey_responses.survey_id'])
    .where('survey_answers.response_id', '=', input.responseId)
    .where('survey_answers.question_id', '=', input.questionId)
    .where('survey_answers.text_value', 'is not', null)
    .executeTakeFirst();
}

/** Every response of a survey with its answers, as stored (for the CSV export). */
export async function listResponsesForExport(db: Db, input: { surveyId: string }) {
  const [responses, answers] = await Promise.all([
    db
      .selectFrom('survey_responses')
      .select(['id', 'submitted_on', 'team', 'tenure_band'])
      .where('survey_id', '=', input.surveyId)
      .orderBy('submitted_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('survey_answers')
      .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
      .select(['survey_answers.response_id', 'survey_answers.question_id', 'survey_answers.score', 'survey_answers.choices', 'survey_answers.text_value'])
      .where('survey_responses.survey_id', '=', input.surveyId)
      .execute(),
  ]);
  return { responses, answers };
}

/** Score counts of one question of a series, per run. */
export async function countSeriesScores(db: Db, input: { seriesId: string; seriesKey: string }) {
  return db
    .selectFrom('survey_answers')
    .innerJoin('survey_questions', 'survey_questions.id', 'survey_answers.question_id')
    .innerJoin('surveys', 'surveys.id', 'survey_questions.survey_id')
    .select(['surveys.id as survey_id', sql<number>`survey_answers.score`.as('score'), sql<number>`count(*)::int`.as('count')])
    .where('surveys.series_id', '=', input.seriesId)
    .where('survey_questions.series_key', '=', input.seriesKey)
    .where('survey_answers.score', 'is not', null)
    .groupBy(['surveys.id', 'survey_answers.score'])
    .execute();
}

/** The questions asked in a series, one per series key, as last worded. */
export async function listSeriesQuestions(db: Db, input: { seriesIds: string[] }) {
  if (input.seriesIds.length === 0) return [];
  return db
    .selectFrom('survey_questions')
    .innerJoin('surveys', 'surveys.id', 'survey_questions.survey_id')
    .select(['surveys.series_id', 'survey_questions.series_key', 'survey_questions.kind', 'survey_questions.prompt', 'survey_questions.options'])
    .distinctOn(['surveys.series_id', 'survey_questions.series_key'])
    .where('surveys.series_id', 'in', input.seriesIds)
    .orderBy('surveys.series_id')
    .orderBy('survey_questions.series_key')
    .orderBy('surveys.quarter', 'desc')
    .execute();
}

/**
 * The most recent survey run whose headline question (its first 1-10 question, as the results
 * page picks it) has scores: newest quarter first, then the one that opened last.
 */
export async function findLatestScoredSurvey(db: Db) {
  return db
    .selectFrom('surveys')
    .innerJoin('survey_questions', 'survey_questions.survey_id', 'surveys.id')
    .select(['surveys.id', 'surveys.title', 'surveys.quarter', 'survey_questions.prompt'])
    .where('survey_questions.kind', '=', 'scale_10')
    .where(({ eb, selectFrom }) =>
      eb(
        'survey_questions.position',
        '=',
        selectFrom('survey_questions as first')
          .select(sql<number>`min(first.position)`.as('position'))
          .whereRef('first.survey_id', '=', 'surveys.id')
          .where('first.kind', '=', 'scale_10'),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('survey_answers').select('survey_answers.question_id').whereRef('survey_answers.question_id', '=', 'survey_questions.id').where('survey_answers.score', 'is not', null)),
    )
    .orderBy('surveys.quarter', 'desc')
    .orderBy('surveys.opens_on', 'desc')
    .orderBy('surveys.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
