// Kysely queries for tickets: the writes an import makes (new rows by COPY, changed rows copied
// into a temporary table and updated by one statement), category rules, and the reads of the Tickets page (top categories, weekly
// volume, the distinct titles repeat questions are clustered from).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '@/db/types';
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
    .select(['id', 'match_on', 'pattern', 'category', 'position', 'created_at'])
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

// ---- Reads -------------------------------------------------------------------------------------

export interface TicketFilter {
  from?: string;
  to?: string;
  category?: string;
  search?: string;
}

const UNCATEGORIZED = 'Uncategorized';

function where(filter: TicketFilter, alias = 'tickets') {
  return (eb: ExpressionBuilder<Database, 'tickets'>): Expression<SqlBool> => {
    const column = (name: string) => sql.ref(`${alias}.${name}`);
    const conditions: Expression<SqlBool>[] = [];
    if (filter.from) conditions.push(sql<SqlBool>`${column('opened_at')} >= ${filter.from}::date`);
    if (filter.to) conditions.push(sql<SqlBool>`${column('opened_at')} < (${filter.to}::date + 1)`);
    if (filter.category) {
      conditions.push(
        filter.category === UNCATEGORIZED ? sql<SqlBool>`${column('category')} is null` : sql<SqlBool>`${column('category')} = ${filter.category}`,
      );
    }
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      conditions.push(sql<SqlBool>`(${column('title')} ilike ${pattern} or ${column('external_key')} ilike ${pattern})`);
    }
    return eb.and(conditions);
  };
}

const requesterKey = sql<string>`coalesce(tickets.participant_id::text, 'email:' || lower(tickets.requester_email), 'name:' || lower(tickets.requester_name))`;
const waitMinutes = sql<number>`extract(epoch from (coalesce(tickets.resolved_at, now()) - tickets.opened_at)) / 60`;

export async function summarizeTickets(db: Db, filter: TicketFilter) {
  return db
    .selectFrom('tickets')
    .where(where(filter))
    .select([
      sql<number>`count(*)::int`.as('ticket_count'),
      sql<number>`count(distinct ${requesterKey})::int`.as('requester_count'),
      sql<number>`count(*) filter (where tickets.resolved_at is null)::int`.as('open_count'),
      sql<number>`count(*) filter (where tickets.opened_at is null)::int`.as('undated_count'),
      sql<string | null>`min(tickets.opened_at)::date::text`.as('first_opened'),
      sql<string | null>`max(tickets.opened_at)::date::text`.as('last_opened'),
    ])
    .executeTakeFirstOrThrow();
}

export async function listTopCategories(db: Db, filter: TicketFilter & { limit: number }) {
  return db
    .selectFrom('tickets')
    .where(where({ ...filter, category: undefined }))
    .select([
      sql<string>`coalesce(tickets.category, ${UNCATEGORIZED})`.as('category'),
      sql<number>`count(*)::int`.as('ticket_count'),
      sql<number>`count(distinct ${requesterKey})::int`.as('requester_count'),
      sql<number>`round((percentile_cont(0.5) within group (order by ${waitMinutes}))::numeric / 60, 1)`.as('median_wait_hours'),
    ])
    .groupBy(sql`1`)
    .orderBy('ticket_count', 'desc')
    .orderBy('category')
    .limit(filter.limit)
    .execute();
}

/** Tickets by week of creation; tickets without a creation date are counted by summarizeTickets instead. */
export async function listWeeklyVolume(db: Db, filter: TicketFilter) {
  return db
    .selectFrom('tickets')
    .where(where(filter))
    .where('tickets.opened_at', 'is not', null)
    .select([
      sql<string>`date_trunc('week', tickets.opened_at at time zone 'UTC')::date::text`.as('week'),
      sql<string>`coalesce(tickets.category, ${UNCATEGORIZED})`.as('category'),
      sql<number>`count(*)::int`.as('ticket_count'),
    ])
    .groupBy([sql`1`, sql`2`])
    .orderBy(sql`1`)
    .execute();
}

