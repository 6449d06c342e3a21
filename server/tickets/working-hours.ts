// The working hours of a ticket's wait, offered as an explicit choice when tickets become evidence
// (DESIGN.md "Ticket time is not wait time"): for each Monday-Friday the wait overlaps, the time
// it was open that day, at most 8 hours; weekends count nothing. Days are UTC days, the same days
// the ticket dates are stored and shown in. Pure.
import { MAX_MINUTES_LOST } from '@/server/evidence/rules';

export const WORKING_MINUTES_PER_DAY = 8 * 60;
const DAY = 86_400_000;

/**
 * Working minutes of a wait from openedAt to resolvedAt (or now while open), capped at what one
 * evidence item may claim; 0 for a ticket imported without a creation date (no wait to measure).
 */
export function workingMinutesOfWait(openedAt: Date | null, resolvedAt: Date | null, now: Date = new Date()): number {
  if (!openedAt) return 0;
  const start = openedAt.getTime();
  const end = (resolvedAt ?? now).getTime();
  if (!(end > start)) return 0;
  let total = 0;
  for (let dayStart = Math.floor(start / DAY) * DAY; dayStart < end && total < MAX_MINUTES_LOST; dayStart += DAY) {
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const overlap = (Math.min(end, dayStart + DAY) - Math.max(start, dayStart)) / 60_000;
    total += Math.min(WORKING_MINUTES_PER_DAY, overlap);
  }
  return Math.min(MAX_MINUTES_LOST, Math.round(total));
}

/** "waited 3 days", "waited 5 hours", "waited 20 minutes": a wait as context, in words. */
export function describeWait(minutes: number): string {
  if (minutes < 60) return `waited ${Math.round(minutes)} minute${Math.round(minutes) === 1 ? '' : 's'}`;
  const hours = minutes / 60;
  if (hours < 24) return `waited ${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `waited ${days} day${days === 1 ? '' : 's'}`;
}
