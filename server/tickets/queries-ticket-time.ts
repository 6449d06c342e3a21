// Kysely queries of ticket time by rule (service-ticket-time.ts): each category's minutes per ticket,
// the rule each ticket falls under, and the evidence a rule priced.
import { sql } from 'kysely';
import type { Db } from '@/server/db';
import { UNCATEGORIZED } from './queries-read';

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
