// Kysely queries for tickets that write: what an import makes (new rows by COPY, changed rows copied
// into a temporary table and updated by one statement, undone by a rollback) and the category rules.
// The reads of the Tickets page are in queries-read.ts, ticket time by rule in queries-ticket-time.ts.
import { sql } from 'kysely';
import { copyFields, type CopyIn, type CopyValue } from '@/db/copy-in';
import type { Db } from '@/server/db';

/** What a ticket says, as written: the export's fields and what the import derives from them. */
export interface TicketFields {
  external_key: string;
  title: string;
  title_norm: string;
  body: string;
  status: string | null;
  export_category: string | null;
  category: string | null;
  labels: string[];
  components: string[];
  comments: string[];
  requester_name: string | null;
  requester_email: string | null;
  opened_at: string | null;
  resolved_at: string | null;
  content_hash: string;
  participant_id: string | null;
}

/** A ticket waiting to be written: its fields as COPY bytes (see ticketCopyBytes). */
export interface PendingTicket {
  bytes: Buffer;
}

/** Whether any ticket of the source exists (a first import of a source need not look keys up). */
export async function hasTicketsOfSource(db: Db, input: { source: string }): Promise<boolean> {
  const row = await db.selectFrom('tickets').select('id').where('source', '=', input.source).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * The tickets of a source with these keys, found one key at a time through the unique (source, key)
 * index (`offset 0` keeps the planner from turning it into a join): during an import the table's
 * statistics do not count the rows the import added, and a join would scan them for every batch.
 */
export async function findTicketsByKeys(db: Db, input: { source: string; keys: string[] }) {
  if (input.keys.length === 0) return [];
  const result = await sql<{ id: string; external_key: string; content_hash: string }>`
    select found.id, found.external_key, found.content_hash
    from unnest(${input.keys}::text[]) as k(key)
    cross join lateral (
      select t.id, t.external_key, t.content_hash from tickets t where t.source = ${input.source} and t.external_key = k.key offset 0
    ) found`.execute(db);
  return result.rows;
}

// The columns of TicketFields in the order ticketCopyBytes writes them.
const COPY_COLUMNS = [
  'external_key', 'title', 'title_norm', 'body', 'status', 'export_category', 'category', 'labels', 'components', 'comments',
  'requester_name', 'requester_email', 'opened_at', 'resolved_at', 'content_hash', 'participant_id',
].join(', ');

// Filled for every ticket: no array of values is made per row.
const values: CopyValue[] = new Array(16);

/**
 * A ticket's fields as COPY bytes without a line end. An import holds these until the write, not
 * the parsed records: bytes outside the JavaScript heap, which garbage collection does not trace.
 */
export function ticketCopyBytes(row: TicketFields): Buffer {
  values[0] = row.external_key;
  values[1] = row.title;
  values[2] = row.title_norm;
  values[3] = row.body;
  values[4] = row.status;
  values[5] = row.export_category;
  values[6] = row.category;
  values[7] = row.labels;
  values[8] = row.components;
  values[9] = row.comments;
  values[10] = row.requester_name;
  values[11] = row.requester_email;
  values[12] = row.opened_at;
  values[13] = row.resolved_at;
  values[14] = row.content_hash;
  values[15] = row.participant_id;
  return Buffer.from(copyFields(values));
}

/** COPY lines of pending tickets: their fields, then the columns `extraOf` gives as COPY text (a tab first, then a line end). */
function copyLines<Row extends PendingTicket>(rows: Row[], extraOf: (row: Row) => Buffer): Buffer<ArrayBuffer> {
  const parts: Buffer[] = [];
  for (const row of rows) parts.push(row.bytes, extraOf(row));
  return Buffer.concat(parts);
}

/** Inserts new tickets with one COPY (the import has checked that none of their keys exists). */
export async function copyNewTickets(copyIn: CopyIn, input: { source: string; batchId: string; rows: PendingTicket[] }): Promise<void> {
  if (input.rows.length === 0) return;
  const extra = Buffer.from(`\t${copyFields([input.source, input.batchId])}\n`);
  await copyIn(`copy tickets (${COPY_COLUMNS}, source, inserted_batch_id)`, copyLines(input.rows, () => extra));
}

/**
 * Updates tickets from rows copied into a temporary table (made at the first update of the
 * transaction, dropped at its end, never logged). Their rows in ticket_search are deleted and
 * written again after the import commits (server/tickets/service-search-vectors.ts), like those of
 * new tickets.
 */
export async function updateTickets(db: Db, copyIn: CopyIn, input: { batchId: string; rows: (PendingTicket & { id: string })[] }): Promise<void> {
  if (input.rows.length === 0) return;
  await sql`
    create temp table if not exists import_ticket_updates (id uuid not null, external_key text not null, title text not null,
      title_norm text not null, body text not null, status text, export_category text, category text, labels text[] not null,
      components text[] not null, comments text[] not null, requester_name text, requester_email text, participant_id uuid,
      opened_at timestamptz, resolved_at timestamptz, content_hash text not null) on commit drop`.execute(db);
  await copyIn(`copy import_ticket_updates (${COPY_COLUMNS}, id)`, copyLines(input.rows, (row) => Buffer.from(`\t${row.id}\n`)));
  await sql`
    update tickets t set title = u.title, title_norm = u.title_norm, body = u.body, status = u.status,
      export_category = u.export_category, category = u.category, labels = u.labels, components = u.components,
      comments = u.comments, requester_name = u.requester_name, requester_email = u.requester_email,
      participant_id = u.participant_id, opened_at = u.opened_at, resolved_at = u.resolved_at, content_hash = u.content_hash,
      updated_batch_id = ${input.batchId}::uuid, updated_at = now()
    from import_ticket_updates u
    where t.id = any(${input.rows.map((row) => row.id)}::uuid[]) and u.id = t.id`.execute(db);
  await sql`delete from ticket_search where ticket_id = any(${input.rows.map((row) => row.id)}::uuid[])`.execute(db);
  await sql`truncate import_ticket_updates`.execute(db);
}

// ---- Search vectors (migration 0950) -------------------------------------------------------------

const TICKET_VECTOR = sql`to_tsvector('english'::regconfig, t.title || ' ' || t.body)`;

/** Marks an import's tickets as needing their search vectors (inside the import's transaction). */
export async function markSearchPending(db: Db, input: { batchId: string }): Promise<void> {
  await sql`insert into ticket_search_pending (batch_id) values (${input.batchId}) on conflict do nothing`.execute(db);
}

export async function listSearchPendingBatches(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('ticket_search_pending').select('batch_id').orderBy('created_at').execute();
  return rows.map((row) => row.batch_id);
}

/**
 * Tickets without a search vector among those these batches inserted or updated, and those written
 * without an import (no inserted batch): through the batch indexes, never a scan of every ticket.
 */
export async function findTicketsWithoutSearch(db: Db, input: { batchIds: string[] }): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select t.id from tickets t
    where (t.inserted_batch_id = any(${input.batchIds}::uuid[]) or t.updated_batch_id = any(${input.batchIds}::uuid[]) or t.inserted_batch_id is null)
      and not exists (select 1 from ticket_search s where s.ticket_id = t.id)
    order by t.id`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Writes the search vectors of these tickets from their current title and body. A ticket that has
 * one meanwhile keeps it: only a rollback writes one, from the text it restores.
 */
export async function writeSearchVectors(db: Db, input: { ids: string[] }): Promise<number> {
  if (input.ids.length === 0) return 0;
  const result = await sql`
    insert into ticket_search (ticket_id, vector)
    select t.id, ${TICKET_VECTOR} from tickets t where t.id = any(${input.ids}::uuid[])
    on conflict (ticket_id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteSearchPending(db: Db, input: { batchIds: string[] }): Promise<void> {
  if (input.batchIds.length === 0) return;
  await sql`delete from ticket_search_pending where batch_id = any(${input.batchIds}::uuid[])`.execute(db);
}

/**
 * Holds imports off while a fill writes (an import holds the shared side of the same lock for its
 * transaction): a fill never writes the vector of a text an uncommitted import is replacing.
 */
export async function lockForSearchFill(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${SEARCH_FILL_LOCK})`.execute(db);
}

export async function lockForImport(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${SEARCH_FILL_LOCK})`.execute(db);
}

/** The advisory lock key of ticket search fills ('tsearch' in ASCII). */
const SEARCH_FILL_LOCK = 0x747365617263;

/** Writes back the tickets a batch updated, as they were before it. */
export async function restoreTickets(db: Db, input: { batchId: string }): Promise<number> {
  const result = await sql`
    update tickets t set title = p.title, title_norm = p.title_norm, body = p.body, status = p.status,
      export_category = p.export_category, category = p.category, labels = p.labels, components = p.components,
      comments = p.comments, requester_name = p.requester_name, requester_email = p.requester_email,
      participant_id = (select id from participants where id = p.participant_id), opened_at = p.opened_at,
      resolved_at = p.resolved_at, content_hash = p.content_hash,
      updated_batch_id = p.updated_batch_id, updated_at = now()
    from import_revisions r cross join lateral jsonb_populate_record(null::tickets, r.previous) p
    where r.batch_id = ${input.batchId} and r.record_kind = 'ticket' and t.id = r.record_id`.execute(db);
  // The restored text is searchable at once, with its own vector.
  await sql`
    insert into ticket_search (ticket_id, vector)
    select t.id, ${TICKET_VECTOR} from tickets t
    where t.id in (select record_id from import_revisions where batch_id = ${input.batchId} and record_kind = 'ticket')
    on conflict (ticket_id) do update set vector = excluded.vector`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteTicketsInsertedBy(db: Db, input: { batchId: string }): Promise<number> {
  await sql`delete from ticket_search where ticket_id in (select id from tickets where inserted_batch_id = ${input.batchId})`.execute(db);
  const result = await db.deleteFrom('tickets').where('inserted_batch_id', '=', input.batchId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Tickets a batch touched that a later import changed again: rolling it back would undo that too. */
export async function countTicketsChangedAfter(db: Db, input: { batchId: string }): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select(sql<number>`count(*)::int`.as('count'))
    .where((eb) =>
      eb.or([
        eb.and([eb('inserted_batch_id', '=', input.batchId), eb('updated_batch_id', 'is not', null)]),
        eb.and([
          eb('id', 'in', eb.selectFrom('import_revisions').select('record_id').where('batch_id', '=', input.batchId).where('record_kind', '=', 'ticket')),
          eb.or([eb('updated_batch_id', '!=', input.batchId), eb('updated_batch_id', 'is', null)]),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function countEvidenceOfTicketsInsertedBy(db: Db, input: { batchId: string }): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('source_kind', '=', 'ticket')
    .where('source_id', 'in', db.selectFrom('tickets').select('id').where('inserted_batch_id', '=', input.batchId))
    .executeTakeFirstOrThrow();
  return row.count;
}

// ---- Category rules ----------------------------------------------------------------------------

export async function listRules(db: Db) {
  return db
    .selectFrom('ticket_category_rules')
    .select(['id', 'match_on as matchOn', 'pattern', 'category', 'position', 'created_at as createdAt'])
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function countRules(db: Db): Promise<number> {
  const row = await db.selectFrom('ticket_category_rules').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}

export async function insertRule(db: Db, input: { matchOn: 'keyword' | 'label'; pattern: string; category: string; createdBy: string | null }) {
  return db
    .insertInto('ticket_category_rules')
    .values({
      match_on: input.matchOn,
      pattern: input.pattern,
      category: input.category,
      created_by: input.createdBy,
      position: sql<number>`coalesce((select max(position) + 1 from ticket_category_rules), 0)`,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function deleteRule(db: Db, input: { id: string }): Promise<boolean> {
  const result = await db.deleteFrom('ticket_category_rules').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Tickets in pages of `limit` after a given id, with what categorising needs. */
export async function listTicketsForCategorizing(db: Db, input: { afterId: string | null; limit: number }) {
  let query = db
    .selectFrom('tickets')
    .select(['id', 'title', 'body', 'labels', 'components', 'export_category', 'category'])
    .orderBy('id')
    .limit(input.limit);
  if (input.afterId) query = query.where('id', '>', input.afterId);
  return query.execute();
}

export async function setCategories(db: Db, input: { rows: { id: string; category: string | null }[] }): Promise<void> {
  if (input.rows.length === 0) return;
  await sql`
    update tickets t set category = r.category
    from json_to_recordset(${JSON.stringify(input.rows)}::json) as r(id uuid, category text)
    where t.id = r.id`.execute(db);
}
