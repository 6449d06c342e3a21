// Kysely queries for post-mortems: the writes an import makes and the reads of the Post-mortems
// pages.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

export interface PostmortemRow {
  external_key: string;
  title: string;
  incident_date: string | null;
  summary: string;
  timeline: string;
  contributing_factors: string[];
  action_items: string[];
  lessons: string;
  category: string | null;
  severity: string | null;
  detection_minutes: number | null;
  recovery_minutes: number | null;
  body: string;
  infrastructure_keywords: string[];
  content_hash: string;
}

export async function findPostmortemsByKeys(db: Db, input: { keys: string[] }) {
  if (input.keys.length === 0) return [];
  return db
    .selectFrom('postmortems')
    .select(['id', 'external_key', 'content_hash'])
    .where('external_key', '=', sql<string>`any(${input.keys}::text[])`)
    .execute();
}

export async function insertPostmortems(db: Db, input: { batchId: string; rows: PostmortemRow[] }) {
  if (input.rows.length === 0) return;
  await db
    .insertInto('postmortems')
    .values(input.rows.map((row) => ({ ...row, inserted_batch_id: input.batchId })))
    .execute();
}

export async function updatePostmortem(db: Db, input: { id: string; batchId: string; row: PostmortemRow }) {
  await db
    .updateTable('postmortems')
    .set({ ...input.row, updated_batch_id: input.batchId, updated_at: new Date() })
    .where('id', '=', input.id)
    .execute();
}

export async function restorePostmortems(db: Db, input: { batchId: string }): Promise<number> {
  const result = await sql`
    update postmortems t set title = p.title, incident_date = p.incident_date, summary = p.summary, timeline = p.timeline,
      contributing_factors = p.contributing_factors, action_items = p.action_items, lessons = p.lessons, category = p.category,
      severity = p.severity, detection_minutes = p.detection_minutes, recovery_minutes = p.recovery_minutes, body = p.body,
      infrastructure_keywords = p.infrastructure_keywords, content_hash = p.content_hash, updated_batch_id = p.updated_batch_id,
      updated_at = now()
    from import_revisions r cross join lateral jsonb_populate_record(null::postmortems, r.previous) p
    where r.batch_id = ${input.batchId} and r.record_kind = 'postmortem' and t.id = r.record_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function deletePostmortemsInsertedBy(db: Db, input: { batchId: string }): Promise<number> {
  const result = await db.deleteFrom('postmortems').where('inserted_batch_id', '=', input.batchId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countPostmortemsChangedAfter(db: Db, input: { batchId: string }): Promise<number> {
  const row = await db
    .selectFrom('postmortems')
    .select(sql<number>`count(*)::int`.as('count'))
    .where((eb) =>
      eb.or([
        eb.and([eb('inserted_batch_id', '=', input.batchId), eb('updated_batch_id', 'is not', null)]),
        eb.and([
          eb('id', 'in', eb.selectFrom('import_revisions').select('record_id').where('batch_id', '=', input.batchId).where('record_kind', '=', 'postmortem')),
          eb.or([eb('updated_batch_id', '!=', input.batchId), eb('updated_batch_id', 'is', null)]),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function countEvidenceOfPostmortemsInsertedBy(db: Db, input: { batchId: string }): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('source_kind', '=', 'postmortem')
    .where('source_id', 'in', db.selectFrom('postmortems').select('id').where('inserted_batch_id', '=', input.batchId))
    .executeTakeFirstOrThrow();
  return row.count;
}

export interface PostmortemFilter {
  search?: string;
  infrastructure?: 'yes' | 'no' | 'suggested' | 'unreviewed';
  category?: string;
}

export async function listPostmortems(db: Db, filter: PostmortemFilter & { limit: number; offset: number }) {
  let query = db.selectFrom('postmortems');
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('summary', 'ilike', pattern)]));
  }
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.infrastructure === 'yes') query = query.where('is_infrastructure', '=', true);
  if (filter.infrastructure === 'no') query = query.where('is_infrastructure', '=', false);
  if (filter.infrastructure === 'unreviewed') query = query.where('is_infrastructure', 'is', null);
  if (filter.infrastructure === 'suggested') {
    query = query.where('is_infrastructure', 'is', null).where(sql<boolean>`cardinality(infrastructure_keywords) > 0`);
  }
  const [rows, total, counts] = await Promise.all([
    query
      .select([
        'id',
        'title',
        'incident_date as incidentDate',
        'summary',
        'category',
        'severity',
        'detection_minutes as detectionMinutes',
        'recovery_minutes as recoveryMinutes',
        'infrastructure_keywords as infrastructureKeywords',
        'is_infrastructure as isInfrastructure',
        sql<number>`cardinality(contributing_factors)`.as('factorCount'),
      ])
      .orderBy(sql`incident_date desc nulls last`)
      .orderBy('title')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
    db
      .selectFrom('postmortems')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where is_infrastructure)::int`.as('infrastructure'),
        sql<number>`count(*) filter (where is_infrastructure is null and cardinality(infrastructure_keywords) > 0)::int`.as('suggested'),
        sql<number>`count(*) filter (where is_infrastructure is null)::int`.as('unreviewed'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count, counts };
}

