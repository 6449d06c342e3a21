// Shadowing sessions: pick a developer and a scenario, start observing, capture friction events
// at their offset from the start, end the session, edit events afterwards. Offsets never point
// past the session's end, and a session cannot end before an event it holds.
import type { FrictionKind, ShadowingScenario } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as evidenceQueries from '@/server/evidence/queries';
import { mergeChanges } from '@/server/lib/merge-changes';
import { requireActiveParticipant } from '@/server/participants/service';
import * as queries from './queries';
import { formatOffset, MAX_SESSION_SECONDS, offsetProblem, totalsByKind } from './rules';

const GONE = 'This shadowing session no longer exists.';

export async function createSession(
  db: Db,
  input: { participantId: string; scenario: ShadowingScenario; focus: string; observerId: string | null; startNow: boolean },
) {
  await requireActiveParticipant(db, { id: input.participantId });
  return queries.insertSession(db, {
    values: {
      participant_id: input.participantId,
      scenario: input.scenario,
      focus: input.focus,
      observer_id: input.observerId,
      started_at: input.startNow ? new Date() : null,
      created_by: input.observerId,
    },
  });
}

export async function getSession(db: Db, input: { id: string }) {
  const [session, events] = await Promise.all([queries.getSession(db, input), queries.listEvents(db, { sessionId: input.id })]);
  if (!session) throw new AppError('NOT_FOUND', GONE);
  // The server's clock, so the browser's timer agrees with the offsets the server checks.
  return { ...session, events, totals: totalsByKind(events), serverNow: new Date() };
}

/** Edits who, what and, once ended, how long: the end can never move before a captured event. */
export async function updateSession(
  db: Db,
  input: { id: string; participantId: string; scenario: ShadowingScenario; focus: string; durationMinutes?: number | null },
) {
  await db.transaction().execute(async (trx) => {
    const times = await queries.lockSessionTimes(trx, { id: input.id });
    if (!times) throw new AppError('NOT_FOUND', GONE);
    const current = await queries.getSession(trx, { id: input.id });
    if (current && current.participantId !== input.participantId) await requireActiveParticipant(trx, { id: input.participantId });
    let endedAt: Date | undefined;
    if (input.durationMinutes !== undefined && input.durationMinutes !== null) {
      if (!times.started_at || !times.ended_at) {
        throw new AppError('BAD_REQUEST', 'The length can be changed once the session has ended.', { field: 'durationMinutes' });
      }
      const seconds = Math.round(input.durationMinutes * 60);
      const latest = await queries.latestEventOffset(trx, { sessionId: input.id });
      if (latest !== null && latest > seconds) {
        throw new AppError('BAD_REQUEST', `A friction event was captured at ${formatOffset(latest)}; the session cannot end before it.`, {
          field: 'durationMinutes',
        });
      }
      endedAt = new Date(times.started_at.getTime() + seconds * 1000);
    }
    await queries.updateSession(trx, {
      id: input.id,
      values: { participant_id: input.participantId, scenario: input.scenario, focus: input.focus, ...(endedAt ? { ended_at: endedAt } : {}) },
    });
  });
}

export async function startSession(db: Db, input: { id: string }) {
  await db.transaction().execute(async (trx) => {
    const times = await queries.lockSessionTimes(trx, input);
    if (!times) throw new AppError('NOT_FOUND', GONE);
    if (times.started_at) throw new AppError('CONFLICT', 'This session has already started.');
    await queries.updateSession(trx, { id: input.id, values: { started_at: new Date() } });
  });
}

/** Ends a running session now (at most 12 hours after it started: a forgotten session). */
export async function endSession(db: Db, input: { id: string }) {
  await db.transaction().execute(async (trx) => {
    const times = await queries.lockSessionTimes(trx, input);
    if (!times) throw new AppError('NOT_FOUND', GONE);
    if (!times.started_at) throw new AppError('BAD_REQUEST', 'This session has not started yet.');
    if (times.ended_at) throw new AppError('CONFLICT', 'This session has already ended.');
    const latest = (await queries.latestEventOffset(trx, { sessionId: input.id })) ?? 0;
    const cap = times.started_at.getTime() + MAX_SESSION_SECONDS * 1000;
    const end = Math.max(Math.min(Date.now(), cap), times.started_at.getTime() + latest * 1000);
    await queries.updateSession(trx, { id: input.id, values: { ended_at: new Date(end) } });
  });
}

