// The server's secret (generated at first start, shared by every app process through the
// database) for keyed hashes and signed cookies; rate-limit windows that say when they end, so a
// client's key is dropped as soon as its window is over; and the email hashes of votes made
// before they were keyed are cleared, since unkeyed hashes can be matched against the directory.
// Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.alterTable('rate_limits').addColumn('expires_at', 'timestamptz').execute();
  await sql`update rate_limits set expires_at = window_start + interval '1 day'`.execute(db);
  await sql`alter table rate_limits alter column expires_at set not null`.execute(db);
  await db.schema.createIndex('rate_limits_expires_idx').on('rate_limits').column('expires_at').execute();

  await sql`update roadmap_votes set email_hash = null where email_hash is not null`.execute(db);
}
