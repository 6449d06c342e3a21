// How long a developer waited on a ticket: from opening to resolution (or until now while it is
// open), in minutes, capped at what one evidence item may claim; 0 when the export gave no
// creation date. Pure.
import { MAX_MINUTES_LOST } from '@/server/evidence/rules';

export function waitMinutes(openedAt: Date | null, resolvedAt: Date | null, now: Date = new Date()): number {
  // A ticket without a creation date has no wait to measure; pages show it as unknown.
  if (!openedAt) return 0;
  const end = resolvedAt ?? now;
  const minutes = Math.max(0, Math.round((end.getTime() - openedAt.getTime()) / 60_000));
  return Math.min(minutes, MAX_MINUTES_LOST);
}

/** "3 d 4 h", "45 min": a wait people can read. */
export function formatWait(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const days = Math.floor(hours / 24);
  return `${days} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}
