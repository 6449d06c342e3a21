// Ticket time by rule: "each ticket of this category costs N minutes" (access requests 45), set
// where categories are managed and offered when tickets become evidence. A category is the text
// tickets carry (from the rules or the export), so the rule is keyed on it. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_category_costs')
    .addColumn('category', 'text', (col) => col.primaryKey().check(sql`length(btrim(category)) > 0`))
    .addColumn('minutes_per_ticket', 'integer', (col) => col.notNull().check(sql`minutes_per_ticket between 0 and 43200`))
    .addColumn('updated_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
