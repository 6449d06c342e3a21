// Kysely queries for developers' roadmap requests.
import { sql } from 'kysely';
import type { RequestStatus } from '@/db/types';
import type { Db } from '@/server/db';

export async function insertRequest(db: Db, input: { title: string; details: string; email: string | null; boardId?: string | null }) {
  return db
    .insertInto('roadmap_requests')
    .values({ title: input.title, details: input.details, email: input.email, board_id: input.boardId ?? null })
    .returning(['id', 'title', 'details', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** The request as its public page shows it, with the item it became when that item is public. */
export async function getPublicRequest(db: Db, input: { id: string }) {
  return db
    .selectFrom('roadmap_requests')
    .leftJoin('roadmap_items', (join) => join.onRef('roadmap_items.id', '=', 'roadmap_requests.item_id').on('roadmap_items.public_lane', 'is not', null))
    .select([
      'roadmap_requests.id',
      'roadmap_requests.title',
      'roadmap_requests.details',
      'roadmap_requests.status',
      'roadmap_requests.decline_reason',
      'roadmap_requests.created_at',
      'roadmap_requests.triaged_at',
      'roadmap_items.id as item_id',
      'roadmap_items.public_title as item_title',
      'roadmap_items.public_lane as item_lane',
    ])
    .where('roadmap_requests.id', '=', input.id)
    .executeTakeFirst();
}

export async function lockRequest(db: Db, input: { id: string }) {
  return db
    .selectFrom('roadmap_requests')
    .select(['id', 'title', 'details', 'status', 'item_id'])
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
}

/** Records a triage outcome, only while the request is still open; null when it no longer was. */
export async function closeRequest(
  db: Db,
  input: { id: string; status: Exclude<RequestStatus, 'open'>; itemId: string | null; declineReason: string | null; triagedBy: string | null; now: Date },
) {
  return db
    .updateTable('roadmap_requests')
    .set({ status: input.status, item_id: input.itemId, decline_reason: input.declineReason, triaged_by: input.triagedBy, triaged_at: input.now })
    .where('id', '=', input.id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}

export type RequestFilter = 'untriaged' | 'open' | 'merged' | 'accepted' | 'declined' | 'evidence' | 'all';

/** The directory's developer whose email the request was sent with (none without an email). */
const requesterIsParticipant = sql<boolean>`lower(participants.email) = lower(roadmap_requests.email)`;

const hasEvidence = sql<boolean>`exists (select 1 from evidence where evidence.source_kind = 'request' and evidence.source_id = roadmap_requests.id)`;

export async function listRequests(db: Db, input: { filter: RequestFilter; search?: string; id?: string; limit: number; offset: number }) {
  let query = db.selectFrom('roadmap_requests');
  if (input.id) query = query.where('roadmap_requests.id', '=', input.id);
  else if (input.filter === 'untriaged') query = query.where('roadmap_requests.status', '=', 'open').where(sql<boolean>`not ${hasEvidence}`);
  else if (input.filter === 'evidence') query = query.where(hasEvidence);
  else if (input.filter !== 'all') query = query.where('roadmap_requests.status', '=', input.filter);
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where((eb) => eb.or([eb('roadmap_requests.title', 'ilike', pattern), eb('roadmap_requests.details', 'ilike', pattern)]));
  }
  const [rows, total] = await Promise.all([
    query
      .leftJoin('roadmap_items', 'roadmap_items.id', 'roadmap_requests.item_id')
      .leftJoin('participants', (join) => join.on(requesterIsParticipant))
      .leftJoin('roadmap_requests as joined', 'joined.id', 'roadmap_requests.merged_into_request_id')
      .select([
        'joined.id as joined_id',
        'joined.title as joined_title',
        'roadmap_requests.id',
        'roadmap_requests.title',
        'roadmap_requests.details',
        'roadmap_requests.email',
        'roadmap_requests.status',
        'roadmap_requests.decline_reason',
        'roadmap_requests.created_at',
        'roadmap_requests.triaged_at',
        'roadmap_items.id as item_id',
        'roadmap_items.title as item_title',
        'participants.id as participant_id',
        'participants.display_name as participant_name',
        sql<number>`(select count(*)::int from roadmap_votes where roadmap_votes.request_id = roadmap_requests.id)`.as('votes'),
        sql<number>`(select count(*)::int from evidence where evidence.source_kind = 'request' and evidence.source_id = roadmap_requests.id)`.as('evidence_count'),
      ])
      .orderBy('roadmap_requests.created_at', 'desc')
      .orderBy('roadmap_requests.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

export async function countUntriaged(db: Db) {
  const row = await db
    .selectFrom('roadmap_requests')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('status', '=', 'open')
    .where(sql<boolean>`not ${hasEvidence}`)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function countEvidenceOf(db: Db, input: { id: string }) {
  const row = await db
    .selectFrom('evidence')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('source_kind', '=', 'request')
    .where('source_id', '=', input.id)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** What an evidence excerpt may be taken from, and the developer behind the request if the directory knows the email. */
export async function getRequestSource(db: Db, input: { id: string }) {
  return db
    .selectFrom('roadmap_requests')
    .leftJoin('participants', (join) => join.on(requesterIsParticipant))
    .select([
      'roadmap_requests.id',
      'roadmap_requests.title',
      'roadmap_requests.details',
      sql<string>`to_char(roadmap_requests.created_at at time zone 'UTC', 'YYYY-MM-DD')`.as('created_on'),
      'participants.id as participant_id',
    ])
    .where('roadmap_requests.id', '=', input.id)
    .executeTakeFirst();
}

// ---- Similar titles (trigram similarity, so "preview env per PR" finds "Preview environments") ----

const similarity = (column: string, text: string) =>
  sql<number>`greatest(similarity(${sql.ref(column)}, ${text}), word_similarity(${text}, ${sql.ref(column)}))`;

/** Items on the public roadmap whose title is like the text. */
export async function findSimilarPublicItems(db: Db, input: { text: string; limit: number }) {
  return db
    .selectFrom('roadmap_items')
    .select(['id', 'public_title', 'public_lane', similarity('public_title', input.text).as('score')])
    .where('public_lane', 'is not', null)
    .where('public_lane', '!=', 'declined')
    .where(similarity('public_title', input.text), '>', 0.3)
    .orderBy('score', 'desc')
    .limit(input.limit)
    .execute();
}

/** Open requests whose title is like the text. */
export async function findSimilarOpenRequests(db: Db, input: { text: string; limit: number; excludeId?: string }) {
  let query = db
    .selectFrom('roadmap_requests')
    .select(['id', 'title', similarity('title', input.text).as('score')])
    .where('status', '=', 'open')
    .where(similarity('title', input.text), '>', 0.3);
  if (input.excludeId) query = query.where('id', '!=', input.excludeId);
  return query.orderBy('score', 'desc').limit(input.limit).execute();
}

/** Any item (draft titles included) like the text: merge suggestions in the triage inbox. */
export async function findSimilarItems(db: Db, input: { text: string; limit: number }) {
  return db
    .selectFrom('roadmap_items')
    .select(['id', 'title', 'lane', similarity('title', input.text).as('score')])
    .where('lane', '!=', 'declined')
    .where(similarity('title', input.text), '>', 0.2)
    .orderBy('score', 'desc')
    .limit(input.limit)
    .execute();
}

export async function getRequestTitle(db: Db, input: { id: string }) {
  return db.selectFrom('roadmap_requests').select(['id', 'title']).where('id', '=', input.id).executeTakeFirst();
}

// ---- Merges of a request into a request ------------------------------------------------------------

/** Closes an open request as merged into another request; null when it was no longer open. */
export async function closeIntoRequest(db: Db, input: { id: string; intoId: string; triagedBy: string | null; now: Date }) {
  return db
    .updateTable('roadmap_requests')
    .set({ status: 'merged', merged_into_request_id: input.intoId, item_id: null, triaged_by: input.triagedBy, triaged_at: input.now })
    .where('id', '=', input.id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}

/** The request this one was merged into (its page points there). */
export async function getJoinedRequest(db: Db, input: { id: string }) {
  return db
    .selectFrom('roadmap_requests as r')
    .innerJoin('roadmap_requests as joined', 'joined.id', 'r.merged_into_request_id')
    .select(['joined.id', 'joined.title', 'joined.status'])
    .where('r.id', '=', input.id)
    .executeTakeFirst();
}

// ---- Boards (categories) --------------------------------------------------------------------------

export async function getBoard(db: Db, input: { id: string } | { slug: string }) {
  let query = db.selectFrom('roadmap_boards').select(['id', 'slug', 'name']);
  query = 'id' in input ? query.where('id', '=', input.id) : query.where('slug', '=', input.slug);
  return query.executeTakeFirst();
}

/** Inserts the board unless its name or slug is taken; null when it was. */
export async function insertBoard(db: Db, input: { name: string; slug: string; description: string }) {
  return db
    .insertInto('roadmap_boards')
    .values({ name: input.name, slug: input.slug, description: input.description })
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'slug', 'name'])
    .executeTakeFirst();
}

export async function deleteBoard(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('roadmap_boards').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countBoards(db: Db) {
  const row = await db.selectFrom('roadmap_boards').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}
