// Kysely queries for pain themes.
import type { Db } from '../db';

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
