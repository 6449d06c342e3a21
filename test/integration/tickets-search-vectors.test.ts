// Ticket search vectors are written after an import commits (migration 0950): the import never
// writes ticket_search (it marks its batch pending), search finds such a ticket by computing its
// vector (and ranks it like a written one), the fill inserts exactly to_tsvector('english',
// title || ' ' || body) and never updates a ticket row, and a re-import that changes a ticket's text
// deletes its vector until the next fill. A rollback restores the vector of the text it restores.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { rollbackBatch } from '@/server/imports/service-batches';
import { importTicketStream } from '@/server/imports/service-tickets';
import { rankMatches } from '@/server/search/queries';
import { fillTicketSearchVectors } from '@/server/tickets/service-search-vectors';
import { createTestDb } from '@/test/helpers/db';
import { bulkIssues, byteChunks, jiraCsv, type JiraIssue } from '@/test/helpers/ticket-exports';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => handle.close());

const importCsv = (issues: JiraIssue[]) =>
  importTicketStream(handle.db, { format: 'jira', fileName: 'export.csv', chunks: byteChunks(jiraCsv(issues)), isSkipBadRows: false, via: 'api', createdBy: null });

const vectors = async () =>
  (
    await sql<{ external_key: string; is_null: boolean; is_same: boolean }>`
      select t.external_key, s.vector is null as is_null,
        s.vector is not distinct from to_tsvector('english'::regconfig, t.title || ' ' || t.body) as is_same
      from tickets t left join ticket_search s on s.ticket_id = t.id order by t.external_key`.execute(handle.db)
  ).rows;

const ticketHits = async (text: string) =>
  (await rankMatches(handle.db, { text, groups: ['ticket'], limit: 10, offset: 0 })).hits.map((hit) => hit.id);

describe('ticket search vectors filled after the import', () => {
  it('are null after an import, found by search meanwhile, then filled with the vector of title and body', async () => {
    const issues = [...bulkIssues(3, { seed: 7 })].map((issue, index) => ({ ...issue, key: `SV-${index + 1}`, description: `${issue.description} zeppelin${index}` }));
    expect(await importCsv(issues)).toMatchObject({ status: 'completed', inserted: 3 });
    expect((await vectors()).map((row) => row.is_null)).toEqual([true, true, true]);
    const id = (await handle.db.selectFrom('tickets').select('id').where('external_key', '=', 'SV-2').executeTakeFirstOrThrow()).id;
    expect(await ticketHits('zeppelin1')).toEqual([id]);
    const before = await rankMatches(handle.db, { text: 'zeppelin1', groups: ['ticket'], limit: 10, offset: 0 });

    // The fill only inserts into ticket_search: no ticket row is written again (same xmin).
    const versions = async () => (await sql<{ v: string }>`select xmin::text as v from tickets order by external_key`.execute(handle.db)).rows;
    const versionsBefore = await versions();
    expect(await fillTicketSearchVectors(handle.db, 2)).toBe(3);
    expect(await versions()).toEqual(versionsBefore);
    expect(await handle.db.selectFrom('ticket_search_pending').selectAll().execute()).toEqual([]);
    expect(await vectors()).toEqual(['SV-1', 'SV-2', 'SV-3'].map((key) => ({ external_key: key, is_null: false, is_same: true })));
    const after = await rankMatches(handle.db, { text: 'zeppelin1', groups: ['ticket'], limit: 10, offset: 0 });
    expect(after.hits).toEqual(before.hits);
    expect(await fillTicketSearchVectors(handle.db)).toBe(0);

    // A ticket written without an import is found by its computed vector, then gets its row too.
    await sql`insert into tickets (source, external_key, title, title_norm, body, opened_at, content_hash)
      values ('manual', 'M-1', 'Manual ticket', 'manual ticket', 'about a blimp', now(), 'x')`.execute(handle.db);
    const manual = (await handle.db.selectFrom('tickets').select('id').where('external_key', '=', 'M-1').executeTakeFirstOrThrow()).id;
    expect(await ticketHits('blimp')).toEqual([manual]);
    expect(await fillTicketSearchVectors(handle.db)).toBe(1);
    expect(await ticketHits('blimp')).toEqual([manual]);
    await sql`delete from tickets where id = ${manual}`.execute(handle.db);

    // A re-import that changes a ticket's text empties its vector; search reads the new text.
    const changed = issues.map((issue) => (issue.key === 'SV-2' ? { ...issue, description: 'now about a dirigible' } : issue));
    const report = await importCsv(changed);
    expect(report).toMatchObject({ status: 'completed', updated: 1, unchanged: 2 });
    expect((await vectors()).map((row) => row.is_null)).toEqual([false, true, false]);
    expect(await ticketHits('zeppelin1')).toEqual([]);
    expect(await ticketHits('dirigible')).toEqual([id]);
    expect(await fillTicketSearchVectors(handle.db)).toBe(1);
    expect((await vectors()).every((row) => row.is_same)).toBe(true);

    // Rolling the update back restores the old text and its vector at once.
    const [user] = (await sql<{ id: string }>`insert into users (name, email, password_hash, role) values ('A', 'sv@example.com', 'x', 'admin') returning id`.execute(handle.db)).rows;
    await rollbackBatch(handle.db, { id: report.batchId, userId: user.id });
    expect(await vectors()).toEqual(['SV-1', 'SV-2', 'SV-3'].map((key) => ({ external_key: key, is_null: false, is_same: true })));
    expect(await ticketHits('zeppelin1')).toEqual([id]);
  });
});
