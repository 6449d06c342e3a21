// Kysely queries for teams and participants (the developer directory).
import { sql } from 'kysely';
import type { TenureBand } from '@/db/types';
import type { Db } from '../db';

export const SORT_KEYS = ['name', 'team', 'tenure', 'background', 'created'] as const;
export type ParticipantSort = (typeof SORT_KEYS)[number];

export interface ParticipantFilter {
  search?: string;
  teamId?: string;
  tenureBand?: TenureBand;
  background?: string;
  status: 'active' | 'archived' | 'all';
  sort: ParticipantSort;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const participantColumns = [
  'participants.id',
  'participants.display_name',
  'participants.email',
  'participants.team_id',
  'teams.name as team_name',
  'participants.tenure_band',
  'participants.background',
  'participants.origin',
  'participants.archived_at',
  'participants.created_at',
  'participants.updated_at',
] as const;

function baseParticipants(db: Db) {
  return db.selectFrom('participants').leftJoin('teams', 'teams.id', 'participants.team_id');
}

const tenureOrder = sql`case participants.tenure_band when '<1y' then 1 when '1-3y' then 2 when '3-5y' then 3 when '5y+' then 4 end`;

export async function listParticipants(db: Db, filter: ParticipantFilter) {
  let query = baseParticipants(db);
  if (filter.status === 'active') query = query.where('participants.archived_at', 'is', null);
  if (filter.status === 'archived') query = query.where('participants.archived_at', 'is not', null);
  if (filter.teamId) query = query.where('participants.team_id', '=', filter.teamId);
  if (filter.tenureBand) query = query.where('participants.tenure_band', '=', filter.tenureBand);
  if (filter.background) query = query.where(sql`lower(participants.background)`, '=', filter.background.toLowerCase());
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('participants.display_name', 'ilike', pattern), eb('participants.email', 'ilike', pattern)]),
    );
  }

  const direction = filter.direction;
  const sortExpression = {
    name: sql`lower(participants.display_name)`,
    team: sql`lower(teams.name)`,
    tenure: tenureOrder,
    background: sql`lower(participants.background)`,
    created: sql`participants.created_at`,
  }[filter.sort];

  const [rows, total] = await Promise.all([
    query
      .select([...participantColumns])
      .orderBy(sql`${sortExpression} ${sql.raw(direction)} nulls last`)
      .orderBy('participants.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

export async function getParticipant(db: Db, input: { id: string }) {
  return baseParticipants(db).select([...participantColumns]).where('participants.id', '=', input.id).executeTakeFirst();
}

export async function findParticipantsForMatching(db: Db) {
  return db
    .selectFrom('participants')
    .select(['id', 'display_name', 'email', 'team_id', 'tenure_band', 'background'])
    .execute();
}

export interface ParticipantValues {
  display_name: string;
  email: string | null;
  team_id: string | null;
  tenure_band: TenureBand | null;
  background: string | null;
}

export async function insertParticipants(
  db: Db,
  input: { values: (ParticipantValues & { origin?: 'manual' | 'directory-import' | 'ticket-requester' })[] },
) {
  if (input.values.length === 0) return [];
  return db.insertInto('participants').values(input.values).returning(['id']).execute();
}

export async function updateParticipant(db: Db, input: { id: string; values: ParticipantValues }) {
  return db
    .updateTable('participants')
    .set({ ...input.values, updated_at: new Date() })
    .where('id', '=', input.id)
    .returning(['id'])
    .executeTakeFirst();
}

export async function setParticipantArchived(db: Db, input: { id: string; isArchived: boolean }) {
  return db
    .updateTable('participants')
    .set({ archived_at: input.isArchived ? new Date() : null, updated_at: new Date() })
    .where('id', '=', input.id)
    .returning(['id'])
    .executeTakeFirst();
}

export async function countActiveParticipants(db: Db): Promise<number> {
  const row = await db
    .selectFrom('participants')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function listBackgrounds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('participants')
    .select(sql<string>`min(background)`.as('background'))
    .where('background', 'is not', null)
    .groupBy(sql`lower(background)`)
    .orderBy(sql`lower(background)`)
    .execute();
  return rows.map((row) => row.background);
}

// ---- Teams -------------------------------------------------------------------------------------

export async function listTeams(db: Db) {
  return db
    .selectFrom('teams')
    .leftJoin('participants', (join) =>
      join.onRef('participants.team_id', '=', 'teams.id').on('participants.archived_at', 'is', null),
    )
    .select(['teams.id', 'teams.name', 'teams.created_at', sql<number>`count(participants.id)::int`.as('developer_count')])
    .groupBy('teams.id')
    .orderBy(sql`lower(teams.name)`)
    .execute();
}

export async function findTeamsByName(db: Db, input: { names: string[] }) {
  if (input.names.length === 0) return [];
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where(
      sql`lower(name)`,
      'in',
      input.names.map((name) => name.toLowerCase()),
    )
    .execute();
}

export async function insertTeams(db: Db, input: { names: string[] }) {
  if (input.names.length === 0) return [];
  return db
    .insertInto('teams')
    .values(input.names.map((name) => ({ name })))
    .returning(['id', 'name'])
    .execute();
}

export async function renameTeam(db: Db, input: { id: string; name: string }) {
  return db.updateTable('teams').set({ name: input.name }).where('id', '=', input.id).returning(['id', 'name']).executeTakeFirst();
}

export async function teamExists(db: Db, input: { id: string }): Promise<boolean> {
  return Boolean(await db.selectFrom('teams').select('id').where('id', '=', input.id).executeTakeFirst());
}
