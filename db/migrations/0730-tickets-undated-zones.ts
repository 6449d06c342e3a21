// Tickets without a creation date (an export whose columns did not include Created) and the time
// zone an import read zone-less dates in, remembered per source. The trigram index on ticket
// titles goes: repeat questions measure the similarity of a bounded set of titles themselves
// (server/tickets/similar-titles.ts), so an import no longer maintains a GIN entry per row. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table tickets alter column opened_at drop not null`.execute(db);
  await sql`alter table import_batches add column time_zone text`.execute(db);
  await sql`drop index if exists tickets_title_norm_trgm`.execute(db);
}