export async function listTicketCategories(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(sql<string>`coalesce(category, ${UNCATEGORIZED})`.as('category'))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((row) => row.category);
}

const listColumns = [
  'tickets.id',
  'tickets.source',
  'tickets.external_key',
  'tickets.title',
  'tickets.status',
  'tickets.category',
  'tickets.labels',
  'tickets.requester_name',
  'tickets.requester_email',
  'tickets.participant_id',
  'participants.display_name as participant_name',
  'tickets.opened_at',
  'tickets.resolved_at',
] as const;

export async function listTickets(db: Db, filter: TicketFilter & { ids?: string[]; limit: number; offset: number }) {
  let query = db.selectFrom('tickets').leftJoin('participants', 'participants.id', 'tickets.participant_id').where(where(filter));
  if (filter.ids) {
    if (filter.ids.length === 0) return { rows: [], total: 0 };
    query = query.where('tickets.id', 'in', filter.ids);
  }
  const [rows, total] = await Promise.all([
    query.select([...listColumns]).orderBy(sql`tickets.opened_at desc nulls last`).orderBy('tickets.id').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

export async function getTicket(db: Db, input: { id: string }) {
  return db
    .selectFrom('tickets')
    .leftJoin('participants', 'participants.id', 'tickets.participant_id')
    .select([...listColumns, 'tickets.body', 'tickets.comments', 'tickets.components', 'tickets.export_category', 'tickets.created_at', 'tickets.updated_at'])
    .where('tickets.id', '=', input.id)
    .executeTakeFirst();
}

/** What evidence needs of each ticket: its text, developer, date and wait. */
export async function findTicketsForEvidence(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('tickets')
    .select(['id', 'title', 'body', 'comments', 'participant_id', 'opened_at', 'resolved_at'])
    .where('id', 'in', input.ids)
    .execute();
}

/** Evidence already saved from these tickets, so a ticket stays one evidence item. */
export async function findTicketEvidence(db: Db, input: { ticketIds: string[] }) {
  if (input.ticketIds.length === 0) return [];
  return db
    .selectFrom('evidence')
    .select(['id', 'source_id'])
    .where('source_kind', '=', 'ticket')
    .where('source_id', 'in', input.ticketIds)
    .orderBy('created_at')
    .execute();
}

/** The longest the repeat-question query may run, whatever the data: it has its own timeout. */
export const QUESTION_NODES_TIMEOUT_MS = 5000;

const isStatementTimeout = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';

/**
 * Distinct normalised titles with their tickets, the most asked first and at most `limit` of
 * them: the nodes repeat questions are built from. Runs in its own transaction with a statement
 * timeout; null when it ran out of time.
 */
export async function listQuestionNodes(db: Db, filter: TicketFilter & { limit: number; timeoutMs?: number }) {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = ${sql.lit(filter.timeoutMs ?? QUESTION_NODES_TIMEOUT_MS)}`.execute(trx);
      return selectQuestionNodes(trx, filter);
    });
  } catch (error) {
    if (isStatementTimeout(error)) return null;
    throw error;
  }
}

function selectQuestionNodes(db: Db, filter: TicketFilter & { limit: number }) {
  return db
    .selectFrom('tickets')
    .where(where(filter))
    .where('tickets.title_norm', '!=', '')
    .select([
      'tickets.title_norm as norm',
      sql<string>`mode() within group (order by tickets.title)`.as('title'),
      sql<string[]>`array_agg(tickets.id::text order by tickets.opened_at)`.as('ticket_ids'),
      sql<(string | null)[]>`array_agg(distinct ${requesterKey})`.as('requester_keys'),
      sql<(string | null)[]>`array_agg(tickets.category)`.as('categories'),
      sql<string | null>`min(tickets.opened_at)::date::text`.as('first_opened'),
      sql<string | null>`max(tickets.opened_at)::date::text`.as('last_opened'),
    ])
    .groupBy('tickets.title_norm')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('tickets.title_norm')
    .limit(filter.limit)
    .execute();
}

/** Which themes the tickets feed; the ids go as one array parameter (a cluster can hold 100,000 tickets, over PostgreSQL's 65,535 parameters). */
export async function findTicketIdsInThemes(db: Db, input: { ticketIds: string[] }) {
  if (input.ticketIds.length === 0) return [];
  return db
    .selectFrom('evidence')
    .innerJoin('evidence_themes', 'evidence_themes.evidence_id', 'evidence.id')
    .select(['evidence.source_id', 'evidence_themes.theme_id'])
    .where('evidence.source_kind', '=', 'ticket')
    .where('evidence.source_id', '=', sql<string>`any(${input.ticketIds}::uuid[])`)
    .execute();
}

export async function listThemeTitles(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  return db.selectFrom('themes').select(['id', 'title']).where('id', 'in', input.ids).execute();
}

// ---- Ticket time by rule (service-ticket-time.ts) -------------------------------------------------

/** The category a ticket counts under: its own, or "Uncategorized" (as the Tickets page lists it). */
const ticketCategory = sql<string>`coalesce(tickets.category, ${UNCATEGORIZED})`;

export async function listCategoryCosts(db: Db) {
  return db
    .selectFrom('ticket_category_costs')
    .leftJoin('users', 'users.id', 'ticket_category_costs.updated_by')
    .select([
      'ticket_category_costs.category',
      'ticket_category_costs.minutes_per_ticket as minutesPerTicket',
      'ticket_category_costs.updated_at as updatedAt',
      'users.name as updatedByName',
    ])
    .orderBy('ticket_category_costs.category')
    .execute();
}

export async function upsertCategoryCost(db: Db, input: { category: string; minutesPerTicket: number; updatedBy: string }) {
  await db
    .insertInto('ticket_category_costs')
    .values({ category: input.category, minutes_per_ticket: input.minutesPerTicket, updated_by: input.updatedBy })
    .onConflict((oc) =>
      oc.column('category').doUpdateSet({ minutes_per_ticket: input.minutesPerTicket, updated_by: input.updatedBy, updated_at: sql`now()` }),
    )
    .execute();
}

export async function deleteCategoryCost(db: Db, input: { category: string }): Promise<boolean> {
  const result = await db.deleteFrom('ticket_category_costs').where('category', '=', input.category).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Each given ticket's category and that category's rule (null without one). */
export async function findTicketCostRules(db: Db, input: { ticketIds: string[] }) {
  if (input.ticketIds.length === 0) return [];
  return db
    .selectFrom('tickets')
    .leftJoin('ticket_category_costs', (join) => join.on(sql<boolean>`ticket_category_costs.category = ${ticketCategory}`))
    .select(['tickets.id', ticketCategory.as('category'), 'ticket_category_costs.minutes_per_ticket as minutesPerTicket'])
    .where('tickets.id', 'in', input.ticketIds)
    .execute();
}

/** Ticket evidence whose minutes came from the rule of this category, locked for re-applying it. */
export async function findRuleEvidence(db: Db, input: { category: string }) {
  return db
    .selectFrom('evidence')
    .innerJoin('tickets', 'tickets.id', 'evidence.source_id')
    .select(['evidence.id', 'evidence.minutes_lost'])
    .where('evidence.source_kind', '=', 'ticket')
    .where('evidence.minutes_origin', '=', 'category_rule')
    .where(ticketCategory, '=', input.category)
    .forUpdate()
    .execute();
}

export async function setRuleMinutes(db: Db, input: { ids: string[]; minutes: number | null }) {
  if (input.ids.length === 0) return;
  await db
    .updateTable('evidence')
    .set({ minutes_lost: input.minutes, minutes_origin: input.minutes === null ? null : 'category_rule' })
    .where('id', 'in', input.ids)
    .execute();
}
