// Fixed-window counters in the database, so several app processes share one limit.
import { sql } from 'kysely';
import type { Db } from '../db';

/** Counts one hit in the bucket's current window and returns the window's total. */
export async function countHit(db: Db, input: { bucket: string; windowStart: Date }): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket: input.bucket, window_start: input.windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

export async function deleteWindowsBefore(db: Db, input: { before: Date }) {
  await db.deleteFrom('rate_limits').where('window_start', '<', input.before).execute();
}
