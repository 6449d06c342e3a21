// Kysely queries for pain themes: the list, one theme, its evidence and developers, merges,
// splits, the MVP focus flag, and what theme suggestions read (examples, untagged evidence,
// dismissals).
import { sql } from 'kysely';
import type { EvidenceSourceKind, ThemeStatus } from '@/db/types';
import type { Db } from '@/server/db';
import { filteredEvidenceTags, monthlyMinutesSql, type InventoryFilter } from '@/server/inventory/queries';

/** Themes evidence can be tagged into: not archived, not merged into another theme. */
export async function listThemeOptions(db: Db) {
  return db
    .selectFrom('themes')
    .select(['id', 'title', 'status'])
    .where('merged_into_id', 'is', null)
    .where('status', '!=', 'archived')
    .orderBy('title')
    .execute();
}

export async function insertTheme(db: Db, input: { title: string; description: string; createdBy: string | null }) {
  return db
    .insertInto('themes')
    .values({ title: input.title, description: input.description, created_by: input.createdBy })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
}

export async function findThemes(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  return db.selectFrom('themes').select(['id', 'title', 'status', 'merged_into_id']).where('id', 'in', input.ids).execute();
}

export type ThemeListStatus = 'active' | ThemeStatus | 'merged' | 'all';

export interface ThemeListFilter {
  status: ThemeListStatus;
  search?: string;
}

/** Themes with how much evidence backs them (all evidence, no filter). */
export async function listThemes(db: Db, filter: ThemeListFilter) {
  let query = db
    .selectFrom('themes')
    .leftJoin('themes as target', 'target.id', 'themes.merged_into_id')
    .select([
      'themes.id',
      'themes.title',
      'themes.description',
      'themes.status',
      'themes.is_mvp_focus',
      'themes.merged_into_id',
      'target.title as merged_into_title',
      'themes.created_at',
      'themes.updated_at',
      (eb) =>
        eb
          .selectFrom('evidence_themes')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('evidence_themes.theme_id', '=', 'themes.id')
          .as('evidence_count'),
      (eb) =>
        eb
          .selectFrom('evidence_themes')
          .innerJoin('evidence', 'evidence.id', 'evidence_themes.evidence_id')
          .select(sql<number>`count(distinct evidence.participant_id)::int`.as('count'))
          .whereRef('evidence_themes.theme_id', '=', 'themes.id')
          .as('developer_count'),
      (eb) =>
        eb
          .selectFrom('theme_merges')
          .select('theme_merges.id')
          .whereRef('theme_merges.source_theme_id', '=', 'themes.id')
          .where('theme_merges.undone_at', 'is', null)
          .limit(1)
          .as('active_merge_id'),
    ]);
  if (filter.status === 'active') query = query.where('themes.merged_into_id', 'is', null).where('themes.status', '!=', 'archived');
  else if (filter.status === 'merged') query = query.where('themes.merged_into_id', 'is not', null);
  else if (filter.status !== 'all') query = query.where('themes.merged_into_id', 'is', null).where('themes.status', '=', filter.status);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where((eb) => eb.or([eb('themes.title', 'ilike', pattern), eb('themes.description', 'ilike', pattern)]));
  }
  return query.orderBy('themes.is_mvp_focus', 'desc').orderBy(sql`lower(themes.title)`).orderBy('themes.id').execute();
}

export async function getTheme(db: Db, input: { id: string }) {
  return db
    .selectFrom('themes')
    .leftJoin('users', 'users.id', 'themes.created_by')
    .select([
      'themes.id',
      'themes.title',
      'themes.description',
      'themes.status',
      'themes.is_mvp_focus',
      'themes.merged_into_id',
      'themes.created_at',
      'themes.updated_at',
      'users.name as created_by_name',
    ])
    .where('themes.id', '=', input.id)
    .executeTakeFirst();
}

