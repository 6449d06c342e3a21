// Kysely queries that theme suggestions read: live themes with example excerpts, untagged
// evidence, dismissals, and survey answers and requests not yet saved as evidence.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

/** Live themes (not archived, not merged) with up to `perTheme` of their newest excerpts. */
export async function listThemeExamples(db: Db, input: { perTheme: number }) {
  const themes = await db
    .selectFrom('themes')
    .select(['id', 'title', 'description'])
    .where('merged_into_id', 'is', null)
    .where('status', '!=', 'archived')
    .orderBy('title')
    .execute();
  const excerpts = await sql<{ theme_id: string; excerpt: string }>`
    select theme_id, excerpt from (
      select et.theme_id, e.excerpt,
             row_number() over (partition by et.theme_id order by e.created_at desc, e.id) as n
        from evidence_themes et
        join evidence e on e.id = et.evidence_id
        join themes t on t.id = et.theme_id
       where t.merged_into_id is null and t.status <> 'archived'
    ) ranked
    where n <= ${input.perTheme}`.execute(db);
  const byTheme = new Map<string, string[]>();
  for (const row of excerpts.rows) byTheme.set(row.theme_id, [...(byTheme.get(row.theme_id) ?? []), row.excerpt]);
  return themes.map((theme) => ({ ...theme, examples: byTheme.get(theme.id) ?? [] }));
}

/** Evidence in no theme, newest first. */
export async function listUntaggedExcerpts(db: Db, input: { limit: number }) {
  return db
    .selectFrom('evidence')
    .select(['evidence.id', 'evidence.excerpt'])
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('evidence_themes').select('evidence_themes.evidence_id').whereRef('evidence_themes.evidence_id', '=', 'evidence.id'))),
    )
    .orderBy('evidence.created_at', 'desc')
    .orderBy('evidence.id')
    .limit(input.limit)
    .execute();
}

/** Given evidence (tagged or not) with the themes it is already in. */
export async function findExcerptsWithThemes(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  const rows = await db
    .selectFrom('evidence')
    .leftJoin('evidence_themes', 'evidence_themes.evidence_id', 'evidence.id')
    .select(['evidence.id', 'evidence.excerpt', 'evidence_themes.theme_id'])
    .where('evidence.id', 'in', input.ids)
    .execute();
  const byId = new Map<string, { id: string; excerpt: string; themeIds: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, excerpt: row.excerpt, themeIds: [] };
    if (row.theme_id) entry.themeIds.push(row.theme_id);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** Evidence's dismissed fits and groups (the inbox's; survey answers' and requests' are read per page). */
export async function listDismissals(db: Db) {
  return db
    .selectFrom('theme_suggestion_dismissals')
    .select(['evidence_id', 'theme_id', 'cluster_term'])
    .where('evidence_id', 'is not', null)
    .$narrowType<{ evidence_id: string }>()
    .execute();
}

/** Changes with every dismissal over evidence (rows are only added, or removed with their evidence or theme). */
export async function dismissalVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('theme_suggestion_dismissals')
    .select([sql<number>`count(*)::int`.as('count'), sql<string>`coalesce(max(created_at)::text, '')`.as('newest')])
    .where('evidence_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return `${row.count}:${row.newest}`;
}

/** Dismissed fits of these survey answers, keyed `responseId:questionId:themeId`. */
export async function listAnswerDismissals(db: Db, input: { responseIds: string[] }): Promise<Set<string>> {
  if (input.responseIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('theme_suggestion_dismissals')
    .select(['response_id', 'question_id', 'theme_id'])
    .where('response_id', 'in', input.responseIds)
    .execute();
  return new Set(rows.map((row) => `${row.response_id}:${row.question_id}:${row.theme_id}`));
}

/** Dismissed fits of these requests, keyed `requestId:themeId`. */
export async function listRequestDismissals(db: Db, input: { requestIds: string[] }): Promise<Set<string>> {
  if (input.requestIds.length === 0) return new Set();
  const rows = await db.selectFrom('theme_suggestion_dismissals').select(['request_id', 'theme_id']).where('request_id', 'in', input.requestIds).execute();
  return new Set(rows.map((row) => `${row.request_id}:${row.theme_id}`));
}

export async function insertDismissals(
  db: Db,
  input: {
    rows: ({ theme_id: string | null; cluster_term: string | null; dismissed_by: string | null } & (
      | { evidence_id: string }
      | { response_id: string; question_id: string }
      | { request_id: string }
    ))[];
  },
): Promise<number> {
  if (input.rows.length === 0) return 0;
  const result = await db.insertInto('theme_suggestion_dismissals').values(input.rows).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Free-text answers of one survey (by response and question) with whether they were saved as
 * evidence already. Only the words: nothing about who answered is read.
 */
export async function findSurveyAnswerTexts(db: Db, input: { surveyId: string; answers: { responseId: string; questionId: string }[] }) {
  if (input.answers.length === 0) return [];
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .innerJoin('survey_questions', 'survey_questions.id', 'survey_answers.question_id')
    .select([
      'survey_answers.response_id as responseId',
      'survey_answers.question_id as questionId',
      'survey_answers.text_value as text',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('evidence')
              .select('evidence.id')
              .where('evidence.source_kind', '=', 'survey')
              .whereRef('evidence.source_id', '=', 'survey_answers.response_id')
              .where(sql<boolean>`evidence.source_path like '%question=' || survey_answers.question_id || '#%'`),
          )
          .as('isEvidence'),
    ])
    .where('survey_responses.survey_id', '=', input.surveyId)
    .where('survey_questions.kind', '=', 'free_text')
    .where('survey_answers.text_value', 'is not', null)
    .where('survey_answers.response_id', 'in', [...new Set(input.answers.map((answer) => answer.responseId))])
    .execute();
  const asked = new Set(input.answers.map((answer) => `${answer.responseId}:${answer.questionId}`));
  return rows
    .filter((row) => asked.has(`${row.responseId}:${row.questionId}`))
    .map((row) => ({ responseId: row.responseId, questionId: row.questionId, text: row.text ?? '', isEvidence: Boolean(row.isEvidence) }));
}

/** Developers' requests (title and details) with whether they were saved as evidence already. */
export async function findRequestTexts(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  const rows = await db
    .selectFrom('roadmap_requests')
    .select([
      'roadmap_requests.id',
      'roadmap_requests.title',
      'roadmap_requests.details',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('evidence')
              .select('evidence.id')
              .where('evidence.source_kind', '=', 'request')
              .whereRef('evidence.source_id', '=', 'roadmap_requests.id'),
          )
          .as('isEvidence'),
    ])
    .where('roadmap_requests.id', 'in', input.ids)
    .execute();
  return rows.map((row) => ({ id: row.id, title: row.title, details: row.details, isEvidence: Boolean(row.isEvidence) }));
}

export async function surveyExists(db: Db, input: { id: string }): Promise<boolean> {
  return Boolean(await db.selectFrom('surveys').select('id').where('id', '=', input.id).executeTakeFirst());
}
