// Search everything: tickets, pain themes, roadmap requests, post-mortems and free-text survey
// answers get a stored search vector and a GIN index, like the kinds of migration 0100. The survey
// answers' expression index of migration 0500 gives way to the stored vector (the survey's own
// free-text search reads the same column). Frozen.
import { sql, type Kysely } from 'kysely';

const searchVector = (expression: string) => sql`tsvector generated always as (to_tsvector('english'::regconfig, ${sql.raw(expression)})) stored`;

const VECTORS: { table: string; column: string; expression: string }[] = [
  { table: 'tickets', column: 'search_vector', expression: `title || ' ' || body` },
  { table: 'themes', column: 'search_vector', expression: `title || ' ' || description` },
  { table: 'roadmap_requests', column: 'search_vector', expression: `title || ' ' || details` },
  { table: 'postmortems', column: 'search_vector', expression: `title || ' ' || summary || ' ' || lessons || ' ' || timeline || ' ' || body` },
  { table: 'survey_answers', column: 'text_vector', expression: 'text_value' },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const vector of VECTORS) {
    await sql`alter table ${sql.table(vector.table)} add column ${sql.ref(vector.column)} ${searchVector(vector.expression)}`.execute(db);
    await sql`create index ${sql.raw(`${vector.table}_search_idx`)} on ${sql.table(vector.table)} using gin (${sql.ref(vector.column)})`.execute(db);
  }
  await sql`drop index survey_answers_text_search_idx`.execute(db);
}
