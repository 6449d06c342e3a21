// Interview transcripts: the turns of an imported WebVTT, SRT or plain-text transcript (speaker,
// start time, words, a search vector like interview answers), the role each speaker name was
// mapped to (remembered per name for the next import), and the interview's recording address.
// Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('interviews').addColumn('recording_url', 'text').execute();
  await db.schema.alterTable('interviews').addColumn('transcript_file_name', 'text').execute();

  await db.schema
    .createTable('interview_transcript_turns')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('interview_id', 'uuid', (col) => col.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull().check(sql`position >= 1`))
    .addColumn('speaker_name', 'text', (col) => col.notNull())
    .addColumn('speaker_role', 'text', (col) => col.notNull().check(sql`speaker_role in ('interviewer', 'participant')`))
    .addColumn('start_ms', 'integer', (col) => col.notNull().check(sql`start_ms >= 0`))
    .addColumn('body', 'text', (col) => col.notNull().check(sql`length(btrim(body)) > 0`))
    .addColumn('body_vector', sql`tsvector generated always as (to_tsvector('english'::regconfig, body)) stored`)
    .addUniqueConstraint('interview_transcript_turns_position_key', ['interview_id', 'position'])
    .execute();
  await sql`create index interview_transcript_turns_search_idx on interview_transcript_turns using gin (body_vector)`.execute(db);

  await db.schema
    .createTable('transcript_speaker_roles')
    .addColumn('speaker_key', 'text', (col) => col.primaryKey())
    .addColumn('speaker_role', 'text', (col) => col.notNull().check(sql`speaker_role in ('interviewer', 'participant')`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
