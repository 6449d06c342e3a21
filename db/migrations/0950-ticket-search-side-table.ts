// Ticket search vectors move to a side table that is only ever inserted into: migration 0920 kept
// tickets.search_vector as a plain column that an UPDATE filled after each import, which rewrote
// every imported row (a dead tuple and a new TOAST entry per ticket: 17.6 s after a 100,000-row
// import). Now an import never touches ticket_search except to delete the rows of tickets whose
// text it changes; ticket_search_pending names the batches whose tickets still need a vector, and
// server/tickets/service-search-vectors.ts fills them by INSERT … SELECT after the import commits.
// Search computes the vector of a ticket that has no row yet (a pending batch's, or one written
// without an import). No foreign key to tickets: checking one would lock, and so write, every
// ticket row the fill reads; search joins tickets (a row left by a deleted ticket is never shown),
// and rolling an import back deletes the rows of the tickets it removes.
// Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table ticket_search (ticket_id uuid primary key, vector tsvector not null)`.execute(db);
  await sql`
    insert into ticket_search (ticket_id, vector)
    select id, coalesce(search_vector, to_tsvector('english'::regconfig, title || ' ' || body)) from tickets`.execute(db);
  await sql`create index ticket_search_vector_idx on ticket_search using gin (vector)`.execute(db);
  await sql`
    create table ticket_search_pending (
      batch_id uuid primary key references import_batches (id) on delete cascade,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`drop index tickets_search_pending_idx`.execute(db);
  await sql`alter table tickets drop column search_vector`.execute(db);
}
