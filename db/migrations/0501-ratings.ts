// In-flow ratings: flows an admin registers (with the origins allowed to embed the widget) and
// the ratings themselves, which keep the score, an optional comment and the day. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_flows')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (col) => col.notNull().unique().check(sql`key ~ '^[a-z0-9][a-z0-9-]{0,62}$'`))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('allowed_origins', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('flow_id', 'uuid', (col) => col.notNull().references('rating_flows.id').onDelete('cascade'))
    .addColumn('score', 'smallint', (col) => col.notNull().check(sql`score between 1 and 5`))
    .addColumn('comment', 'text', (col) => col.check(sql`length(comment) <= 2000 and length(btrim(comment)) > 0`))
    .addColumn('rated_on', 'date', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('ratings_flow_idx').on('ratings').columns(['flow_id', 'rated_on']).execute();
}
