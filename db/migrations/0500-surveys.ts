// Anonymous surveys: surveys grouped into series (runs of the same survey, one per quarter),
// their questions, responses and answers, single-use invitations and survey file imports. No
// response row holds an account, an address, a user agent, an invitation or a time finer than
// the day. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('series_id', 'uuid', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('intro', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('quarter', 'text', (col) => col.notNull().check(sql`quarter ~ '^[0-9]{4}-Q[1-4]$'`))
    .addColumn('opens_on', 'date', (col) => col.notNull())
    .addColumn('closes_on', 'date', (col) => col.notNull())
    .addColumn('closed_on', 'date')
    .addColumn('asks_team', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('asks_tenure', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('access', 'text', (col) => col.notNull().defaultTo('link').check(sql`access in ('link', 'invitation')`))
    .addColumn('origin', 'text', (col) => col.notNull().defaultTo('builder').check(sql`origin in ('builder', 'import')`))
    .addColumn('invited_count', 'integer', (col) => col.check(sql`invited_count > 0`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('surveys_dates_check', sql`closes_on >= opens_on`)
    .execute();
  // One run per quarter in a series: the trend has one point per quarter.
  await db.schema.createIndex('surveys_series_quarter_key').on('surveys').columns(['series_id', 'quarter']).unique().execute();

  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (col) => col.notNull().references('surveys.id').onDelete('cascade'))
    // The same question across the runs of a series (copied with the survey): the trend follows it.
    .addColumn('series_key', 'uuid', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('scale_10', 'scale_5', 'enps', 'single_choice', 'multiple_choice', 'free_text')`),
    )
    .addColumn('prompt', 'text', (col) => col.notNull().check(sql`length(btrim(prompt)) > 0`))
    .addColumn('is_required', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('options', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await db.schema.createIndex('survey_questions_survey_idx').on('survey_questions').columns(['survey_id', 'position']).execute();
  await db.schema.createIndex('survey_questions_series_key_idx').on('survey_questions').column('series_key').execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (col) => col.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('submitted_on', 'date', (col) => col.notNull())
    .addColumn('team', 'text')
    .addColumn('tenure_band', 'text', (col) => col.check(sql`tenure_band in ('<1y', '1-3y', '3-5y', '5y+')`))
    .addColumn('origin', 'text', (col) => col.notNull().defaultTo('form').check(sql`origin in ('form', 'import')`))
    .execute();
  await db.schema.createIndex('survey_responses_survey_idx').on('survey_responses').column('survey_id').execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('response_id', 'uuid', (col) => col.notNull().references('survey_responses.id').onDelete('cascade'))
    .addColumn('question_id', 'uuid', (col) => col.notNull().references('survey_questions.id').onDelete('cascade'))
    .addColumn('score', 'smallint', (col) => col.check(sql`score between 0 and 10`))
    .addColumn('choices', sql`text[]`)
    .addColumn('text_value', 'text')
    .addPrimaryKeyConstraint('survey_answers_pkey', ['response_id', 'question_id'])
    .addCheckConstraint(
      'survey_answers_one_value_check',
      sql`num_nonnulls(score, choices, text_value) = 1`,
    )
    .execute();
  await db.schema.createIndex('survey_answers_question_idx').on('survey_answers').column('question_id').execute();
  await sql`create index survey_answers_text_search_idx on survey_answers using gin (to_tsvector('english', text_value)) where text_value is not null`.execute(
    db,
  );

  // Who was invited (to invite nobody twice) and the invitations themselves are two tables with no
  // link between them, so not even the database can tell who used their link.
  await db.schema
    .createTable('survey_invitees')
    .addColumn('survey_id', 'uuid', (col) => col.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('participant_id', 'uuid', (col) => col.notNull().references('participants.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('survey_invitees_pkey', ['survey_id', 'participant_id'])
    .execute();
  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (col) => col.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('is_used', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('survey_invitations_survey_idx').on('survey_invitations').column('survey_id').execute();

  await db.schema
    .createTable('survey_imports')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (col) => col.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_sha256', 'text', (col) => col.notNull().unique())
    .addColumn('row_count', 'integer', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
