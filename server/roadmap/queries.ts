// Kysely queries for roadmap items, their theme links, status history, publications and votes.
import { sql } from 'kysely';
import type { RoadmapLane } from '@/db/types';
import type { Db } from '@/server/db';

// ---- Items (the workspace's working copy) ----------------------------------------------------

const itemColumns = [
  'roadmap_items.id',
  'roadmap_items.title',
  'roadmap_items.description',
  'roadmap_items.internal_note',
  'roadmap_items.lane',
  'roadmap_items.position',
  'roadmap_items.target_quarter',
  'roadmap_items.is_public',
  'roadmap_items.public_title',
  'roadmap_items.public_description',
  'roadmap_items.public_quarter',
  'roadmap_items.public_lane',
  'roadmap_items.public_position',
  'roadmap_items.first_published_at',
  'roadmap_items.public_updated_at',
  'roadmap_items.shipped_at',
  'roadmap_items.created_at',
  'roadmap_items.updated_at',
] as const;

export async function listItems(db: Db) {
  return db.selectFrom('roadmap_items').select(itemColumns).orderBy('lane').orderBy('position').orderBy('created_at').execute();
}

export async function getItem(db: Db, input: { id: string }) {
  return db.selectFrom('roadmap_items').select(itemColumns).where('id', '=', input.id).executeTakeFirst();
}

/**
 * Serialises every change to the order of items (moves, creates, publishing) for the rest of the
 * transaction. They are rare human actions; one lock is simpler and cannot deadlock.
 */
export async function lockRoadmap(db: Db) {
  await sql`select pg_advisory_xact_lock(hashtext('frictionlog.roadmap'))`.execute(db);
}

export async function listLanes(db: Db, input: { lanes: RoadmapLane[] }) {
  return db.selectFrom('roadmap_items').select(['id', 'lane', 'position']).where('lane', 'in', input.lanes).execute();
}

export async function nextPosition(db: Db, input: { lane: RoadmapLane }): Promise<number> {
  const row = await db
    .selectFrom('roadmap_items')
    .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'))
    .where('lane', '=', input.lane)
    .executeTakeFirstOrThrow();
  return row.next;
}