/** Locks the themes for the rest of the transaction (merges, focus changes). */
export async function lockThemes(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('themes')
    .select(['id', 'title', 'status', 'merged_into_id', 'is_mvp_focus'])
    .where('id', 'in', input.ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function updateTheme(db: Db, input: { id: string; title: string; description: string; status: ThemeStatus; clearFocus: boolean }) {
  return db
    .updateTable('themes')
    .set({
      title: input.title,
      description: input.description,
      status: input.status,
      ...(input.clearFocus ? { is_mvp_focus: false } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', input.id)
    .returning(['id', 'title', 'status', 'is_mvp_focus'])
    .executeTakeFirst();
}

export async function lockFocusThemes(db: Db) {
  return db.selectFrom('themes').select(['id', 'title']).where('is_mvp_focus', '=', true).orderBy('id').forUpdate().execute();
}

export async function setMvpFocus(db: Db, input: { id: string; isFocus: boolean }) {
  await db.updateTable('themes').set({ is_mvp_focus: input.isFocus, updated_at: sql`now()` }).where('id', '=', input.id).execute();
}

// ---- Merges --------------------------------------------------------------------------------

export async function insertMerge(db: Db, input: { sourceId: string; targetId: string; mergedBy: string | null }) {
  return db
    .insertInto('theme_merges')
    .values({ source_theme_id: input.sourceId, target_theme_id: input.targetId, merged_by: input.mergedBy })
    .returning(['id', 'merged_at'])
    .executeTakeFirstOrThrow();
}

/** Remembers the source theme's evidence, and which of it is new to the target. */
export async function recordMergedEvidence(db: Db, input: { mergeId: string; sourceId: string; targetId: string }) {
  await db
    .insertInto('theme_merge_evidence')
    .columns(['merge_id', 'evidence_id', 'is_new_to_target'])
    .expression((eb) =>
      eb
        .selectFrom('evidence_themes as tag')
        .select([
          sql<string>`${input.mergeId}::uuid`.as('merge_id'),
          'tag.evidence_id',
          (inner) =>
            inner
              .not(
                inner.exists(
                  inner
                    .selectFrom('evidence_themes as existing')
                    .select('existing.evidence_id')
                    .whereRef('existing.evidence_id', '=', 'tag.evidence_id')
                    .where('existing.theme_id', '=', input.targetId),
                ),
              )
              .as('is_new_to_target'),
        ])
        .where('tag.theme_id', '=', input.sourceId),
    )
    .execute();
}

/** Tags the given theme with the merge's evidence (only what is new to it, or all of it). */
export async function tagMergedEvidence(db: Db, input: { mergeId: string; themeId: string; isNewOnly: boolean }) {
  let select = db
    .selectFrom('theme_merge_evidence')
    .select(['theme_merge_evidence.evidence_id', sql<string>`${input.themeId}::uuid`.as('theme_id')])
    .where('theme_merge_evidence.merge_id', '=', input.mergeId);
  if (input.isNewOnly) select = select.where('theme_merge_evidence.is_new_to_target', '=', true);
  const result = await db
    .insertInto('evidence_themes')
    .columns(['evidence_id', 'theme_id'])
    .expression(select)
    .onConflict((oc) => oc.columns(['evidence_id', 'theme_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Takes back from the target what the merge added to it. */
export async function untagMergedEvidence(db: Db, input: { mergeId: string; themeId: string }) {
  const result = await db
    .deleteFrom('evidence_themes')
    .where('theme_id', '=', input.themeId)
    .where('evidence_id', 'in', (eb) =>
      eb
        .selectFrom('theme_merge_evidence')
        .select('theme_merge_evidence.evidence_id')
        .where('theme_merge_evidence.merge_id', '=', input.mergeId)
        .where('theme_merge_evidence.is_new_to_target', '=', true),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteAllTags(db: Db, input: { themeId: string }) {
  await db.deleteFrom('evidence_themes').where('theme_id', '=', input.themeId).execute();
}

export async function setMergedInto(db: Db, input: { id: string; mergedIntoId: string | null }) {
  await db
    .updateTable('themes')
    .set({ merged_into_id: input.mergedIntoId, ...(input.mergedIntoId ? { is_mvp_focus: false } : {}), updated_at: sql`now()` })
    .where('id', '=', input.id)
    .execute();
}

export async function findMerge(db: Db, input: { id: string }) {
  return db
    .selectFrom('theme_merges')
    .select(['id', 'source_theme_id', 'target_theme_id', 'undone_at'])
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markMergeUndone(db: Db, input: { id: string; undoneBy: string | null }) {
  await db.updateTable('theme_merges').set({ undone_at: sql`now()`, undone_by: input.undoneBy }).where('id', '=', input.id).execute();
}

/** Merges in effect into a theme: what it absorbed and can give back. */
export async function listMergesInto(db: Db, input: { themeId: string }) {
  return db
    .selectFrom('theme_merges')
    .innerJoin('themes as source', 'source.id', 'theme_merges.source_theme_id')
    .leftJoin('users', 'users.id', 'theme_merges.merged_by')
    .select([
      'theme_merges.id',
      'theme_merges.source_theme_id',
      'source.title as source_title',
      'theme_merges.merged_at',
      'users.name as merged_by_name',
      (eb) =>
        eb
          .selectFrom('theme_merge_evidence')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('theme_merge_evidence.merge_id', '=', 'theme_merges.id')
          .as('evidence_count'),
    ])
    .where('theme_merges.target_theme_id', '=', input.themeId)
    .where('theme_merges.undone_at', 'is', null)
    .orderBy('theme_merges.merged_at', 'desc')
    .execute();
}

// ---- Evidence of a theme -------------------------------------------------------------------

/** Which of these evidence items are tagged into the theme. */
export async function findTaggedEvidenceIds(db: Db, input: { themeId: string; evidenceIds: string[] }): Promise<string[]> {
  if (input.evidenceIds.length === 0) return [];
  const rows = await db
    .selectFrom('evidence_themes')
    .select('evidence_id')
    .where('theme_id', '=', input.themeId)
    .where('evidence_id', 'in', input.evidenceIds)
    .execute();
  return rows.map((row) => row.evidence_id);
}

export async function moveTags(db: Db, input: { fromThemeId: string; toThemeId: string; evidenceIds: string[] }) {
  if (input.evidenceIds.length === 0) return;
  await db
    .insertInto('evidence_themes')
    .values(input.evidenceIds.map((evidenceId) => ({ evidence_id: evidenceId, theme_id: input.toThemeId })))
    .onConflict((oc) => oc.columns(['evidence_id', 'theme_id']).doNothing())
    .execute();
  await db.deleteFrom('evidence_themes').where('theme_id', '=', input.fromThemeId).where('evidence_id', 'in', input.evidenceIds).execute();
}

export interface ThemeEvidenceFilter {
  themeId: string;
  filter: InventoryFilter;
  /** attributed: only evidence from developers; unattributed: only mentions without one. */
  who?: 'attributed' | 'unattributed';
  sourceKind?: EvidenceSourceKind;
  participantId?: string;
  limit: number;
  offset: number;
}

function themeEvidence(db: Db, input: Omit<ThemeEvidenceFilter, 'limit' | 'offset'>) {
  let query = filteredEvidenceTags(db, { ...input.filter, themeIds: [input.themeId] })
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id');
  if (input.who === 'attributed') query = query.where('evidence.participant_id', 'is not', null);
  if (input.who === 'unattributed') query = query.where('evidence.participant_id', 'is', null);
  if (input.sourceKind) query = query.where('evidence.source_kind', '=', input.sourceKind);
  if (input.participantId) query = query.where('evidence.participant_id', '=', input.participantId);
  return query;
}

/** A theme's evidence within the filter, the costliest first: the evidence behind its numbers. */
export async function listThemeEvidence(db: Db, input: ThemeEvidenceFilter) {
  const query = themeEvidence(db, input);
  const [rows, total] = await Promise.all([
    query
      .select([
        'evidence.id',
        'evidence.source_kind',
        'evidence.source_path',
        'evidence.excerpt',
        'evidence.participant_id',
        'participants.display_name as participant_name',
        'participants.background as participant_background',
        'participants.tenure_band as participant_tenure_band',
        'teams.name as team_name',
        'evidence.minutes_lost',
        'evidence.occurrences_per_month',
        'evidence.severity',
        'evidence.kind',
        sql<number | null>`${monthlyMinutesSql}::float8`.as('monthly_minutes'),
        'evidence.observed_on',
        'evidence_themes.created_at as tagged_at',
      ])
      .orderBy(sql`${monthlyMinutesSql} desc nulls last`)
      .orderBy('evidence.observed_on', 'desc')
      .orderBy('evidence.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

/** Evidence not (yet) in this theme, to tag into it from the theme's page. */
export async function listEvidenceOutsideTheme(db: Db, input: { themeId: string; isUntaggedOnly: boolean; limit: number; offset: number }) {
  const query = db
    .selectFrom('evidence')
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('evidence_themes')
            .select('evidence_themes.evidence_id')
            .whereRef('evidence_themes.evidence_id', '=', 'evidence.id')
            .$if(!input.isUntaggedOnly, (inner) => inner.where('evidence_themes.theme_id', '=', input.themeId)),
        ),
      ),
    );
  const [rows, total] = await Promise.all([
    query
      .select([
        'evidence.id',
        'evidence.source_kind',
        'evidence.excerpt',
        'evidence.observed_on',
        'participants.display_name as participant_name',
      ])
      .orderBy('evidence.observed_on', 'desc')
      .orderBy('evidence.created_at', 'desc')
      .orderBy('evidence.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

// ---- Theme suggestions: live themes' evidence, untagged evidence, dismissals --------------------

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
