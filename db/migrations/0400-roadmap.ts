// The public roadmap: items in lanes with their published copy and status history, developers'
// requests and votes, and outbound webhooks with their delivery log. Frozen.
import { sql, type Kysely } from 'kysely';

const LANES = sql`('in_progress', 'planned', 'requested', 'shipped', 'declined')`;

export async function up(db: Kysely<any>): Promise<void> {
  // Similar-title suggestions for requests use trigram similarity.
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('roadmap_items')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('internal_note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('lane', 'text', (col) => col.notNull().check(sql`lane in ${LANES}`))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('target_quarter', 'text', (col) => col.check(sql`target_quarter ~ '^[0-9]{4}-Q[1-4]$'`))
    .addColumn('is_public', 'boolean', (col) => col.notNull().defaultTo(false))
    // The copy the public sees, as of the last publish; public_lane null = not on the public roadmap.
    .addColumn('public_title', 'text')
    .addColumn('public_description', 'text')
    .addColumn('public_quarter', 'text')
    .addColumn('public_lane', 'text', (col) => col.check(sql`public_lane in ${LANES}`))
    .addColumn('public_position', 'integer')
    .addColumn('first_published_at', 'timestamptz')
    .addColumn('public_updated_at', 'timestamptz')
    .addColumn('shipped_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('roadmap_items_lane_idx').on('roadmap_items').columns(['lane', 'position']).execute();
  await db.schema.createIndex('roadmap_items_public_lane_idx').on('roadmap_items').columns(['public_lane', 'public_position']).execute();

  for (const table of ['roadmap_item_themes', 'roadmap_item_public_themes']) {
    await db.schema
      .createTable(table)
      .addColumn('item_id', 'uuid', (col) => col.notNull().references('roadmap_items.id').onDelete('cascade'))
      .addColumn('theme_id', 'uuid', (col) => col.notNull().references('themes.id').onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pkey`, ['item_id', 'theme_id'])
      .execute();
    await db.schema.createIndex(`${table}_theme_idx`).on(table).column('theme_id').execute();
  }

  await db.schema
    .createTable('roadmap_item_history')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('item_id', 'uuid', (col) => col.notNull().references('roadmap_items.id').onDelete('cascade'))
    .addColumn('from_lane', 'text', (col) => col.check(sql`from_lane in ${LANES}`))
    .addColumn('to_lane', 'text', (col) => col.notNull().check(sql`to_lane in ${LANES}`))
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('changed_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('roadmap_item_history_item_idx').on('roadmap_item_history').columns(['item_id', 'changed_at']).execute();
  await db.schema.createIndex('roadmap_item_history_changed_idx').on('roadmap_item_history').column('changed_at').execute();

  await db.schema
    .createTable('roadmap_publications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('published_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('published_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('changes', 'integer', (col) => col.notNull())
    .addColumn('public_items', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('roadmap_publications_at_idx').on('roadmap_publications').column('published_at').execute();

  await db.schema
    .createTable('roadmap_requests')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('details', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('email', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('open').check(sql`status in ('open', 'merged', 'accepted', 'declined')`),
    )
    // The item it was merged into or accepted as.
    .addColumn('item_id', 'uuid', (col) => col.references('roadmap_items.id').onDelete('set null'))
    .addColumn('decline_reason', 'text')
    .addColumn('triaged_at', 'timestamptz')
    .addColumn('triaged_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('roadmap_requests_status_idx').on('roadmap_requests').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('roadmap_requests_item_idx').on('roadmap_requests').column('item_id').execute();
  await sql`create index roadmap_requests_title_trgm_idx on roadmap_requests using gin (title gin_trgm_ops)`.execute(db);

  // One row per vote. A voter is a browser (a random cookie, stored hashed) and, when given, an
  // email (stored hashed): either one already voting for the target refuses a second vote.
  await db.schema
    .createTable('roadmap_votes')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('item_id', 'uuid', (col) => col.references('roadmap_items.id').onDelete('cascade'))
    .addColumn('request_id', 'uuid', (col) => col.references('roadmap_requests.id').onDelete('cascade'))
    .addColumn('voter_hash', 'text', (col) => col.notNull())
    .addColumn('email_hash', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('roadmap_votes_one_target', sql`(item_id is null) <> (request_id is null)`)
    .execute();
  await sql`create unique index roadmap_votes_item_voter_key on roadmap_votes (item_id, voter_hash) where item_id is not null`.execute(db);
  await sql`create unique index roadmap_votes_item_email_key on roadmap_votes (item_id, email_hash) where item_id is not null and email_hash is not null`.execute(db);
  await sql`create unique index roadmap_votes_request_voter_key on roadmap_votes (request_id, voter_hash) where request_id is not null`.execute(db);
  await sql`create unique index roadmap_votes_request_email_key on roadmap_votes (request_id, email_hash) where request_id is not null and email_hash is not null`.execute(db);

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull().check(sql`url ~ '^https?://'`))
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('on_new_request', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('on_lane_change', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('is_active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('webhook_id', 'uuid', (col) => col.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status in ('pending', 'delivered', 'failed')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_webhook_idx').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();
}
