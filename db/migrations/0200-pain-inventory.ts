// The pain inventory around themes: the MVP focus flag, merges that can be undone, frozen
// snapshots of the ranking (immutable: a trigger refuses updates) and revocable share links.
// Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('themes')
    .addColumn('is_mvp_focus', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('themes_merged_into_idx').on('themes').column('merged_into_id').execute();

  await db.schema
    .createTable('theme_merges')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source_theme_id', 'uuid', (col) => col.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('target_theme_id', 'uuid', (col) => col.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('merged_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('merged_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('undone_at', 'timestamptz')
    .addColumn('undone_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  // At most one merge of a theme is in effect at a time.
  await sql`create unique index theme_merges_active_source_key on theme_merges (source_theme_id) where undone_at is null`.execute(db);
  await db.schema.createIndex('theme_merges_target_idx').on('theme_merges').column('target_theme_id').execute();

  // The evidence a merge took from the source theme, and which of it the target did not have
  // before (what undoing the merge takes back from the target).
  await db.schema
    .createTable('theme_merge_evidence')
    .addColumn('merge_id', 'uuid', (col) => col.notNull().references('theme_merges.id').onDelete('cascade'))
    .addColumn('evidence_id', 'uuid', (col) => col.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('is_new_to_target', 'boolean', (col) => col.notNull())
    .addPrimaryKeyConstraint('theme_merge_evidence_pkey', ['merge_id', 'evidence_id'])
    .execute();

  await db.schema
    .createTable('inventory_snapshots')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(btrim(title)) between 1 and 200`))
    .addColumn('filter', 'jsonb', (col) => col.notNull())
    .addColumn('ranking', 'jsonb', (col) => col.notNull())
    .addColumn('directory_size', 'integer', (col) => col.notNull())
    .addColumn('taken_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('taken_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    create function inventory_snapshots_are_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'inventory snapshots are immutable';
    end
    $$`.execute(db);
  await sql`
    create trigger inventory_snapshots_no_update before update on inventory_snapshots
    for each row execute function inventory_snapshots_are_immutable()`.execute(db);

  await db.schema
    .createTable('inventory_shares')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('token_prefix', 'text', (col) => col.notNull())
    .addColumn('filter', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_viewed_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}
