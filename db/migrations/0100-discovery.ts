// Discovery capture: interview guides (with the default discovery guide), interviews and their
// answers, shadowing sessions and friction events, full-text search vectors, and the record of
// what the demo workspace created. Frozen: later changes go in new migrations.
import { sql, type Kysely } from 'kysely';

const DEFAULT_GUIDE_QUESTIONS = [
  'Walk me through the last time you deployed a service.',
  'What took longer than you expected?',
  'What did you have to ask someone else for help with?',
  'What do you do differently than what the official documentation says you should do?',
  'What would let you move twice as fast?',
];

/** A stored tsvector kept in step with its text column by PostgreSQL itself. */
const searchVector = (expression: string) => sql`tsvector generated always as (to_tsvector('english'::regconfig, ${sql.raw(expression)})) stored`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interview_guides')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('is_default', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index interview_guides_one_default on interview_guides (is_default) where is_default`.execute(db);

  await db.schema
    .createTable('interview_guide_questions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('guide_id', 'uuid', (col) => col.notNull().references('interview_guides.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull().check(sql`position >= 1`))
    .addColumn('prompt', 'text', (col) => col.notNull().check(sql`length(btrim(prompt)) > 0`))
    .addUniqueConstraint('interview_guide_questions_position_key', ['guide_id', 'position'])
    .execute();

  const guide = await db
    .insertInto('interview_guides')
    .values({ title: 'Discovery interview', is_default: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('interview_guide_questions')
    .values(DEFAULT_GUIDE_QUESTIONS.map((prompt, index) => ({ guide_id: guide.id, position: index + 1, prompt })))
    .execute();

  await db.schema
    .createTable('interviews')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('participant_id', 'uuid', (col) => col.notNull().references('participants.id'))
    .addColumn('interviewed_on', 'date', (col) => col.notNull())
    .addColumn('interviewer_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('guide_id', 'uuid', (col) => col.references('interview_guides.id').onDelete('set null'))
    .addColumn('guide_title', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft').check(sql`status in ('draft', 'complete')`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('notes_vector', searchVector('notes'))
    .execute();
  await db.schema.createIndex('interviews_participant_idx').on('interviews').column('participant_id').execute();
  await db.schema.createIndex('interviews_interviewed_on_idx').on('interviews').column('interviewed_on').execute();
  await sql`create index interviews_notes_search_idx on interviews using gin (notes_vector)`.execute(db);

  // Each interview keeps its own copy of the guide's questions: editing a guide later never
  // changes what was asked in an interview already recorded.
  await db.schema
    .createTable('interview_answers')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('interview_id', 'uuid', (col) => col.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull().check(sql`position >= 1`))
    .addColumn('prompt', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('body_vector', searchVector('body'))
    .addUniqueConstraint('interview_answers_position_key', ['interview_id', 'position'])
    .execute();
  await sql`create index interview_answers_search_idx on interview_answers using gin (body_vector)`.execute(db);

  await db.schema
    .createTable('shadowing_sessions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('participant_id', 'uuid', (col) => col.notNull().references('participants.id'))
    .addColumn('scenario', 'text', (col) =>
      col.notNull().check(sql`scenario in ('onboarding-service', 'incident-debugging', 'first-ci-cd', 'other')`),
    )
    .addColumn('focus', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('observer_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz', (col) => col.check(sql`ended_at is null or (started_at is not null and ended_at >= started_at)`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('notes_vector', searchVector(`focus || ' ' || notes`))
    .execute();
  await db.schema.createIndex('shadowing_sessions_participant_idx').on('shadowing_sessions').column('participant_id').execute();
  await sql`create index shadowing_sessions_search_idx on shadowing_sessions using gin (notes_vector)`.execute(db);

  await db.schema
    .createTable('friction_events')
    // The browser chooses the id, so a capture retried after a lost connection is saved once.
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('session_id', 'uuid', (col) => col.notNull().references('shadowing_sessions.id').onDelete('cascade'))
    .addColumn('offset_seconds', 'integer', (col) => col.notNull().check(sql`offset_seconds >= 0`))
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(sql`kind in ('tab-switch', 'asked-for-help', 'copied-from-runbook', 'waiting', 'dead-end', 'workaround', 'other')`),
    )
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('minutes_lost', 'numeric', (col) => col.check(sql`minutes_lost >= 0 and minutes_lost <= 43200`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('note_vector', searchVector('note'))
    .execute();
  await db.schema.createIndex('friction_events_session_idx').on('friction_events').columns(['session_id', 'offset_seconds']).execute();
  await sql`create index friction_events_search_idx on friction_events using gin (note_vector)`.execute(db);

  // Search over evidence and the directory. Evidence gets a stored vector (ranking reads it for
  // every match); the directory is small, so an expression index is enough.
  await sql`alter table evidence add column search_vector ${searchVector('excerpt')}`.execute(db);
  await sql`create index evidence_search_idx on evidence using gin (search_vector)`.execute(db);
  await sql`create index participants_search_idx on participants using gin (to_tsvector('english'::regconfig, display_name || ' ' || coalesce(background, '')))`.execute(
    db,
  );

  // Every row the demo workspace created, so removing the demo removes exactly those.
  await db.schema
    .createTable('demo_records')
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('record_id', 'uuid', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('demo_records_pkey', ['entity', 'record_id'])
    .execute();
}
