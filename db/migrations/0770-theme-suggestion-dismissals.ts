// Theme suggestions a person dismissed, so they are not offered again: a "fits theme X" for one
// evidence item (theme_id set), or a "these items look like one pain" group (cluster_term set, one
// row per item of the group, so new items sharing the words can still form a new group). Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme_suggestion_dismissals')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('evidence_id', 'uuid', (col) => col.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (col) => col.references('themes.id').onDelete('cascade'))
    .addColumn('cluster_term', 'text')
    .addColumn('dismissed_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('theme_suggestion_dismissals_one_kind', sql`(theme_id is null) <> (cluster_term is null)`)
    .execute();
  await sql`create unique index theme_suggestion_dismissals_fit_key on theme_suggestion_dismissals (evidence_id, theme_id) where theme_id is not null`.execute(db);
  await sql`create unique index theme_suggestion_dismissals_cluster_key on theme_suggestion_dismissals (evidence_id, cluster_term) where cluster_term is not null`.execute(db);
}
