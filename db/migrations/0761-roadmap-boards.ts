// Boards (categories) of developers' requests, defined by the platform team (e.g. CI/CD,
// environments, docs): a request may pick one and the public board filters by it. Boards are
// part of what the public board shows, so writes to them note a roadmap change (0760). Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roadmap_boards')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index roadmap_boards_name_key on roadmap_boards (lower(name))`.execute(db);
  await db.schema
    .alterTable('roadmap_requests')
    .addColumn('board_id', 'uuid', (col) => col.references('roadmap_boards.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('roadmap_requests_board_idx').on('roadmap_requests').columns(['board_id', 'status']).execute();
  await sql`
    create trigger roadmap_boards_roadmap_change after insert or update or delete or truncate on roadmap_boards
    for each statement execute function note_roadmap_change()`.execute(db);
}
