// A change log the platform metrics' cache is keyed on, like inventory_changes (0620): one row per
// statement that writes deployments, delivery services or teams (the dashboard's inputs). Rows
// appear when their transaction commits, so "how many rows, and the newest id" changes exactly
// when the dashboard's inputs do, in every app process. Old rows are pruned by the readers. Frozen.
import { sql, type Kysely } from 'kysely';

const TABLES = ['deployments', 'delivery_services', 'teams'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_changes')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    create function note_delivery_change() returns trigger language plpgsql as $$
    begin
      insert into delivery_changes default values;
      return null;
    end
    $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger ${sql.id(`${table}_delivery_change`)} after insert or update or delete or truncate on ${sql.id(table)}
      for each statement execute function note_delivery_change()`.execute(db);
  }
}
