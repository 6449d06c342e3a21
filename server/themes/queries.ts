// Kysely queries for pain themes: the list, one theme, editing it and the MVP focus flag. Merges,
// a theme's evidence and what suggestions read live in the sibling queries-*.ts files.
import { sql } from 'kysely';
import type { ThemeStatus } from '@/db/types';
import type { Db } from '@/server/db';

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
      'themes.is_mvp_focus as isMvpFocus',
      'themes.merged_into_id as mergedIntoId',
      'target.title as mergedIntoTitle',
      'themes.created_at as createdAt',
      'themes.updated_at as updatedAt',
      (eb) =>
        eb
          .selectFrom('evidence_themes')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('evidence_themes.theme_id', '=', 'themes.id')
          .as('evidenceCount'),
      (eb) =>
        eb
          .selectFrom('evidence_themes')
          .innerJoin('evidence', 'evidence.id', 'evidence_themes.evidence_id')
          .select(sql<number>`count(distinct evidence.participant_id)::int`.as('count'))
          .whereRef('evidence_themes.theme_id', '=', 'themes.id')
          .as('developerCount'),
      (eb) =>
        eb
          .selectFrom('theme_merges')
          .select('theme_merges.id')
          .whereRef('theme_merges.source_theme_id', '=', 'themes.id')
          .where('theme_merges.undone_at', 'is', null)
          .limit(1)
          .as('activeMergeId'),
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
      'themes.is_mvp_focus as isMvpFocus',
      'themes.merged_into_id as mergedIntoId',
      'themes.created_at as createdAt',
      'themes.updated_at as updatedAt',
      'users.name as createdByName',
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
    .returning(['id', 'title', 'status', 'is_mvp_focus as isMvpFocus'])
    .executeTakeFirst();
}

export async function lockFocusThemes(db: Db) {
  return db.selectFrom('themes').select(['id', 'title']).where('is_mvp_focus', '=', true).orderBy('id').forUpdate().execute();
}

export async function setMvpFocus(db: Db, input: { id: string; isFocus: boolean }) {
  await db.updateTable('themes').set({ is_mvp_focus: input.isFocus, updated_at: sql`now()` }).where('id', '=', input.id).execute();
}