export async function listPostmortemCategories(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('postmortems').select('category').where('category', 'is not', null).groupBy('category').orderBy('category').execute();
  return rows.map((row) => row.category!);
}

export async function getPostmortem(db: Db, input: { id: string }) {
  return db
    .selectFrom('postmortems')
    .leftJoin('users', 'users.id', 'postmortems.reviewed_by')
    .select([
      'postmortems.id',
      'postmortems.external_key as externalKey',
      'postmortems.title',
      'postmortems.incident_date as incidentDate',
      'postmortems.summary',
      'postmortems.timeline',
      'postmortems.contributing_factors as contributingFactors',
      'postmortems.action_items as actionItems',
      'postmortems.lessons',
      'postmortems.category',
      'postmortems.severity',
      'postmortems.detection_minutes as detectionMinutes',
      'postmortems.recovery_minutes as recoveryMinutes',
      'postmortems.body',
      'postmortems.infrastructure_keywords as infrastructureKeywords',
      'postmortems.is_infrastructure as isInfrastructure',
      'postmortems.reviewed_at as reviewedAt',
      'users.name as reviewedByName',
      'postmortems.created_at as createdAt',
    ])
    .where('postmortems.id', '=', input.id)
    .executeTakeFirst();
}

export async function setInfrastructure(db: Db, input: { id: string; isInfrastructure: boolean | null; userId: string }) {
  return db
    .updateTable('postmortems')
    .set({
      is_infrastructure: input.isInfrastructure,
      reviewed_by: input.isInfrastructure === null ? null : input.userId,
      reviewed_at: input.isInfrastructure === null ? null : new Date(),
    })
    .where('id', '=', input.id)
    .returning(['id'])
    .executeTakeFirst();
}

export async function findPostmortemForEvidence(db: Db, input: { id: string }) {
  return db
    .selectFrom('postmortems')
    .select(['id', 'title', 'summary', 'timeline', 'contributing_factors', 'action_items', 'lessons', 'body', 'incident_date', 'created_at'])
    .where('id', '=', input.id)
    .executeTakeFirst();
}

export async function listPostmortemEvidence(db: Db, input: { id: string }) {
  return db
    .selectFrom('evidence')
    .leftJoin('evidence_themes', 'evidence_themes.evidence_id', 'evidence.id')
    .leftJoin('themes', 'themes.id', 'evidence_themes.theme_id')
    .select(['evidence.id', 'evidence.source_path as sourcePath', 'evidence.excerpt', 'themes.id as themeId', 'themes.title as themeTitle'])
    .where('evidence.source_kind', '=', 'postmortem')
    .where('evidence.source_id', '=', input.id)
    .orderBy('evidence.created_at')
    .execute();
}
