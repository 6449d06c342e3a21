// One workspace-wide webhook setting: whether receivers on private networks (loopback, private,
// link-local, CGNAT ranges) are allowed. Off unless an admin turns it on. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_settings')
    .addColumn('id', 'boolean', (col) => col.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('allow_private_targets', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into webhook_settings (id) values (true)`.execute(db);
}
