// Kysely queries for tickets that write: what an import makes (new rows by COPY, changed rows copied
// into a temporary table and updated by one statement, undone by a rollback) and the category rules.
// The reads of the Tickets page are in queries-read.ts, ticket time by rule in queries-ticket-time.ts.
import { sql } from 'kysely';
import { copyLine, type CopyIn } from '@/db/copy-in';
import type { Db } from '@/server/db';

export interface TicketRow {
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
  participant_id: string | null;
  opened_at: string | null;
  resolved_at: string | null;
  content_hash: string;
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

// The columns of a ticket row as COPY writes them.
const COPY_COLUMNS = [
  'external_key', 'title', 'title_norm', 'body', 'status', 'export_category', 'category', 'labels', 'components', 'comments',
  'requester_name', 'requester_email', 'participant_id', 'opened_at', 'resolved_at', 'content_hash',
].join(', ');

function copyText(rows: TicketRow[], extra: (row: TicketRow) => string[]): string {
  let text = '';
  for (const row of rows) {
    text += copyLine([
      row.external_key, row.title, row.title_norm, row.body, row.status, row.export_category, row.category, row.labels, row.components,
      row.comments, row.requester_name, row.requester_email, row.participant_id, row.opened_at, row.resolved_at, row.content_hash,
      ...extra(row),
    ]);
  }
  return text;
}

/** Inserts new tickets with one COPY (the import has checked that none of their keys exists). */
export async function copyNewTickets(copyIn: CopyIn, input: { source: string; batchId: string; rows: TicketRow[] }): Promise<void> {
  if (input.rows.length === 0) return;
  await copyIn(`copy tickets (${COPY_COLUMNS}, source, inserted_batch_id)`, copyText(input.rows, () => [input.source, input.batchId]));
}

/**
 * Updates tickets from rows copied into a temporary table (made at the first update of the
 * transaction, dropped at its end, never logged). Their search vectors are filled after the import
 * commits (server/tickets/service-search-vectors.ts), like those of new tickets.
 */
export async function updateTickets(db: Db, copyIn: CopyIn, input: { batchId: string; rows: (TicketRow & { id: string })[] }): Promise<void> {
  if (input.rows.length === 0) return;
  await sql`
    create temp table if not exists import_ticket_updates (id uuid not null, external_key text not null, title text not null,
      title_norm text not null, body text not null, status text, export_category text, category text, labels text[] not null,
      components text[] not null, comments text[] not null, requester_name text, requester_email text, participant_id uuid,
      opened_at timestamptz, resolved_at timestamptz, content_hash text not null) on commit drop`.execute(db);
  await copyIn(`copy import_ticket_updates (${COPY_COLUMNS}, id)`, copyText(input.rows, (row) => [(row as TicketRow & { id: string }).id]));
  await sql`
    update tickets t set title = u.title, title_norm = u.title_norm, body = u.body, status = u.status,
      export_category = u.export_category, category = u.category, labels = u.labels, components = u.components,
      comments = u.comments, requester_name = u.requester_name, requester_email = u.requester_email,
      participant_id = u.participant_id, opened_at = u.opened_at, resolved_at = u.resolved_at, content_hash = u.content_hash,
      search_vector = null, updated_batch_id = ${input.batchId}::uuid, updated_at = now()
    from import_ticket_updates u
    where t.id = any(${input.rows.map((row) => row.id)}::uuid[]) and u.id = t.id`.execute(db);
  await sql`truncate import_ticket_updates`.execute(db);
}

/**
 * Fills the search vectors of up to `limit` tickets whose vector is null (an import leaves them so,
 * migration 0920), in one statement; `skip locked` passes over rows an import still holds.
 */
export async function fillSearchVectors(db: Db, input: { limit: number }): Promise<number> {
  const result = await sql`
    update tickets set search_vector = to_tsvector('english'::regconfig, title || ' ' || body)
    where id in (select id from tickets where search_vector is null limit ${input.limit} for update skip locked)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Writes back the tickets a batch updated, as they were before it. */
export async function restoreTickets(db: Db, input: { batchId: string }): Promise<number> {
  const result = await sql`
    update tickets t set title = p.title, title_norm = p.title_norm, body = p.body, status = p.status,
      export_category = p.export_category, category = p.category, labels = p.labels, components = p.components,
      comments = p.comments, requester_name = p.requester_name, requester_email = p.requester_email,
      participant_id = (select id from participants where id = p.participant_id), opened_at = p.opened_at,
      resolved_at = p.resolved_at, content_hash = p.content_hash, search_vector = to_tsvector('english'::regconfig, p.title || ' ' || p.body),
      updated_batch_id = p.updated_batch_id, updated_at = now()
    from import_revisions r cross join lateral jsonb_populate_record(null::tickets, r.previous) p
    where r.batch_id = ${input.batchId} and r.record_kind = 'ticket' and t.id = r.record_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteTicketsInsertedBy(db: Db, input: { batchId: string }): Promise<number> {
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
