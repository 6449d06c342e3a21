// Imports of support tickets and post-mortems: import batches with their reports and what each
// changed (for rollback), tickets, category rules, saved column mappings and post-mortems. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('tickets', 'postmortems')`))
    .addColumn('format', 'text', (col) =>
      col.notNull().check(sql`format in ('jira', 'github', 'servicenow', 'zendesk', 'csv', 'postmortem-markdown', 'postmortem-csv')`),
    )
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_bytes', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('running', 'completed', 'failed', 'rolled-back')`))
    .addColumn('is_skip_bad_rows', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('via', 'text', (col) => col.notNull().check(sql`via in ('page', 'api')`))
    .addColumn('mapping', 'jsonb')
    .addColumn('rows_read', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('participants_created', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('problem_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('problems', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('notes', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('error', 'text')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('rolled_back_at', 'timestamptz')
    .addColumn('rolled_back_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('import_batches_created_idx').on('import_batches').column('created_at').execute();

  // The state of a record before a batch updated it: rolling the batch back writes it back.
  await db.schema
    .createTable('import_revisions')
    .addColumn('batch_id', 'uuid', (col) => col.notNull().references('import_batches.id').onDelete('cascade'))
    .addColumn('record_kind', 'text', (col) => col.notNull().check(sql`record_kind in ('ticket', 'postmortem')`))
    .addColumn('record_id', 'uuid', (col) => col.notNull())
    .addColumn('previous', 'jsonb', (col) => col.notNull())
    .addPrimaryKeyConstraint('import_revisions_pkey', ['batch_id', 'record_kind', 'record_id'])
    .execute();

  // Requesters a batch added to the directory: rolling it back removes those nobody else needs.
  await db.schema
    .createTable('import_batch_participants')
    .addColumn('batch_id', 'uuid', (col) => col.notNull().references('import_batches.id').onDelete('cascade'))
    .addColumn('participant_id', 'uuid', (col) => col.notNull().references('participants.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('import_batch_participants_pkey', ['batch_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('ticket_mappings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('format', 'text', (col) => col.notNull().check(sql`format in ('jira', 'servicenow', 'zendesk', 'csv')`))
    .addColumn('mapping', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index ticket_mappings_name_key on ticket_mappings (lower(name))`.execute(db);

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('external_key', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('title_norm', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('status', 'text')
    .addColumn('export_category', 'text')
    .addColumn('category', 'text')
    .addColumn('labels', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('components', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('comments', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('requester_name', 'text')
    .addColumn('requester_email', 'text')
    .addColumn('participant_id', 'uuid', (col) => col.references('participants.id').onDelete('set null'))
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('inserted_batch_id', 'uuid', (col) => col.references('import_batches.id').onDelete('set null'))
    .addColumn('updated_batch_id', 'uuid', (col) => col.references('import_batches.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('tickets_source_key', ['source', 'external_key'])
    .execute();
  await sql`create index tickets_title_norm_trgm on tickets using gin (title_norm public.gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('tickets_opened_at_idx').on('tickets').column('opened_at').execute();
  await db.schema.createIndex('tickets_category_idx').on('tickets').column('category').execute();
  await db.schema.createIndex('tickets_participant_idx').on('tickets').column('participant_id').execute();
  await db.schema.createIndex('tickets_inserted_batch_idx').on('tickets').column('inserted_batch_id').execute();
  await db.schema.createIndex('tickets_updated_batch_idx').on('tickets').column('updated_batch_id').execute();

  await db.schema
    .createTable('ticket_category_rules')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('match_on', 'text', (col) => col.notNull().check(sql`match_on in ('keyword', 'label')`))
    .addColumn('pattern', 'text', (col) => col.notNull().check(sql`length(btrim(pattern)) > 0`))
    .addColumn('category', 'text', (col) => col.notNull().check(sql`length(btrim(category)) > 0`))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('postmortems')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('external_key', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('incident_date', 'date')
    .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('timeline', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('contributing_factors', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('action_items', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('lessons', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('category', 'text')
    .addColumn('severity', 'text')
    .addColumn('detection_minutes', 'integer')
    .addColumn('recovery_minutes', 'integer')
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('infrastructure_keywords', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('is_infrastructure', 'boolean')
    .addColumn('reviewed_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('inserted_batch_id', 'uuid', (col) => col.references('import_batches.id').onDelete('set null'))
    .addColumn('updated_batch_id', 'uuid', (col) => col.references('import_batches.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('postmortems_date_idx').on('postmortems').column('incident_date').execute();
}
