// Fixed-window counters in the database, so several app processes share one limit.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

/** Counts one hit in the bucket's current window and returns the window's total. */
export async function countHit(db: Db, input: { bucket: string; windowStart: Date; expiresAt: Date }): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket: input.bucket, window_start: input.windowStart, hits: 1, expires_at: input.expiresAt })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

/** Deletes every window that has ended; returns when the next one ends (null when none is left). */
export async function deleteEndedWindows(db: Db, input: { now: Date }): Promise<Date | null> {
  await db.deleteFrom('rate_limits').where('expires_at', '<=', input.now).execute();
  const row = await db.selectFrom('rate_limits').select(sql<Date | null>`min(expires_at)`.as('next')).executeTakeFirstOrThrow();
  return row.next;
}
