// Evidence can be corrected: who changed which field of an evidence item, from what to what, and
// when, kept beside the item (and removed with it: a deleted quote leaves no copy behind). Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_history')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('evidence_id', 'uuid', (col) => col.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('field', 'text', (col) =>
      col.notNull().check(sql`field in ('minutes_lost', 'occurrences_per_month', 'kind', 'severity', 'participant_id', 'excerpt')`),
    )
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('evidence_history_evidence_idx').on('evidence_history').columns(['evidence_id', 'changed_at']).execute();
}