/** Saves the session's notes unless someone changed them since this tab last saw them. */
export async function saveSessionNotes(db: Db, input: { id: string; base: string; value: string }) {
  return db.transaction().execute(async (trx) => {
    const times = await queries.lockSessionTimes(trx, input);
    if (!times) throw new AppError('NOT_FOUND', GONE);
    const merge = mergeChanges({ notes: times.notes }, [{ field: 'notes', base: input.base, value: input.value }]);
    if (merge.apply.length > 0) await queries.updateSession(trx, { id: input.id, values: { notes: input.value } });
    const conflict = merge.conflicts[0];
    return { notes: conflict ? conflict.theirs ?? '' : input.value, conflict: conflict ? { theirs: conflict.theirs ?? '', yours: input.value } : null };
  });
}

export async function deleteSession(db: Db, input: { id: string }) {
  return db.transaction().execute(async (trx) => {
    const evidenceRemoved = await evidenceQueries.deleteEvidenceOfSource(trx, { sourceKind: 'shadowing', sourceId: input.id });
    if (!(await queries.deleteSession(trx, input))) throw new AppError('NOT_FOUND', GONE);
    return { evidenceRemoved };
  });
}

// ---- Friction events ---------------------------------------------------------------------------

export interface EventInput {
  offsetSeconds: number;
  kind: FrictionKind;
  note: string;
  minutesLost: number | null;
}

function checkOffset(offsetSeconds: number, times: { started_at: Date | null; ended_at: Date | null }) {
  const problem = offsetProblem(offsetSeconds, { startedAt: times.started_at, endedAt: times.ended_at });
  if (problem) throw new AppError('BAD_REQUEST', problem, { field: 'offsetSeconds' });
}

const toValues = (input: EventInput) => ({
  offset_seconds: input.offsetSeconds,
  kind: input.kind,
  note: input.note,
  minutes_lost: input.minutesLost,
});

/** Captures an event; the id comes from the browser, so a retry after a lost connection is a no-op. */
export async function addEvent(db: Db, input: EventInput & { id: string; sessionId: string }) {
  return db.transaction().execute(async (trx) => {
    const existing = await queries.findEvent(trx, { id: input.id });
    if (existing) {
      if (existing.session_id !== input.sessionId) throw new AppError('CONFLICT', 'This event id belongs to another session.', { field: 'id' });
      return { id: input.id, isNew: false };
    }
    const times = await queries.lockSessionTimes(trx, { id: input.sessionId });
    if (!times) throw new AppError('NOT_FOUND', GONE);
    checkOffset(input.offsetSeconds, times);
    await queries.insertEvent(trx, { id: input.id, sessionId: input.sessionId, values: toValues(input) });
    return { id: input.id, isNew: true };
  });
}

export async function updateEvent(db: Db, input: EventInput & { id: string }) {
  await db.transaction().execute(async (trx) => {
    const event = await queries.findEvent(trx, { id: input.id });
    if (!event) throw new AppError('NOT_FOUND', 'This friction event no longer exists.');
    const times = await queries.lockSessionTimes(trx, { id: event.session_id });
    if (!times) throw new AppError('NOT_FOUND', GONE);
    checkOffset(input.offsetSeconds, times);
    await queries.updateEvent(trx, { id: input.id, values: toValues(input) });
  });
}

export async function deleteEvent(db: Db, input: { id: string }) {
  await db.transaction().execute(async (trx) => {
    const event = await queries.findEvent(trx, input);
    if (!event) throw new AppError('NOT_FOUND', 'This friction event no longer exists.');
    await queries.deleteEvidenceOfEvent(trx, { sessionId: event.session_id, eventId: event.id });
    await queries.deleteEvent(trx, input);
  });
}
