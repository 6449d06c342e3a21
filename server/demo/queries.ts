// Kysely queries for the demo workspace's record of what it created, and for removing it.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

export type DemoEntity = 'teams' | 'participants' | 'interviews' | 'shadowing_sessions' | 'themes' | 'evidence';

export async function recordDemoRows(db: Db, input: { entity: DemoEntity; ids: string[] }) {
  if (input.ids.length === 0) return;
  await db
    .insertInto('demo_records')
    .values(input.ids.map((id) => ({ entity: input.entity, record_id: id })))
    .onConflict((oc) => oc.columns(['entity', 'record_id']).doNothing())
    .execute();
}

export async function countDemoRows(db: Db) {
  const rows = await db.selectFrom('demo_records').select(['entity', sql<number>`count(*)::int`.as('count')]).groupBy('entity').execute();
  return new Map(rows.map((row) => [row.entity, row.count]));
}

export async function listDemoIds(db: Db, input: { entity: DemoEntity }): Promise<string[]> {
  const rows = await db.selectFrom('demo_records').select('record_id').where('entity', '=', input.entity).execute();
  return rows.map((row) => row.record_id);
}

/** Locks the record, so two removals or a load and a removal cannot interleave. */
export async function lockDemoRecords(db: Db) {
  await sql`lock table demo_records in share row exclusive mode`.execute(db);
}

export async function clearDemoRecords(db: Db) {
  await db.deleteFrom('demo_records').execute();
}

export async function findFirstAdminId(db: Db): Promise<string | null> {
  const row = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('created_at').executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Dates what the demo made as if it had been recorded over the last weeks: each evidence item on
 * the day of its interview or session (Home's "new evidence this week against last week" then
 * reads like a real quarter), each theme when its first evidence was saved, the directory when the
 * quarter began. Set-based: one update per table over the ids the demo recorded.
 */
export async function backdateDemoRows(db: Db, input: { directorySince: Date }) {
  // created_at is never written by the app (its type forbids it), so these are plain SQL.
  const demoIds = (entity: DemoEntity) => sql`(select record_id from demo_records where entity = ${entity})`;
  const since = input.directorySince;
  await sql`update teams set created_at = ${since} where id in ${demoIds('teams')}`.execute(db);
  await sql`update participants set created_at = ${since}, updated_at = ${since} where id in ${demoIds('participants')}`.execute(db);
  await sql`update interviews set created_at = interviewed_on + time '10:00', updated_at = interviewed_on + time '16:30'
            where id in ${demoIds('interviews')}`.execute(db);
  await sql`update shadowing_sessions set created_at = started_at - interval '1 hour', updated_at = coalesce(ended_at, started_at)
            where id in ${demoIds('shadowing_sessions')}`.execute(db);
  await sql`update friction_events set created_at = s.started_at + friction_events.offset_seconds * interval '1 second',
              updated_at = s.started_at + friction_events.offset_seconds * interval '1 second'
            from shadowing_sessions s where s.id = friction_events.session_id and s.id in ${demoIds('shadowing_sessions')}`.execute(db);
  await sql`update evidence set created_at = observed_on + time '17:00' where id in ${demoIds('evidence')}`.execute(db);
  await sql`update themes set created_at = coalesce((select min(e.created_at) from evidence_themes et join evidence e on e.id = et.evidence_id
              where et.theme_id = themes.id), themes.created_at)
            where id in ${demoIds('themes')}`.execute(db);
}

// ---- Removal ---------------------------------------------------------------------------------

/** Evidence the demo created, and any evidence someone saved later from demo interviews or sessions. */
export async function deleteDemoEvidence(db: Db, input: { evidenceIds: string[]; interviewIds: string[]; sessionIds: string[] }) {
  const conditions = [
    input.evidenceIds.length > 0 ? sql`id in (${sql.join(input.evidenceIds)})` : null,
    input.interviewIds.length > 0 ? sql`(source_kind = 'interview' and source_id in (${sql.join(input.interviewIds)}))` : null,
    input.sessionIds.length > 0 ? sql`(source_kind = 'shadowing' and source_id in (${sql.join(input.sessionIds)}))` : null,
  ].filter((condition) => condition !== null);
  if (conditions.length === 0) return 0;
  const result = await sql`delete from evidence where ${sql.join(conditions, sql` or `)}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteRows(db: Db, input: { table: 'interviews' | 'shadowing_sessions'; ids: string[] }) {
  if (input.ids.length === 0) return 0;
  const result = await db.deleteFrom(input.table).where('id', 'in', input.ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Demo themes nobody has tagged other evidence into; the rest are kept. */
export async function deleteUnusedThemes(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return { deleted: 0, kept: 0 };
  const result = await db
    .deleteFrom('themes')
    .where('id', 'in', input.ids)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('evidence_themes').select('evidence_id').whereRef('evidence_themes.theme_id', '=', 'themes.id'))))
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows);
  return { deleted, kept: input.ids.length - deleted };
}

/** Demo developers that no remaining interview, session or evidence refers to; the rest are kept. */
export async function deleteUnreferencedParticipants(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return { deleted: 0, kept: 0 };
  const result = await db
    .deleteFrom('participants')
    .where('id', 'in', input.ids)
    .where((eb) =>
      eb.and([
        eb.not(eb.exists(eb.selectFrom('interviews').select('id').whereRef('interviews.participant_id', '=', 'participants.id'))),
        eb.not(eb.exists(eb.selectFrom('shadowing_sessions').select('id').whereRef('shadowing_sessions.participant_id', '=', 'participants.id'))),
        eb.not(eb.exists(eb.selectFrom('evidence').select('id').whereRef('evidence.participant_id', '=', 'participants.id'))),
      ]),
    )
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows);
  return { deleted, kept: input.ids.length - deleted };
}

/** Demo teams with nobody left in them. */
export async function deleteEmptyTeams(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return 0;
  const result = await db
    .deleteFrom('teams')
    .where('id', 'in', input.ids)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('participants').select('id').whereRef('participants.team_id', '=', 'teams.id'))))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
