// The weeks of the weekly review (Monday to Monday, UTC): this week, the last full week, the one
// before it and the tickets' baseline. Read by Home and by the adoption headline. Pure.
import { weekOf } from './definitions';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Weeks of tickets the current week is compared against. */
export const TICKET_BASELINE_WEEKS = 8;

export interface Period {
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
}

export interface ReviewWeeks {
  /** The week `now` falls in, Monday 00:00 UTC to the next Monday. */
  thisWeek: Period;
  /** The last full week, the one before `thisWeek`. */
  lastWeek: Period;
  /** The week before `lastWeek`, to show which way adoption moved. */
  weekBefore: Period;
  /** The TICKET_BASELINE_WEEKS full weeks before `thisWeek`. */
  ticketBaseline: Period;
}

function weeksBefore(start: Date, weeks: number): Date {
  return new Date(start.getTime() - weeks * WEEK_MS);
}

export function reviewWeeks(now: Date): ReviewWeeks {
  const start = new Date(`${weekOf(now)}T00:00:00Z`);
  return {
    thisWeek: { start, end: weeksBefore(start, -1) },
    lastWeek: { start: weeksBefore(start, 1), end: start },
    weekBefore: { start: weeksBefore(start, 2), end: weeksBefore(start, 1) },
    ticketBaseline: { start: weeksBefore(start, TICKET_BASELINE_WEEKS), end: start },
  };
}

/** 'YYYY-MM-DD' of a period's bounds, for columns that keep only the day (responses, ratings). */
export function periodDays(period: Period): { from: string; to: string } {
  return { from: period.start.toISOString().slice(0, 10), to: period.end.toISOString().slice(0, 10) };
}
