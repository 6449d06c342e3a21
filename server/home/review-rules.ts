// The rules of the weekly review on the home page: which weeks "this week" and "last week" are
// (Monday to Monday, UTC), when a week's tickets are a spike, and how adoption and the latest
// satisfaction score read against their targets. Pure: the service passes the rows in.
import { ADOPTION_TARGET, adoptionStatus, type AdoptionStatus } from '@/server/metrics/definitions';
import { periodDays, reviewWeeks, TICKET_BASELINE_WEEKS, type Period, type ReviewWeeks } from '@/server/metrics/review-weeks';
import { healthOf, type Health } from '@/server/surveys/statistics';

// The weeks and the adoption target live with the metrics that Home reads (metrics never imports home/).
export { ADOPTION_TARGET, adoptionStatus, periodDays, reviewWeeks, TICKET_BASELINE_WEEKS, type AdoptionStatus, type Period, type ReviewWeeks };

/** A week is a spike when it has at least this many times the weekly average… */
export const SPIKE_RATIO = 1.5;
/** …and at least this many tickets more, so that 2 instead of 1 is not a spike. */
export const SPIKE_MIN_EXTRA = 5;

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
