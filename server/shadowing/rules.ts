// What a shadowing session and a friction event are: scenarios, the kinds of friction with the
// key that captures each in observation mode, limits, offsets, and totals per kind. Pure.
import { z } from 'zod';
import type { FrictionKind, ShadowingScenario } from '@/db/types';
import { withoutNul } from '@/server/lib/text';

export type { FrictionKind, ShadowingScenario };

export const SCENARIOS: readonly ShadowingScenario[] = ['onboarding-service', 'incident-debugging', 'first-ci-cd', 'other'];

export const SCENARIO_LABELS: Record<ShadowingScenario, string> = {
  'onboarding-service': 'Onboarding a new service',
  'incident-debugging': 'Debugging an incident',
  'first-ci-cd': 'First CI/CD setup',
  other: 'Other work',
};

export const FRICTION_KINDS: readonly FrictionKind[] = [
  'tab-switch',
  'asked-for-help',
  'copied-from-runbook',
  'waiting',
  'dead-end',
  'workaround',
  'other',
];

export const FRICTION_LABELS: Record<FrictionKind, string> = {
  'tab-switch': 'Tab switch',
  'asked-for-help': 'Asked for help',
  'copied-from-runbook': 'Copied from a runbook',
  waiting: 'Waiting',
  'dead-end': 'Dead end / error',
  workaround: 'Workaround',
  other: 'Other',
};

/** One key per kind in observation mode: the digits 1-7, in the order above. */
export const FRICTION_KEYS: Record<string, FrictionKind> = Object.fromEntries(FRICTION_KINDS.map((kind, index) => [String(index + 1), kind]));

export const MAX_FOCUS = 200;
export const MAX_SESSION_NOTES = 50_000;
export const MAX_EVENT_NOTE = 2_000;
/** A session longer than a working day is a session someone forgot to end. */
export const MAX_SESSION_SECONDS = 12 * 60 * 60;
/** Slack for the observer's clock when capturing during a running session. */
export const CLOCK_SLACK_SECONDS = 120;

const cleanText = (max: number, message: string) => z.string().transform(withoutNul).pipe(z.string().trim().max(max, message));

export const focusSchema = cleanText(MAX_FOCUS, `Keep what they worked on under ${MAX_FOCUS} characters`);
export const sessionNotesSchema = z
  .string()
  .transform(withoutNul)
  .pipe(z.string().max(MAX_SESSION_NOTES, `Keep the notes under ${MAX_SESSION_NOTES.toLocaleString('en-US')} characters`));
export const eventNoteSchema = cleanText(MAX_EVENT_NOTE, `Keep the note under ${MAX_EVENT_NOTE.toLocaleString('en-US')} characters`);

export const offsetSchema = z
  .number({ message: 'Enter when it happened, in seconds from the start' })
  .int('Enter the offset in whole seconds')
  .min(0, 'The offset cannot be before the session started')
  .max(MAX_SESSION_SECONDS, 'The offset is more than 12 hours into the session; check the time');

export const durationMinutesSchema = z
  .number({ message: 'Enter the length of the session in minutes' })
  .min(0, 'The length cannot be negative')
  .max(MAX_SESSION_SECONDS / 60, 'A session cannot last more than 12 hours');

export interface SessionTimes {
  startedAt: Date | null;
  endedAt: Date | null;
}

/** Seconds from start to end, or to now while it runs; null before it starts. */
export function elapsedSeconds(session: SessionTimes, now: Date = new Date()): number | null {
  if (!session.startedAt) return null;
  const end = session.endedAt ?? now;
  return Math.max(0, Math.floor((end.getTime() - session.startedAt.getTime()) / 1000));
}

/** Why a friction event cannot sit at this offset of the session, or null when it can. */
export function offsetProblem(offsetSeconds: number, session: SessionTimes, now: Date = new Date()): string | null {
  const elapsed = elapsedSeconds(session, now);
  if (elapsed === null) return 'Start observing before capturing friction: the session has not started.';
  if (session.endedAt && offsetSeconds > elapsed) {
    return `The offset ${formatOffset(offsetSeconds)} is after the session ended (at ${formatOffset(elapsed)}).`;
  }
  if (!session.endedAt && offsetSeconds > elapsed + CLOCK_SLACK_SECONDS) {
    return `The offset ${formatOffset(offsetSeconds)} is later than now (${formatOffset(elapsed)} into the session).`;
  }
  return null;
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatOffset(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "1:15" or "1:02:05" or "75" (seconds) -> seconds; null when it is not a time. */
export function parseOffset(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  if (Number(seconds) > 59 || (hours !== undefined && Number(minutes) > 59)) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export interface KindTotal {
  kind: FrictionKind;
  label: string;
  count: number;
  minutesLost: number;
}

/** Events and minutes lost per kind, in the order of FRICTION_KINDS, kinds with no event left out. */
export function totalsByKind(events: { kind: FrictionKind; minutesLost: number | null }[]): KindTotal[] {
  const totals = new Map<FrictionKind, KindTotal>();
  for (const event of events) {
    const total = totals.get(event.kind) ?? { kind: event.kind, label: FRICTION_LABELS[event.kind], count: 0, minutesLost: 0 };
    total.count += 1;
    total.minutesLost += event.minutesLost ?? 0;
    totals.set(event.kind, total);
  }
  return FRICTION_KINDS.filter((kind) => totals.has(kind)).map((kind) => totals.get(kind)!);
}

export const eventAnchor = (eventId: string) => `event-${eventId}`;

/**
 * What a friction event says without a note: its kind and the minutes lost ("Waiting, 20 minutes
 * lost"). The evidence loader accepts it as an excerpt of the event, so an event without a note
 * can still become evidence.
 */
export function describeFrictionEvent(event: { kind: FrictionKind; minutesLost: number | null }): string {
  const label = FRICTION_LABELS[event.kind];
  if (event.minutesLost === null) return label;
  return `${label}, ${event.minutesLost} minute${event.minutesLost === 1 ? '' : 's'} lost`;
}
export const SESSION_NOTES_ANCHOR = 'notes';

/** The friction event id an anchor points at, 'notes', or null. */
export function parseShadowingAnchor(anchor: string): { eventId: string } | 'notes' | null {
  if (anchor === SESSION_NOTES_ANCHOR) return 'notes';
  const match = /^event-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(anchor);
  return match ? { eventId: match[1].toLowerCase() } : null;
}
