// Linear's CSV export (its columns read by a preset) and Slack workspace exports as ticket formats
// of their own, in the history of imports; Linear also in saved mappings. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table import_batches drop constraint if exists import_batches_format_check`.execute(db);
  await sql`alter table import_batches add constraint import_batches_format_check
    check (format in ('jira', 'github', 'servicenow', 'zendesk', 'linear', 'slack', 'csv', 'postmortem-markdown', 'postmortem-csv'))`.execute(db);
  await sql`alter table ticket_mappings drop constraint if exists ticket_mappings_format_check`.execute(db);
  await sql`alter table ticket_mappings add constraint ticket_mappings_format_check
    check (format in ('jira', 'servicenow', 'zendesk', 'linear', 'csv'))`.execute(db);
}
