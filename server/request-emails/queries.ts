// Kysely queries for request emails: followers of requests, the outbox, opt-outs and the signing key.
import { sql } from 'kysely';
import type { Db } from '@/server/db';
import { claimDueRows } from '@/server/lib/queries-outbox';
import type { RequestEmailEvent } from './rules';

export async function addFollower(db: Db, input: { requestId: string; email: string }) {
  await sql`
    insert into request_followers (request_id, email) values (${input.requestId}::uuid, ${input.email.trim()})
    on conflict do nothing`.execute(db);
}

/** Followers of one request move along when it is merged into another (one row per address). */
export async function copyFollowers(db: Db, input: { fromId: string; toId: string }) {
  await sql`
    insert into request_followers (request_id, email)
    select ${input.toId}::uuid, email from request_followers where request_id = ${input.fromId}::uuid
    on conflict do nothing`.execute(db);
}

export async function listFollowers(db: Db, input: { requestIds: string[] }) {
  if (input.requestIds.length === 0) return [];
  return db.selectFrom('request_followers').select(['request_id', 'email']).where('request_id', 'in', input.requestIds).execute();
}

/** Requests merged into or accepted as these items: who hears that the item shipped. */
export async function listRequestsOfItems(db: Db, input: { itemIds: string[] }) {
  if (input.itemIds.length === 0) return [];
  return db
    .selectFrom('roadmap_requests')
    .select(['id', 'title', 'item_id'])
    .where('item_id', 'in', input.itemIds)
    .where('status', 'in', ['merged', 'accepted'])
    .execute();
}

export async function signingKey(db: Db): Promise<string> {
  const row = await db.selectFrom('email_signing_keys').select('secret').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.secret;
}

export async function listOptedOut(db: Db, input: { hashes: string[] }) {
  if (input.hashes.length === 0) return new Set<string>();
  const rows = await db.selectFrom('email_optouts').select('email_hash').where('email_hash', 'in', input.hashes).execute();
  return new Set(rows.map((row) => row.email_hash));
}

export async function insertEmails(
  db: Db,
  input: { rows: { id: string; request_id: string; event: RequestEmailEvent; to_email: string; subject: string; body: string; dedupe_key: string; next_attempt_at: Date }[] },
) {
  if (input.rows.length === 0) return 0;
  const inserted = await db
    .insertInto('request_emails')
    .values(input.rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** Takes up to `limit` due emails for this process: others skip them until the lock expires. */
export function claimDueEmails(db: Db, input: { now: Date; limit: number; lockSeconds: number }) {
  return claimDueRows(db, 'request_emails', ['id', 'to_email', 'subject', 'body', 'attempts'], input);
}

export async function recordEmailAttempt(
  db: Db,
  input: { id: string; status: 'pending' | 'sent' | 'failed' | 'skipped'; attempts: number; at: Date; nextAttemptAt: Date | null; error: string | null },
) {
  await db
    .updateTable('request_emails')
    .set({
      status: input.status,
      attempts: input.attempts,
      sent_at: input.status === 'sent' ? input.at : null,
      next_attempt_at: input.nextAttemptAt ?? input.at,
      locked_until: null,
      last_error: input.error,
    })
    .where('id', '=', input.id)
    .execute();
}

export async function getEmailForUnsubscribe(db: Db, input: { id: string }) {
  return db.selectFrom('request_emails').select(['id', 'to_email', 'unsubscribed_at']).where('id', '=', input.id).executeTakeFirst();
}

/** Marks the link used and opts the address out, only if the link was not used yet; false when it was. */
export async function markUnsubscribed(db: Db, input: { id: string; emailAddress: string; emailHash: string; now: Date }) {
  const used = await db
    .updateTable('request_emails')
    .set({ unsubscribed_at: input.now })
    .where('id', '=', input.id)
    .where('unsubscribed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!used) return false;
  await db.insertInto('email_optouts').values({ email_hash: input.emailHash, created_at: input.now }).onConflict((oc) => oc.doNothing()).execute();
  // Nothing more is sent to the address, including what was already queued.
  await db.updateTable('request_emails').set({ status: 'skipped', last_error: 'Unsubscribed.' }).where(sql`lower(to_email)`, '=', input.emailAddress.toLowerCase()).where('status', '=', 'pending').execute();
  return true;
}

export async function countEmailsByStatus(db: Db) {
  const rows = await db.selectFrom('request_emails').select(['status', sql<number>`count(*)::int`.as('count')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Partial<Record<'pending' | 'sent' | 'failed' | 'skipped', number>>;
}
