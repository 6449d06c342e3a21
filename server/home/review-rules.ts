// The rules of the weekly review on the home page: which weeks "this week" and "last week" are
// (Monday to Monday, UTC), when a week's tickets are a spike, and how adoption and the latest
// satisfaction score read against their targets. Pure: the service passes the rows in.
import { weekOf } from '@/server/metrics/definitions';
import { healthOf, type Health } from '@/server/surveys/statistics';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Weeks of tickets the current week is compared against. */
export const TICKET_BASELINE_WEEKS = 8;
/** A week is a spike when it has at least this many times the weekly average… */
export const SPIKE_RATIO = 1.5;
/** …and at least this many tickets more, so that 2 instead of 1 is not a spike. */
export const SPIKE_MIN_EXTRA = 5;
/** Share of eligible services on the platform a platform aims for in its first year (the article). */
export const ADOPTION_TARGET = { min: 0.6, max: 0.8 } as const;

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

export interface TicketWeek {
  thisWeek: number;
  /** Tickets a week over the baseline weeks, one decimal. */
  weeklyAverage: number;
  isSpike: boolean;
}

/**
 * This week's tickets against the weekly average of the weeks before. A spike needs both a ratio
 * and an absolute jump: with no tickets before, SPIKE_MIN_EXTRA tickets in one week is a spike.
 */
export function ticketWeek(input: { thisWeek: number; baseline: number; baselineWeeks?: number }): TicketWeek {
  const average = input.baseline / (input.baselineWeeks ?? TICKET_BASELINE_WEEKS);
  return {
    thisWeek: input.thisWeek,
    weeklyAverage: Math.round(average * 10) / 10,
    isSpike: input.thisWeek >= SPIKE_RATIO * average && input.thisWeek - average >= SPIKE_MIN_EXTRA,
  };
}

export type AdoptionStatus = 'below' | 'within' | 'above';

/** Where the adoption share sits against the 60-80% year-one target; null without deployments. */
export function adoptionStatus(share: number | null): AdoptionStatus | null {
  if (share === null) return null;
  if (share < ADOPTION_TARGET.min) return 'below';
  return share > ADOPTION_TARGET.max ? 'above' : 'within';
}

export interface TrendPoint {
  surveyId: string;
  quarter: string;
  answerCount: number;
  mean: number | null;
}

export interface Satisfaction {
  mean: number;
  band: Health;
  answerCount: number;
  /** The run before in the same series that has answers, to say which way the score moved. */
  previous: { quarter: string; mean: number } | null;
}

/**
 * The score of one survey run and the run before it (trend points oldest first), with the same
 * bands as the survey's results page (healthOf); null when the run has no answers to its headline.
 */
export function satisfactionOf(points: TrendPoint[], surveyId: string): Satisfaction | null {
  const index = points.findIndex((point) => point.surveyId === surveyId);
  const current = points[index];
  if (!current || current.mean === null || current.answerCount === 0) return null;
  const before = points.slice(0, index).filter((point) => point.mean !== null && point.answerCount > 0).at(-1);
  return {
    mean: current.mean,
    band: healthOf(current.mean),
    answerCount: current.answerCount,
    previous: before ? { quarter: before.quarter, mean: before.mean! } : null,
  };
}
