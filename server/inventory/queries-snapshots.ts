// Kysely queries for the pain inventory's snapshots and share links, and the names and fates
// (archived, merged into which live theme) they show.
import { sql } from 'kysely';
import type { ThemeStatus } from '@/db/types';
import type { Db } from '@/server/db';

export async function findTeamName(db: Db, input: { id: string }): Promise<string | null> {
  const row = await db.selectFrom('teams').select('name').where('id', '=', input.id).executeTakeFirst();
  return row?.name ?? null;
}

/** Names of these teams, in one query (a filter's label names its team). */
export async function listTeamNames(db: Db, input: { ids: string[] }): Promise<Map<string, string>> {
  if (input.ids.length === 0) return new Map();
  const rows = await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', input.ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * What became of these themes: their status and, for a merged theme, the live theme at the end of
 * its merges (one recursive query for all of them; a loop stops after 50 hops).
 */
export async function listThemeFates(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  const rows = await sql<{ id: string; status: ThemeStatus; live_id: string | null; live_title: string | null }>`
    with recursive chain (start_id, id, merged_into_id, hops) as (
      select id, id, merged_into_id, 0 from themes where id in (${sql.join(input.ids)}) and merged_into_id is not null
      union all
      select chain.start_id, themes.id, themes.merged_into_id, chain.hops + 1
      from chain join themes on themes.id = chain.merged_into_id
      where chain.hops < 50
    )
    select themes.id, themes.status, live.id as live_id, live.title as live_title
    from themes
    left join chain on chain.start_id = themes.id and chain.merged_into_id is null
    left join themes live on live.id = chain.id
    where themes.id in (${sql.join(input.ids)})`.execute(db);
  return rows.rows.map((row) => ({ id: row.id, status: row.status, liveId: row.live_id, liveTitle: row.live_title }));
}

// ---- Snapshots -----------------------------------------------------------------------------

export async function insertSnapshot(db: Db, input: { title: string; filter: unknown; ranking: unknown; directorySize: number; takenBy: string | null }) {
  return db
    .insertInto('inventory_snapshots')
    .values({
      title: input.title,
      filter: JSON.stringify(input.filter),
      ranking: JSON.stringify(input.ranking),
      directory_size: input.directorySize,
      taken_by: input.takenBy,
    })
    .returning(['id', 'title', 'taken_at as takenAt'])
    .executeTakeFirstOrThrow();
}

/** What the list and one snapshot both show (the list adds a count, one snapshot its ranking). */
const snapshotColumns = [
  'inventory_snapshots.id',
  'inventory_snapshots.title',
  'inventory_snapshots.filter',
  'inventory_snapshots.directory_size as directorySize',
  'inventory_snapshots.taken_at as takenAt',
  'users.name as takenByName',
] as const;

export async function listSnapshots(db: Db) {
  return db
    .selectFrom('inventory_snapshots')
    .leftJoin('users', 'users.id', 'inventory_snapshots.taken_by')
    .select([...snapshotColumns, sql<number>`jsonb_array_length(inventory_snapshots.ranking)::int`.as('themeCount')])
    .orderBy('inventory_snapshots.taken_at', 'desc')
    .orderBy('inventory_snapshots.id')
    .execute();
}

export async function getSnapshot(db: Db, input: { id: string }) {
  return db
    .selectFrom('inventory_snapshots')
    .leftJoin('users', 'users.id', 'inventory_snapshots.taken_by')
    .select([...snapshotColumns, 'inventory_snapshots.ranking'])
    .where('inventory_snapshots.id', '=', input.id)
    .executeTakeFirst();
}

// ---- Share links ---------------------------------------------------------------------------

export async function insertShare(db: Db, input: { label: string; tokenHash: string; tokenPrefix: string; filter: unknown; createdBy: string | null }) {
  return db
    .insertInto('inventory_shares')
    .values({
      label: input.label,
      token_hash: input.tokenHash,
      token_prefix: input.tokenPrefix,
      filter: JSON.stringify(input.filter),
      created_by: input.createdBy,
    })
    .returning(['id', 'label', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

export async function listShares(db: Db) {
  return db
    .selectFrom('inventory_shares')
    .leftJoin('users', 'users.id', 'inventory_shares.created_by')
    .select([
      'inventory_shares.id',
      'inventory_shares.label',
      'inventory_shares.token_prefix as tokenPrefix',
      'inventory_shares.filter',
      'inventory_shares.created_at as createdAt',
      'users.name as createdByName',
      'inventory_shares.last_viewed_at as lastViewedAt',
      'inventory_shares.revoked_at as revokedAt',
    ])
    .orderBy(sql`inventory_shares.revoked_at is not null`)
    .orderBy('inventory_shares.created_at', 'desc')
    .execute();
}

export async function revokeShare(db: Db, input: { id: string }): Promise<boolean> {
  const result = await db
    .updateTable('inventory_shares')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', input.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findShareByHash(db: Db, input: { tokenHash: string }) {
  return db
    .selectFrom('inventory_shares')
    .select(['id', 'label', 'filter', 'revoked_at as revokedAt', 'last_viewed_at as lastViewedAt'])
    .where('token_hash', '=', input.tokenHash)
    .executeTakeFirst();
}

export async function touchShare(db: Db, input: { id: string }) {
  await db.updateTable('inventory_shares').set({ last_viewed_at: sql`now()` }).where('id', '=', input.id).execute();
}
