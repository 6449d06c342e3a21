// Kysely queries for teams and participants (the developer directory).
import { sql } from 'kysely';
import type { TenureBand } from '@/db/types';
import type { Db } from '@/server/db';

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
  'participants.display_name as displayName',
  'participants.email',
  'participants.team_id as teamId',
  'teams.name as teamName',
  'participants.tenure_band as tenureBand',
  'participants.background',
  'participants.origin',
  'participants.archived_at as archivedAt',
  'participants.created_at as createdAt',
  'participants.updated_at as updatedAt',
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
  input: { values: (ParticipantValues & { id?: string; origin?: 'manual' | 'directory-import' | 'ticket-requester' })[] },
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
    .leftJoin('participants', 'participants.team_id', 'teams.id')
    .select([
      'teams.id',
      'teams.name',
      'teams.created_at as createdAt',
      sql<number>`(count(participants.id) filter (where participants.archived_at is null))::int`.as('developerCount'),
      // Archived developers too: a team is empty (can be deleted as it is) only without either.
      sql<number>`count(participants.id)::int`.as('totalDeveloperCount'),
    ])
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

// ---- A developer's page --------------------------------------------------------------------------

/** How many of a developer's tickets and evidence items the page lists (the totals say how many more). */
export const PROFILE_LIST_LIMIT = 100;

export async function findDeveloper(db: Db, input: { id: string }) {
  return baseParticipants(db).select(participantColumns).where('participants.id', '=', input.id)
    .executeTakeFirst();
}

export async function listDeveloperInterviews(db: Db, input: { participantId: string }) {
  return db
    .selectFrom('interviews')
    .select(['id', sql<string>`interviewed_on::text`.as('interviewedOn'), 'status', 'guide_title as guideTitle'])
    .where('participant_id', '=', input.participantId)
    .orderBy('interviewed_on', 'desc')
    .orderBy('id')
    .execute();
}

/** Sessions with their friction events counted and the minutes lost added up, in one grouped query. */
export async function listDeveloperSessions(db: Db, input: { participantId: string }) {
  return db
    .selectFrom('shadowing_sessions')
    .leftJoin('friction_events', 'friction_events.session_id', 'shadowing_sessions.id')
    .select([
      'shadowing_sessions.id',
      'shadowing_sessions.scenario',
      'shadowing_sessions.focus',
      sql<string>`coalesce(shadowing_sessions.started_at, shadowing_sessions.created_at)::date::text`.as('onDate'),
      sql<boolean>`shadowing_sessions.ended_at is not null`.as('hasEnded'),
      sql<number>`count(friction_events.id)::int`.as('eventCount'),
      sql<number>`coalesce(sum(friction_events.minutes_lost), 0)::float8`.as('minutesLost'),
    ])
    .where('shadowing_sessions.participant_id', '=', input.participantId)
    .groupBy('shadowing_sessions.id')
    .orderBy(sql`coalesce(shadowing_sessions.started_at, shadowing_sessions.created_at)`, 'desc')
    .orderBy('shadowing_sessions.id')
    .execute();
}

export async function listDeveloperTickets(db: Db, input: { participantId: string }) {
  const query = db.selectFrom('tickets').where('participant_id', '=', input.participantId);
  const [rows, total] = await Promise.all([
    query
      .select(['id', 'source', 'external_key as externalKey', 'title', 'status', 'category', 'opened_at as openedAt', 'resolved_at as resolvedAt'])
      .orderBy(sql`opened_at desc nulls last`)
      .orderBy('id')
      .limit(PROFILE_LIST_LIMIT)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

/** The developer's evidence, newest first, each with the themes it is tagged into (one query, no loop). */
export async function listDeveloperEvidence(db: Db, input: { participantId: string }) {
  const query = db.selectFrom('evidence').where('evidence.participant_id', '=', input.participantId);
  const [rows, total] = await Promise.all([
    query
      .select((eb) => [
        'evidence.id',
        'evidence.excerpt',
        'evidence.source_kind as sourceKind',
        'evidence.source_path as sourcePath',
        sql<string>`evidence.observed_on::text`.as('observedOn'),
        'evidence.kind',
        'evidence.minutes_lost as minutesLost',
        'evidence.occurrences_per_month as occurrencesPerMonth',
        'evidence.severity',
        eb
          .selectFrom('evidence_themes')
          .innerJoin('themes', 'themes.id', 'evidence_themes.theme_id')
          .whereRef('evidence_themes.evidence_id', '=', 'evidence.id')
          .select(sql<{ id: string; title: string }[]>`coalesce(json_agg(json_build_object('id', themes.id, 'title', themes.title) order by lower(themes.title)), '[]'::json)`.as('themes'))
          .as('themes'),
      ])
      .orderBy('evidence.observed_on', 'desc')
      .orderBy('evidence.created_at', 'desc')
      .orderBy('evidence.id')
      .limit(PROFILE_LIST_LIMIT)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((row) => ({
      ...row,
      minutesLost: row.minutesLost === null ? null : Number(row.minutesLost),
      occurrencesPerMonth: Number(row.occurrencesPerMonth),
      themes: row.themes ?? [],
    })),
    total: total.count,
  };
}

// ---- Bulk changes and deleting a team ------------------------------------------------------------

export async function countParticipantsByIds(db: Db, input: { ids: string[] }): Promise<number> {
  if (input.ids.length === 0) return 0;
  const row = await db.selectFrom('participants').select(sql<number>`count(*)::int`.as('count')).where('id', 'in', input.ids).executeTakeFirstOrThrow();
  return row.count;
}

export async function setParticipantsArchived(db: Db, input: { ids: string[]; isArchived: boolean }): Promise<number> {
  if (input.ids.length === 0) return 0;
  const now = new Date();
  // Only rows that change: archiving an archived developer keeps the date they were archived.
  const rows = await db
    .updateTable('participants')
    .set({ archived_at: input.isArchived ? now : null, updated_at: now })
    .where('id', 'in', input.ids)
    .where('archived_at', input.isArchived ? 'is' : 'is not', null)
    .returning('id')
    .execute();
  return rows.length;
}

export async function moveParticipantsToTeam(db: Db, input: { ids: string[]; teamId: string | null }): Promise<number> {
  if (input.ids.length === 0) return 0;
  const rows = await db
    .updateTable('participants')
    .set({ team_id: input.teamId, updated_at: new Date() })
    .where('id', 'in', input.ids)
    .where(sql<boolean>`team_id is distinct from ${input.teamId}`)
    .returning('id')
    .execute();
  return rows.length;
}

/** A team with what still refers to it: developers (active and archived) and platform-metrics rows. */
export async function findTeamUsage(db: Db, input: { id: string }) {
  return db
    .selectFrom('teams')
    .select([
      'teams.id',
      'teams.name',
      sql<number>`(select count(*) from participants where team_id = teams.id)::int`.as('developers'),
      sql<number>`((select count(*) from delivery_services where team_id = teams.id) + (select count(*) from deployments where team_id = teams.id) + (select count(*) from platform_tasks where team_id = teams.id))::int`.as(
        'metricsRows',
      ),
    ])
    .where('teams.id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
}

export async function moveTeamMembers(db: Db, input: { fromTeamId: string; toTeamId: string | null }): Promise<number> {
  const rows = await db
    .updateTable('participants')
    .set({ team_id: input.toTeamId, updated_at: new Date() })
    .where('team_id', '=', input.fromTeamId)
    .returning('id')
    .execute();
  return rows.length;
}

export async function deleteTeam(db: Db, input: { id: string }) {
  return db.deleteFrom('teams').where('id', '=', input.id).returning('id').executeTakeFirst();
}
