// A change log the pain inventory's cache is keyed on: one row per statement that writes
// evidence, tags, themes, participants or teams (the inputs of the ranking). Rows appear when
// their transaction commits, so "how many rows, and the newest id" changes exactly when the
// ranking's inputs do, in every app process. Old rows are pruned by the readers. Frozen.
import { sql, type Kysely } from 'kysely';

const TABLES = ['evidence', 'evidence_themes', 'themes', 'participants', 'teams'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inventory_changes')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    create function note_inventory_change() returns trigger language plpgsql as $$
    begin
      insert into inventory_changes default values;
      return null;
    end
    $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger ${sql.id(`${table}_inventory_change`)} after insert or update or delete or truncate on ${sql.id(table)}
      for each statement execute function note_inventory_change()`.execute(db);
  }
}
