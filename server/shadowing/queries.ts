// Kysely queries for shadowing sessions and their friction events.
import { sql } from 'kysely';
import type { FrictionKind, ShadowingScenario } from '@/db/types';
import type { Db } from '@/server/db';

export interface SessionFilter {
  participantId?: string;
  scenario?: ShadowingScenario;
  limit: number;
  offset: number;
}

export async function listSessions(db: Db, filter: SessionFilter) {
  let query = db
    .selectFrom('shadowing_sessions')
    .innerJoin('participants', 'participants.id', 'shadowing_sessions.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id')
    .leftJoin('users', 'users.id', 'shadowing_sessions.observer_id');
  if (filter.participantId) query = query.where('shadowing_sessions.participant_id', '=', filter.participantId);
  if (filter.scenario) query = query.where('shadowing_sessions.scenario', '=', filter.scenario);
  const [rows, total] = await Promise.all([
    query
      .select((eb) => [
        'shadowing_sessions.id',
        'shadowing_sessions.scenario',
        'shadowing_sessions.focus',
        'shadowing_sessions.started_at as startedAt',
        'shadowing_sessions.ended_at as endedAt',
        'shadowing_sessions.created_at as createdAt',
        'shadowing_sessions.participant_id as participantId',
        'participants.display_name as participantName',
        'teams.name as teamName',
        'users.name as observerName',
        eb
          .selectFrom('friction_events')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('friction_events.session_id', '=', 'shadowing_sessions.id')
          .as('eventCount'),
        eb
          .selectFrom('friction_events')
          .select(sql<number>`coalesce(sum(minutes_lost), 0)`.as('minutes'))
          .whereRef('friction_events.session_id', '=', 'shadowing_sessions.id')
          .as('minutesLost'),
      ])
      .orderBy(sql`coalesce(shadowing_sessions.started_at, shadowing_sessions.created_at)`, 'desc')
      .orderBy('shadowing_sessions.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

export async function getSession(db: Db, input: { id: string }) {
  return db
    .selectFrom('shadowing_sessions')
    .innerJoin('participants', 'participants.id', 'shadowing_sessions.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id')
    .leftJoin('users', 'users.id', 'shadowing_sessions.observer_id')
    .select([
      'shadowing_sessions.id',
      'shadowing_sessions.participant_id as participantId',
      'shadowing_sessions.scenario',
      'shadowing_sessions.focus',
      'shadowing_sessions.notes',
      'shadowing_sessions.observer_id as observerId',
      'shadowing_sessions.started_at as startedAt',
      'shadowing_sessions.ended_at as endedAt',
      'shadowing_sessions.created_at as createdAt',
      'shadowing_sessions.updated_at as updatedAt',
      'participants.display_name as participantName',
      'participants.tenure_band as participantTenureBand',
      'participants.background as participantBackground',
      'teams.name as teamName',
      'users.name as observerName',
    ])
    .where('shadowing_sessions.id', '=', input.id)
    .executeTakeFirst();
}

export async function listEvents(db: Db, input: { sessionId: string }) {
  return db
    .selectFrom('friction_events')
    .select(['id', 'offset_seconds as offsetSeconds', 'kind', 'note', 'minutes_lost as minutesLost', 'created_at as createdAt', 'updated_at as updatedAt'])
    .where('session_id', '=', input.sessionId)
    .orderBy('offset_seconds')
    .orderBy('created_at')
    .execute();
}

/** The session's times, locked so that an end and a capture cannot cross each other. */
export async function lockSessionTimes(db: Db, input: { id: string }) {
  return db
    .selectFrom('shadowing_sessions')
    .select(['id', 'started_at', 'ended_at', 'notes'])
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
}

export interface NewSession {
  participant_id: string;
  scenario: ShadowingScenario;
  focus: string;
  notes?: string;
  observer_id: string | null;
  started_at?: Date | null;
  ended_at?: Date | null;
  created_by: string | null;
}

export async function insertSession(db: Db, input: { values: NewSession }) {
  return db.insertInto('shadowing_sessions').values(input.values).returning(['id']).executeTakeFirstOrThrow();
}

export async function updateSession(
  db: Db,
  input: {
    id: string;
    values: Partial<Pick<NewSession, 'participant_id' | 'scenario' | 'focus' | 'notes' | 'started_at' | 'ended_at'>>;
  },
) {
  await db
    .updateTable('shadowing_sessions')
    .set({ ...input.values, updated_at: new Date() })
    .where('id', '=', input.id)
    .execute();
}

export async function latestEventOffset(db: Db, input: { sessionId: string }): Promise<number | null> {
  const row = await db
    .selectFrom('friction_events')
    .select(sql<number | null>`max(offset_seconds)`.as('latest'))
    .where('session_id', '=', input.sessionId)
    .executeTakeFirstOrThrow();
  return row.latest;
}

export async function deleteSession(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('shadowing_sessions').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface EventValues {
  offset_seconds: number;
  kind: FrictionKind;
  note: string;
  minutes_lost: number | null;
}

/** Saves a captured event once: a retry with the same id changes nothing. */
export async function insertEvent(db: Db, input: { id: string; sessionId: string; values: EventValues }) {
  const row = await db
    .insertInto('friction_events')
    .values({ id: input.id, session_id: input.sessionId, ...input.values })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning(['id'])
    .executeTakeFirst();
  return Boolean(row);
}

export async function findEvent(db: Db, input: { id: string }) {
  return db.selectFrom('friction_events').select(['id', 'session_id', 'offset_seconds', 'kind', 'note', 'minutes_lost']).where('id', '=', input.id).executeTakeFirst();
}

export async function updateEvent(db: Db, input: { id: string; values: EventValues }) {
  await db
    .updateTable('friction_events')
    .set({ ...input.values, updated_at: new Date() })
    .where('id', '=', input.id)
    .execute();
}

export async function deleteEvent(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('friction_events').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Evidence taken from one friction event goes when the event goes. */
export async function deleteEvidenceOfEvent(db: Db, input: { sessionId: string; eventId: string }) {
  await db
    .deleteFrom('evidence')
    .where('source_kind', '=', 'shadowing')
    .where('source_id', '=', input.sessionId)
    .where('source_path', '=', `/shadowing/${input.sessionId}#event-${input.eventId}`)
    .execute();
}

/** The text of a session for evidence: its focus and notes and every event's note. */
export async function findShadowingSource(db: Db, input: { id: string }) {
  const session = await db
    .selectFrom('shadowing_sessions')
    .select(['id', 'participant_id', 'focus', 'notes', sql<string>`coalesce(started_at, created_at)::date`.as('observed_on')])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!session) return undefined;
  const events = await db
    .selectFrom('friction_events')
    .select(['id', 'note', 'kind', 'minutes_lost as minutesLost'])
    .where('session_id', '=', input.id)
    .execute();
  return { ...session, events };
}
