// The COPY path of ticket imports on both engines: text COPY treats tabs, backslashes, line breaks
// and array punctuation specially, so every such character must arrive exactly as the file had it;
// an export larger than one batch that updates some tickets and adds others writes both; a problem
// after batches were copied leaves nothing, with its row and column named. Tickets stored with the
// content hash of earlier versions count as unchanged when the same rows come again.
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '@/db/create-db';
import { legacyHashTicket, TICKET_HASH_PREFIX } from '@/server/imports/map-ticket-row';
import { importFromRequest } from '@/server/imports/rest';
import { WRITE_BATCH_ROWS } from '@/server/imports/service-tickets';
import { bulkIssues, csvCell, jiraCsv, jiraHeader, jiraRow, type JiraIssue } from '@/test/helpers/ticket-exports';
import { uploadRequest } from '@/test/helpers/uploads';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));
beforeEach(async () => {
  await sql`delete from tickets`.execute(handle.db);
  await sql`delete from import_batches`.execute(handle.db);
  await sql`delete from participants`.execute(handle.db);
});

const upload = (content: string) => importFromRequest(handle.db, uploadRequest({ format: 'jira' }, [{ name: 'export.csv', content }]), { createdBy: null, via: 'api' });
const countTickets = async () => (await handle.db.selectFrom('tickets').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow()).count;

describe('ticket imports through COPY', () => {
  it('stores tabs, backslashes, line breaks, quotes, braces and \\N exactly as the file has them', async () => {
    const [base] = bulkIssues(1, { seed: 11 });
    const awkward: JiraIssue = {
      ...base,
      key: 'ODD-1',
      summary: 'Path C:\\build\\out\tfails \\N {x}',
      description: 'Line one\r\nLine two\\nnot a break\n\ttabbed "quoted" \\\\ end',
      labels: ['a"b', 'c\\d', '{braces}'],
      components: ['Access'],
      comments: ['first, with comma', 'second "quoted" {x,y} \\ back', 'NULL'],
    };
    const first = await upload(jiraCsv([awkward]));
    expect(first).toMatchObject({ status: 'completed', inserted: 1 });
    const row = await handle.db.selectFrom('tickets').select(['title', 'body', 'labels', 'comments']).where('external_key', '=', 'ODD-1').executeTakeFirstOrThrow();
    expect(row).toEqual({ title: awkward.summary, body: awkward.description, labels: awkward.labels, comments: awkward.comments });
    const again = await upload(jiraCsv([awkward]));
    expect(again).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 1 });
  });

  it('counts a ticket stored with the earlier form of content hash as unchanged, and updates one that changed', async () => {
    const issues = [...bulkIssues(3, { seed: 23 })];
    expect(await upload(jiraCsv(issues))).toMatchObject({ status: 'completed', inserted: 3 });
    // As an earlier version stored them: JSON.stringify of the record, hashed with SHA-1.
    const stored = await handle.db.selectFrom('tickets').selectAll().execute();
    for (const row of stored) {
      const legacy = legacyHashTicket({
        externalKey: row.external_key, title: row.title, body: row.body, status: row.status, exportCategory: row.export_category,
        labels: row.labels, components: row.components, comments: row.comments, requesterName: row.requester_name,
        requesterEmail: row.requester_email, openedAt: row.opened_at?.toISOString() ?? null, resolvedAt: row.resolved_at?.toISOString() ?? null,
      });
      await handle.db.updateTable('tickets').set({ content_hash: legacy }).where('id', '=', row.id).execute();
    }
    const changed = issues.map((issue, index) => (index === 1 ? { ...issue, summary: `Edited ${issue.key}` } : issue));
    expect(await upload(jiraCsv(changed))).toMatchObject({ status: 'completed', inserted: 0, updated: 1, unchanged: 2 });
    const hashes = await handle.db.selectFrom('tickets').select(['external_key', 'content_hash']).orderBy('external_key').execute();
    expect(hashes.map((row) => row.content_hash.startsWith(TICKET_HASH_PREFIX))).toEqual(issues.map((_, index) => index === 1));
    expect(await upload(jiraCsv(changed))).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 3 });
  });

  it('updates and inserts across several batches of a source that already has tickets', async () => {
    const total = WRITE_BATCH_ROWS + 300;
    const original = [...bulkIssues(total, { seed: 5 })];
    expect(await upload(jiraCsv(original))).toMatchObject({ status: 'completed', inserted: total });
    const changed = original.map((issue, index) => (index % 500 === 7 ? { ...issue, summary: `Edited ${issue.key}` } : issue));
    const added = { ...original[0], key: 'NEW-1', summary: 'A new question' };
    const report = await upload(jiraCsv([...changed, added]));
    const edits = changed.filter((issue, index) => issue !== original[index]).length;
    expect(report).toMatchObject({ status: 'completed', inserted: 1, updated: edits, unchanged: total - edits });
    const edited = await handle.db.selectFrom('tickets').select(['title', 'updated_batch_id']).where('external_key', '=', original[507].key).executeTakeFirstOrThrow();
    expect(edited).toEqual({ title: `Edited ${original[507].key}`, updated_batch_id: report.batchId });
    const revisions = await handle.db.selectFrom('import_revisions').select(sql<number>`count(*)::int`.as('count')).where('batch_id', '=', report.batchId).executeTakeFirstOrThrow();
    expect(revisions.count).toBe(edits);
  }, 120_000);

  it('keeps nothing when a row after several copied batches has a bad date, naming its row and column', async () => {
    const issues = [...bulkIssues(WRITE_BATCH_ROWS * 2 + 10, { seed: 9 })];
    const lines = [jiraHeader().map(csvCell).join(',')];
    issues.forEach((issue, index) => {
      const cells = jiraRow(issue).map(csvCell);
      if (index === WRITE_BATCH_ROWS * 2 + 5) cells[jiraHeader().indexOf('Created')] = 'yesterday-ish';
      lines.push(cells.join(','));
    });
    const report = await upload(`\uFEFF${lines.join('\r\n')}\r\n`);
    expect(report.status).toBe('failed');
    expect(report.problems).toEqual([expect.objectContaining({ row: WRITE_BATCH_ROWS * 2 + 7, column: 'Created' })]);
    expect(report.inserted).toBe(0);
    expect(await countTickets()).toBe(0);
  }, 120_000);
});
