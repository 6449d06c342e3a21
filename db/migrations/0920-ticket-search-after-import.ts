// Ticket imports stop computing full-text vectors row by row inside their transaction: to_tsvector
// over a ticket's title and body cost two thirds of a 100,000-row import's database time (10 s of
// 15 s). tickets.search_vector becomes a plain column that imports leave null and fill right after
// they commit, in short transactions of their own (server/tickets/service-search-vectors.ts); search
// matches a ticket whose vector is still null by computing it, through the partial index below.
// The index on updated_batch_id keeps only the rows an import updated (a new ticket has none).
// Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table tickets alter column search_vector drop expression`.execute(db);
  await sql`create index tickets_search_pending_idx on tickets (id) where search_vector is null`.execute(db);
  await sql`drop index tickets_updated_batch_idx`.execute(db);
  await sql`create index tickets_updated_batch_idx on tickets (updated_batch_id) where updated_batch_id is not null`.execute(db);
}
