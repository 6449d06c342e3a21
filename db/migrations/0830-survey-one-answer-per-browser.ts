// Open survey links take one answer per browser unless the survey's owner switches it off. The
// browser keeps the marker (a cookie and local storage); the database keeps only the switch,
// never anything that ties a browser to a response. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys')
    .addColumn('one_answer_per_browser', 'boolean', (col) => col.notNull().defaultTo(sql`true`))
    .execute();
}
