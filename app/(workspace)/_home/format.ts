// How the weekly review writes its weeks.
import type { RouterOutputs } from '@/server/root';

export type WeeklyReview = RouterOutputs['home']['weeklyReview'];

const DAY_MS = 86_400_000;

function dayMonth(date: Date, withYear: boolean): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
}

/** A Monday-to-Monday period as people say it, "2–8 March 2026": its last day is the Sunday. */
export function formatWeek(period: { start: Date; end: Date }): string {
  const last = new Date(period.end.getTime() - DAY_MS);
  const isSameMonth = last.getUTCMonth() === period.start.getUTCMonth() && last.getUTCFullYear() === period.start.getUTCFullYear();
  const start = isSameMonth ? String(period.start.getUTCDate()) : dayMonth(period.start, last.getUTCFullYear() !== period.start.getUTCFullYear());
  return `${start}–${dayMonth(last, true)}`;
}
