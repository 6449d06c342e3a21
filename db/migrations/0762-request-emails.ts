// Closing the loop by email: who follows a request (its submitter and voters who left an email),
// an outbox of emails to them (one per event and address, retried until sent), the addresses
// that unsubscribed (hashed), and the key that signs unsubscribe links. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_followers')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (col) => col.notNull().references('roadmap_requests.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index request_followers_key on request_followers (request_id, lower(email))`.execute(db);
  // Submitters who left an email before this migration follow their requests too.
  await sql`
    insert into request_followers (request_id, email, created_at)
    select id, btrim(email), created_at from roadmap_requests where email is not null and btrim(email) <> ''
    on conflict do nothing`.execute(db);

  await db.schema
    .createTable('request_emails')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (col) => col.references('roadmap_requests.id').onDelete('set null'))
    .addColumn('event', 'text', (col) => col.notNull().check(sql`event in ('accepted', 'merged', 'declined', 'shipped')`))
    .addColumn('to_email', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    // One email per event, request and address, however often the event is noted.
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed', 'skipped')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    // Set when this email's unsubscribe link is used: a second use is refused.
    .addColumn('unsubscribed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index request_emails_due_idx on request_emails (next_attempt_at) where status = 'pending'`.execute(db);

  await db.schema
    .createTable('email_optouts')
    .addColumn('email_hash', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // The key unsubscribe links are signed with (HMAC-SHA256), made once per database.
  await db.schema
    .createTable('email_signing_keys')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('secret', 'text', (col) => col.notNull())
    .execute();
  await sql`insert into email_signing_keys (id, secret) values (1, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'))`.execute(
    db,
  );
}
