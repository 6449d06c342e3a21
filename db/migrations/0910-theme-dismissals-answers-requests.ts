// "Not this theme" for survey free-text answers and developers' requests too, remembered in the
// same table as evidence's dismissals (0770): each row now dismisses a fit for exactly one subject,
// an evidence item, a survey answer (response and question) or a request. A group ("these items
// look like one pain") is still only over evidence. Rows go with their answer, request or theme.
// Nothing about who answered a survey is stored: the answer's key only. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table theme_suggestion_dismissals alter column evidence_id drop not null`.execute(db);
  await db.schema
    .alterTable('theme_suggestion_dismissals')
    .addColumn('response_id', 'uuid')
    .addColumn('question_id', 'uuid')
    .addColumn('request_id', 'uuid', (col) => col.references('roadmap_requests.id').onDelete('cascade'))
    .execute();
  await sql`
    alter table theme_suggestion_dismissals
      add constraint theme_suggestion_dismissals_answer_fkey foreign key (response_id, question_id)
        references survey_answers (response_id, question_id) on delete cascade,
      add constraint theme_suggestion_dismissals_one_subject check (
        num_nonnulls(evidence_id, response_id, request_id) = 1
        and (response_id is null) = (question_id is null)
        and (cluster_term is null or evidence_id is not null)
      )`.execute(db);
  await sql`create unique index theme_suggestion_dismissals_answer_key on theme_suggestion_dismissals (response_id, question_id, theme_id) where response_id is not null`.execute(db);
  await sql`create unique index theme_suggestion_dismissals_request_key on theme_suggestion_dismissals (request_id, theme_id) where request_id is not null`.execute(db);
}
