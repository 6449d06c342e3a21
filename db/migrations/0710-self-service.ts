// The self-service ratio's inputs (DESIGN.md "Surveys and ratings: the numbers"): platform task
// events sent through the events API (done without a person, or after waiting for manual
// approval), and the ticket categories the PM marks as requests for manual work. Task events
// feed the cached delivery figures, so writes to them note a change in delivery_changes (0630).
// Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_tasks')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().unique())
    .addColumn('task', 'text', (col) => col.notNull())
    .addColumn('team_id', 'uuid', (col) => col.references('teams.id').onDelete('set null'))
    .addColumn('is_self_service', 'boolean', (col) => col.notNull())
    .addColumn('completed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('platform_tasks_completed_at_idx').on('platform_tasks').column('completed_at').execute();
  await sql`
    create trigger platform_tasks_delivery_change after insert or update or delete or truncate on platform_tasks
    for each statement execute function note_delivery_change()`.execute(db);

  await db.schema
    .createTable('manual_work_categories')
    .addColumn('category', 'text', (col) => col.primaryKey())
    .addColumn('marked_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('marked_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
