// Open requests on the public board: a request can be merged into another request (the one it
// joined), and a change log the public board's cache is keyed on, like inventory_changes (0620):
// one row per statement that writes what the board shows (items, their public themes,
// publications, requests, votes). Frozen.
import { sql, type Kysely } from 'kysely';

const TABLES = ['roadmap_items', 'roadmap_item_public_themes', 'roadmap_publications', 'roadmap_requests', 'roadmap_votes'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('roadmap_requests')
    .addColumn('merged_into_request_id', 'uuid', (col) => col.references('roadmap_requests.id').onDelete('set null'))
    .execute();
  await sql`alter table roadmap_requests add constraint roadmap_requests_not_merged_into_itself check (merged_into_request_id <> id)`.execute(db);
  await db.schema.createIndex('roadmap_requests_merged_into_idx').on('roadmap_requests').column('merged_into_request_id').execute();

  await db.schema
    .createTable('roadmap_changes')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    create function note_roadmap_change() returns trigger language plpgsql as $$
    begin
      insert into roadmap_changes default values;
      return null;
    end
    $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger ${sql.id(`${table}_roadmap_change`)} after insert or update or delete or truncate on ${sql.id(table)}
      for each statement execute function note_roadmap_change()`.execute(db);
  }
}
