// The pain inventory's core: evidence from every source, pain themes, the tags between them,
// API tokens for non-browser clients, and nothing else. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source_kind', 'text', (col) =>
      col.notNull().check(sql`source_kind in ('interview', 'shadowing', 'ticket', 'postmortem', 'survey', 'rating', 'request')`),
    )
    .addColumn('source_id', 'uuid', (col) => col.notNull())
    .addColumn('source_path', 'text', (col) => col.notNull())
    .addColumn('excerpt', 'text', (col) => col.notNull().check(sql`length(btrim(excerpt)) > 0`))
    .addColumn('participant_id', 'uuid', (col) => col.references('participants.id').onDelete('set null'))
    .addColumn('minutes_lost', 'numeric', (col) => col.check(sql`minutes_lost >= 0 and minutes_lost <= 43200`))
    .addColumn('occurrences_per_month', 'numeric', (col) =>
      col.notNull().defaultTo(1).check(sql`occurrences_per_month > 0 and occurrences_per_month <= 10000`),
    )
    .addColumn('severity', 'smallint', (col) => col.check(sql`severity between 1 and 5`))
    .addColumn('observed_on', 'date', (col) => col.notNull().defaultTo(sql`current_date`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('evidence_source_idx').on('evidence').columns(['source_kind', 'source_id']).execute();
  await db.schema.createIndex('evidence_participant_idx').on('evidence').column('participant_id').execute();
  await db.schema.createIndex('evidence_observed_on_idx').on('evidence').column('observed_on').execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('candidate').check(sql`status in ('candidate', 'confirmed', 'archived')`),
    )
    .addColumn('merged_into_id', 'uuid', (col) => col.references('themes.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('evidence_themes')
    .addColumn('evidence_id', 'uuid', (col) => col.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (col) => col.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('evidence_themes_pkey', ['evidence_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('evidence_themes_theme_idx').on('evidence_themes').columns(['theme_id', 'evidence_id']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('token_prefix', 'text', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}
