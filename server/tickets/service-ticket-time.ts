// Ticket time by rule (DESIGN.md "Ticket time is not wait time"): per category, "each ticket costs
// N minutes", set where categories are managed; what turning tickets into evidence can offer as
// their time (no time, the category rule, minutes typed, or the working hours of the wait) with
// the wait shown as context; and a rule's change carried to the evidence it priced.
import type { EvidenceMinutesOrigin } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as historyQueries from '@/server/evidence/queries';
import { median } from '@/server/inventory/rank-themes';
import * as reads from './queries-read';
import * as queries from './queries-ticket-time';
import { waitMinutes } from './wait-time';
import { describeWait, workingMinutesOfWait } from './working-hours';

export const TICKET_TIME_CHOICES = ['none', 'category_rule', 'entered', 'working_hours'] as const;
export type TicketTimeChoice = (typeof TICKET_TIME_CHOICES)[number];

export interface TicketTime {
  minutesLost: number | null;
  minutesOrigin: EvidenceMinutesOrigin | null;
}

/**
 * The time each ticket's evidence item carries under the chosen option, by ticket id. "entered"
 * needs the minutes; "category_rule" leaves a ticket whose category has no rule without time.
 */
export async function ticketTimes(
  db: Db,
  input: { tickets: { id: string; opened_at: Date | null; resolved_at: Date | null }[]; choice: TicketTimeChoice; minutesLost: number | null; now?: Date },
): Promise<Map<string, TicketTime>> {
  if (input.choice === 'entered' && input.minutesLost === null) {
    throw new AppError('BAD_REQUEST', 'Enter the minutes lost per ticket, or choose another option.', { field: 'minutesLost' });
  }
  const rules =
    input.choice === 'category_rule'
      ? new Map((await queries.findTicketCostRules(db, { ticketIds: input.tickets.map((ticket) => ticket.id) })).map((row) => [row.id, row.minutesPerTicket]))
      : new Map<string, number | null>();
  const now = input.now ?? new Date();
  const times = new Map<string, TicketTime>();
  for (const ticket of input.tickets) {
    const minutes =
      input.choice === 'entered'
        ? input.minutesLost
        : input.choice === 'category_rule'
          ? (rules.get(ticket.id) ?? null)
          : input.choice === 'working_hours' && ticket.opened_at
            ? workingMinutesOfWait(ticket.opened_at, ticket.resolved_at, now)
            : null;
    times.set(ticket.id, { minutesLost: minutes, minutesOrigin: minutes === null || input.choice === 'none' ? null : input.choice });
  }
  return times;
}

/** What the cluster-to-evidence dialog shows before the PM chooses: the wait as context, and what each option would give. */
export async function getTicketTimeOptions(db: Db, input: { ticketIds: string[] }) {
  const ids = [...new Set(input.ticketIds)];
  const [tickets, rules] = await Promise.all([reads.findTicketsForEvidence(db, { ids }), queries.findTicketCostRules(db, { ticketIds: ids })]);
  const now = new Date();
  // Undated tickets (imported without a creation date) have no wait to show.
  const dated = tickets.filter((ticket) => ticket.opened_at !== null);
  const waits = dated.map((ticket) => waitMinutes(ticket.opened_at, ticket.resolved_at, now));
  const working = dated.map((ticket) => workingMinutesOfWait(ticket.opened_at, ticket.resolved_at, now));
  const byCategory = new Map<string, { category: string; minutesPerTicket: number | null; tickets: number }>();
  for (const row of rules) {
    const entry = byCategory.get(row.category) ?? { category: row.category, minutesPerTicket: row.minutesPerTicket, tickets: 0 };
    entry.tickets += 1;
    byCategory.set(row.category, entry);
  }
  const medianWait = median(waits);
  return {
    tickets: tickets.length,
    medianWaitMinutes: medianWait,
    longestWaitMinutes: waits.length > 0 ? Math.max(...waits) : null,
    /** "waited 3 days" (the median ticket): context, not time lost. */
    waitText: medianWait === null ? null : describeWait(medianWait),
    medianWorkingMinutes: median(working),
    categories: [...byCategory.values()].sort((a, b) => b.tickets - a.tickets || a.category.localeCompare(b.category)),
    ticketsWithRule: rules.filter((row) => row.minutesPerTicket !== null).length,
  };
}

export async function listCategoryCosts(db: Db) {
  return queries.listCategoryCosts(db);
}

/** Carries a rule's minutes (or its removal) to the evidence it priced, each change in the item's history. */
async function reapplyRule(db: Db, input: { category: string; minutes: number | null; changedBy: string }) {
  const items = await queries.findRuleEvidence(db, { category: input.category });
  const changed = items.filter((item) => (item.minutes_lost === null ? null : Number(item.minutes_lost)) !== input.minutes);
  await queries.setRuleMinutes(db, { ids: changed.map((item) => item.id), minutes: input.minutes });
  await historyQueries.insertHistoryRows(db, {
    rows: changed.map((item) => ({
      evidenceId: item.id,
      field: 'minutes_lost' as const,
      oldValue: item.minutes_lost === null ? null : String(item.minutes_lost),
      newValue: input.minutes === null ? null : String(input.minutes),
    })),
    changedBy: input.changedBy,
  });
  return changed.length;
}

/** Sets "each ticket of this category costs N minutes"; evidence priced by the old rule follows. */
export async function setCategoryCost(db: Db, input: { category: string; minutesPerTicket: number; updatedBy: string }) {
  return db.transaction().execute(async (trx) => {
    await queries.upsertCategoryCost(trx, input);
    const evidenceUpdated = await reapplyRule(trx, { category: input.category, minutes: input.minutesPerTicket, changedBy: input.updatedBy });
    return { category: input.category, minutesPerTicket: input.minutesPerTicket, evidenceUpdated };
  });
}

/** Removes a category's rule; the evidence it priced has no time again (it counts for frequency only). */
export async function removeCategoryCost(db: Db, input: { category: string; updatedBy: string }) {
  return db.transaction().execute(async (trx) => {
    if (!(await queries.deleteCategoryCost(trx, { category: input.category }))) {
      throw new AppError('NOT_FOUND', 'This category has no time rule any more.', { field: 'category' });
    }
    return { evidenceUpdated: await reapplyRule(trx, { category: input.category, minutes: null, changedBy: input.updatedBy }) };
  });
}