export async function insertItem(
  db: Db,
  input: {
    title: string;
    description: string;
    internalNote: string;
    lane: RoadmapLane;
    position: number;
    targetQuarter: string | null;
    isPublic: boolean;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('roadmap_items')
    .values({
      title: input.title,
      description: input.description,
      internal_note: input.internalNote,
      lane: input.lane,
      position: input.position,
      target_quarter: input.targetQuarter,
      is_public: input.isPublic,
      created_by: input.createdBy,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
}

export async function updateItemText(
  db: Db,
  input: { id: string; title: string; description: string; internalNote: string; targetQuarter: string | null; isPublic: boolean },
) {
  return db
    .updateTable('roadmap_items')
    .set({
      title: input.title,
      description: input.description,
      internal_note: input.internalNote,
      target_quarter: input.targetQuarter,
      is_public: input.isPublic,
      updated_at: new Date(),
    })
    .where('id', '=', input.id)
    .returning('id')
    .executeTakeFirst();
}

/** Writes a lane's order: each id gets its index as position (and the lane, for moved items). */
export async function writeLaneOrder(db: Db, input: { lane: RoadmapLane; ids: string[] }) {
  if (input.ids.length === 0) return;
  const values = sql.join(input.ids.map((id, index) => sql`(${id}::uuid, ${index}::int)`));
  await sql`
    update roadmap_items set lane = ${input.lane}, position = v.position, updated_at = now()
    from (values ${values}) as v(id, position)
    where roadmap_items.id = v.id and (roadmap_items.lane <> ${input.lane} or roadmap_items.position <> v.position)
  `.execute(db);
}

export async function deleteItem(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('roadmap_items').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countRequestsOfItem(db: Db, input: { id: string }) {
  const row = await db
    .selectFrom('roadmap_requests')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('item_id', '=', input.id)
    .executeTakeFirstOrThrow();
  return row.count;
}

// ---- Theme links --------------------------------------------------------------------------------

type LinkTable = 'roadmap_item_themes' | 'roadmap_item_public_themes';

export async function listThemeLinks(db: Db, input: { table: LinkTable; itemIds?: string[] }) {
  if (input.itemIds && input.itemIds.length === 0) return [];
  let query = db.selectFrom(input.table).select(['item_id', 'theme_id']);
  if (input.itemIds) query = query.where('item_id', 'in', input.itemIds);
  return query.execute();
}

export async function replaceThemeLinks(db: Db, input: { table: LinkTable; itemId: string; themeIds: string[] }) {
  await db.deleteFrom(input.table).where('item_id', '=', input.itemId).execute();
  if (input.themeIds.length === 0) return;
  await db
    .insertInto(input.table)
    .values(input.themeIds.map((themeId) => ({ item_id: input.itemId, theme_id: themeId })))
    .execute();
}

export async function listThemeTitles(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  return db.selectFrom('themes').select(['id', 'title']).where('id', 'in', input.ids).execute();
}

// ---- Publishing -----------------------------------------------------------------------------------

export async function writePublicCopy(
  db: Db,
  input: {
    id: string;
    copy: { title: string; description: string; quarter: string | null; lane: RoadmapLane; position: number } | null;
    now: Date;
    isFirstPublish: boolean;
    shippedAt: Date | null;
  },
) {
  const { copy } = input;
  await db
    .updateTable('roadmap_items')
    .set({
      public_title: copy?.title ?? null,
      public_description: copy?.description ?? null,
      public_quarter: copy?.quarter ?? null,
      public_lane: copy?.lane ?? null,
      public_position: copy?.position ?? null,
      public_updated_at: input.now,
      shipped_at: input.shippedAt,
      ...(input.isFirstPublish ? { first_published_at: input.now } : {}),
    })
    .where('id', '=', input.id)
    .execute();
}

export async function insertHistory(
  db: Db,
  input: { rows: { item_id: string; from_lane: RoadmapLane | null; to_lane: RoadmapLane; changed_at: Date; changed_by: string | null }[] },
) {
  if (input.rows.length === 0) return;
  await db.insertInto('roadmap_item_history').values(input.rows).execute();
}

export async function insertPublication(db: Db, input: { publishedAt: Date; publishedBy: string | null; changes: number; publicItems: number }) {
  await db
    .insertInto('roadmap_publications')
    .values({ published_at: input.publishedAt, published_by: input.publishedBy, changes: input.changes, public_items: input.publicItems })
    .execute();
}

export async function lastPublication(db: Db) {
  return db
    .selectFrom('roadmap_publications')
    .leftJoin('users', 'users.id', 'roadmap_publications.published_by')
    .select(['roadmap_publications.published_at', 'roadmap_publications.changes', 'users.name as published_by_name'])
    .orderBy('roadmap_publications.published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listHistory(db: Db, input: { itemId: string }) {
  return db
    .selectFrom('roadmap_item_history')
    .select(['id', 'from_lane', 'to_lane', 'changed_at'])
    .where('item_id', '=', input.itemId)
    .orderBy('changed_at')
    .execute();
}

/** Lane changes of items that are on the public roadmap now, newest first: the Atom feed. */
export async function listRecentPublicHistory(db: Db, input: { limit: number }) {
  return db
    .selectFrom('roadmap_item_history')
    .innerJoin('roadmap_items', 'roadmap_items.id', 'roadmap_item_history.item_id')
    .select([
      'roadmap_item_history.id',
      'roadmap_item_history.item_id',
      'roadmap_item_history.from_lane',
      'roadmap_item_history.to_lane',
      'roadmap_item_history.changed_at',
      'roadmap_items.public_title',
      'roadmap_items.public_description',
    ])
    .where('roadmap_items.public_lane', 'is not', null)
    .orderBy('roadmap_item_history.changed_at', 'desc')
    .limit(input.limit)
    .execute();
}

// ---- The public copy ----------------------------------------------------------------------------

export async function listPublicItems(db: Db) {
  return db
    .selectFrom('roadmap_items')
    .select([
      'id',
      'public_title',
      'public_quarter',
      'public_lane',
      'public_position',
      'public_updated_at',
      'shipped_at',
    ])
    .where('public_lane', 'is not', null)
    .orderBy('public_position')
    .orderBy('first_published_at')
    .execute();
}

export async function getPublicItem(db: Db, input: { id: string }) {
  return db
    .selectFrom('roadmap_items')
    .select([
      'id',
      'public_title',
      'public_description',
      'public_quarter',
      'public_lane',
      'public_updated_at',
      'first_published_at',
      'shipped_at',
    ])
    .where('id', '=', input.id)
    .where('public_lane', 'is not', null)
    .executeTakeFirst();
}

// ---- Votes --------------------------------------------------------------------------------------

export async function countItemVotes(db: Db, input: { itemIds?: string[] }) {
  if (input.itemIds && input.itemIds.length === 0) return new Map<string, number>();
  let query = db
    .selectFrom('roadmap_votes')
    .select(['item_id', sql<number>`count(*)::int`.as('votes')])
    .where('item_id', 'is not', null)
    .groupBy('item_id');
  if (input.itemIds) query = query.where('item_id', 'in', input.itemIds);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.item_id!, row.votes]));
}

export async function countRequestVotes(db: Db, input: { requestIds: string[] }) {
  if (input.requestIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('roadmap_votes')
    .select(['request_id', sql<number>`count(*)::int`.as('votes')])
    .where('request_id', 'in', input.requestIds)
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((row) => [row.request_id!, row.votes]));
}

export type VoteTarget = { kind: 'item'; id: string } | { kind: 'request'; id: string };

const targetColumn = (target: VoteTarget) => (target.kind === 'item' ? 'item_id' : 'request_id');

/** Inserts the vote unless this browser or this email already voted for the target; true when it counted. */
export async function insertVote(db: Db, input: { target: VoteTarget; voterHash: string; emailHash: string | null }) {
  const row = await db
    .insertInto('roadmap_votes')
    .values({
      item_id: input.target.kind === 'item' ? input.target.id : null,
      request_id: input.target.kind === 'request' ? input.target.id : null,
      voter_hash: input.voterHash,
      email_hash: input.emailHash,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function deleteVote(db: Db, input: { target: VoteTarget; voterHash: string }) {
  const result = await db
    .deleteFrom('roadmap_votes')
    .where(targetColumn(input.target), '=', input.target.id)
    .where('voter_hash', '=', input.voterHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countVotesOf(db: Db, input: { target: VoteTarget }) {
  const row = await db
    .selectFrom('roadmap_votes')
    .select(sql<number>`count(*)::int`.as('votes'))
    .where(targetColumn(input.target), '=', input.target.id)
    .executeTakeFirstOrThrow();
  return row.votes;
}

export async function listVotedTargets(db: Db, input: { voterHash: string; itemIds: string[]; requestIds: string[] }) {
  if (input.itemIds.length === 0 && input.requestIds.length === 0) return [];
  return db
    .selectFrom('roadmap_votes')
    .select(['item_id', 'request_id'])
    .where('voter_hash', '=', input.voterHash)
    .where((eb) => {
      const ors = [];
      if (input.itemIds.length > 0) ors.push(eb('item_id', 'in', input.itemIds));
      if (input.requestIds.length > 0) ors.push(eb('request_id', 'in', input.requestIds));
      return eb.or(ors);
    })
    .execute();
}

/**
 * Moves a request's votes onto an item or another request: a voter (browser or email) who already
 * voted for the target is not counted twice. Returns how many votes arrived on the target.
 */
export async function moveRequestVotes(db: Db, input: { requestId: string; to: VoteTarget }) {
  const column = sql.ref(targetColumn(input.to));
  const moved = await sql<{ id: string }>`
    insert into roadmap_votes (${column}, voter_hash, email_hash, created_at)
    select ${input.to.id}::uuid, v.voter_hash, v.email_hash, v.created_at
    from roadmap_votes v
    where v.request_id = ${input.requestId}::uuid
      and not exists (
        select 1 from roadmap_votes w
        where w.${column} = ${input.to.id}::uuid
          and (w.voter_hash = v.voter_hash or (v.email_hash is not null and w.email_hash = v.email_hash))
      )
    on conflict do nothing
    returning id
  `.execute(db);
  await db.deleteFrom('roadmap_votes').where('request_id', '=', input.requestId).execute();
  return moved.rows.length;
}

export async function getRequestStatus(db: Db, input: { id: string }) {
  return db.selectFrom('roadmap_requests').select(['id', 'status']).where('id', '=', input.id).executeTakeFirst();
}
