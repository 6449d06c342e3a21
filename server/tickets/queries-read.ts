// Kysely reads of the Tickets page: the filter every read shares, top categories, weekly volume,
// the list and one ticket, the distinct titles repeat questions are clustered from, and the themes
// tickets already feed. Outputs are camelCase.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '@/db/types';
import type { Db } from '@/server/db';

export interface TicketFilter {
  from?: string;
  to?: string;
  category?: string;
  search?: string;
}

export const UNCATEGORIZED = 'Uncategorized';

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
      sql<number>`count(*)::int`.as('ticketCount'),
      sql<number>`count(distinct ${requesterKey})::int`.as('requesterCount'),
      sql<number>`count(*) filter (where tickets.resolved_at is null)::int`.as('openCount'),
      sql<number>`count(*) filter (where tickets.opened_at is null)::int`.as('undatedCount'),
      sql<string | null>`min(tickets.opened_at)::date::text`.as('firstOpened'),
      sql<string | null>`max(tickets.opened_at)::date::text`.as('lastOpened'),
    ])
    .executeTakeFirstOrThrow();
}

export async function listTopCategories(db: Db, filter: TicketFilter & { limit: number }) {
  return db
    .selectFrom('tickets')
    .where(where({ ...filter, category: undefined }))
    .select([
      sql<string>`coalesce(tickets.category, ${UNCATEGORIZED})`.as('category'),
      sql<number>`count(*)::int`.as('ticketCount'),
      sql<number>`count(distinct ${requesterKey})::int`.as('requesterCount'),
      sql<number>`round((percentile_cont(0.5) within group (order by ${waitMinutes}))::numeric / 60, 1)`.as('medianWaitHours'),
    ])
    .groupBy(sql`1`)
    .orderBy('ticketCount', 'desc')
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
      sql<number>`count(*)::int`.as('ticketCount'),
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
  'tickets.external_key as externalKey',
  'tickets.title',
  'tickets.status',
  'tickets.category',
  'tickets.labels',
  'tickets.requester_name as requesterName',
  'tickets.requester_email as requesterEmail',
  'tickets.participant_id as participantId',
  'participants.display_name as participantName',
  'tickets.opened_at as openedAt',
  'tickets.resolved_at as resolvedAt',
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
    .select([...listColumns, 'tickets.body', 'tickets.comments', 'tickets.components', 'tickets.export_category as exportCategory', 'tickets.created_at as createdAt', 'tickets.updated_at as updatedAt'])
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
      sql<string[]>`array_agg(tickets.id::text order by tickets.opened_at)`.as('ticketIds'),
      sql<(string | null)[]>`array_agg(distinct ${requesterKey})`.as('requesterKeys'),
      sql<(string | null)[]>`array_agg(tickets.category)`.as('categories'),
      sql<string | null>`min(tickets.opened_at)::date::text`.as('firstOpened'),
      sql<string | null>`max(tickets.opened_at)::date::text`.as('lastOpened'),
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
