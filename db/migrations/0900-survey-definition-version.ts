// A survey's definition version: bumped by triggers whenever the survey's row or any of its
// questions changes (edit, close, reopen, a question added, changed or removed). The public answer
// path keeps each survey's definition in memory and stores a response only if the version it
// checked the answers against is still the survey's, in the same statement as the insert. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys')
    .addColumn('definition_version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await sql`
    create function bump_survey_definition_version() returns trigger language plpgsql as $$
    begin
      new.definition_version := old.definition_version + 1;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger surveys_definition_version before update on surveys
    for each row execute function bump_survey_definition_version()`.execute(db);
  await sql`
    create function note_survey_question_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update surveys set definition_version = definition_version + 1 where id = old.survey_id;
      else
        update surveys set definition_version = definition_version + 1 where id = new.survey_id;
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger survey_questions_definition_version after insert or update or delete on survey_questions
    for each row execute function note_survey_question_change()`.execute(db);
}
