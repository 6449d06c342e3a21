// The directory's active developers with how often each has been interviewed and shadowed.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

export async function listCoverageDevelopers(db: Db) {
  return db
    .selectFrom('participants')
    .leftJoin('teams', 'teams.id', 'participants.team_id')
    .select((eb) => [
      'participants.id',
      'participants.display_name',
      'participants.team_id',
      'teams.name as team_name',
      'participants.tenure_band',
      'participants.background',
      eb
        .selectFrom('interviews')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('interviews.participant_id', '=', 'participants.id')
        .as('interviews'),
      eb
        .selectFrom('interviews')
        .select(sql<string | null>`max(interviewed_on)`.as('latest'))
        .whereRef('interviews.participant_id', '=', 'participants.id')
        .as('last_interviewed_on'),
      eb
        .selectFrom('shadowing_sessions')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('shadowing_sessions.participant_id', '=', 'participants.id')
        .as('shadowing_sessions'),
    ])
    .where('participants.archived_at', 'is', null)
    .orderBy(sql`lower(participants.display_name)`)
    .execute();
}
