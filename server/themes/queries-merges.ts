// Kysely queries for theme merges: what a merge moved (so it can be undone), tagging and
// untagging the merged evidence, and the merges in effect into a theme.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

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
      'theme_merges.source_theme_id as sourceThemeId',
      'source.title as sourceTitle',
      'theme_merges.merged_at as mergedAt',
      'users.name as mergedByName',
      (eb) =>
        eb
          .selectFrom('theme_merge_evidence')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('theme_merge_evidence.merge_id', '=', 'theme_merges.id')
          .as('evidenceCount'),
    ])
    .where('theme_merges.target_theme_id', '=', input.themeId)
    .where('theme_merges.undone_at', 'is', null)
    .orderBy('theme_merges.merged_at', 'desc')
    .execute();
}
