// Change logs that caches are keyed on (migrations 0620 and 0630): statement-level triggers add a
// row when a write to a cached aggregation's inputs commits.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

export type ChangeLog = 'inventory_changes' | 'delivery_changes' | 'roadmap_changes';

/** The version of a log's inputs: "rows:newest id", changed by every committed write to them. */
export async function changeLogVersion(db: Db, input: { log: ChangeLog }): Promise<string> {
  const row = await db
    .selectFrom(input.log)
    .select([sql<number>`count(*)::int`.as('count'), sql<string>`coalesce(max(id), 0)::text`.as('newest')])
    .executeTakeFirstOrThrow();
  return `${row.count}:${row.newest}`;
}

/**
 * Drops old rows of the change log and adds one: the newest id then changes too, so a version
 * seen before the pruning (fewer rows, same newest id) can never come back.
 */
export async function pruneChangeLog(db: Db, input: { log: ChangeLog; before: Date }) {
  await sql`
    with pruned as (delete from ${sql.table(input.log)} where changed_at < ${input.before})
    insert into ${sql.table(input.log)} default values`.execute(db);
}

/** A cache's hooks for one change log (see server/lib/versioned-cache.ts). */
export function changeLogHooks(log: ChangeLog) {
  return {
    version: (db: Db) => changeLogVersion(db, { log }),
    prune: (db: Db, input: { before: Date }) => pruneChangeLog(db, { log, before: input.before }),
  };
}
