// Ticket imports end to end on a real database: every vendor format from its fixture, detection
// and mapping, idempotent re-import, updates from a changed export, rollback, requester matching,
// the REST endpoint, and every bad input of the issue (nothing written, row and column named).
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '@/db/create-db';
import { previewImport } from '@/server/imports/preview-import';
import { hashToken, newToken } from '@/server/auth/session-token';
import { importForApi, importForPage, importFromRequest } from '@/server/imports/rest';
import { MAX_UPLOAD_BYTES } from '@/server/imports/rules';
import { importTicketStream } from '@/server/imports/service-tickets';
import { runRest } from '@/server/rest';
import { callerWithRole, createUser } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { bulkIssues, byteChunks, csvCell, jiraCsv, jiraHeader, jiraRow, type JiraIssue } from '@/test/helpers/ticket-exports';
import { fixture, uploadRequest } from '@/test/helpers/uploads';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

async function reset() {
  await sql`delete from evidence_themes`.execute(handle.db);
  await sql`delete from evidence`.execute(handle.db);
  await sql`delete from themes`.execute(handle.db);
  await sql`delete from tickets`.execute(handle.db);
  await sql`delete from import_batches`.execute(handle.db);
  await sql`delete from ticket_mappings`.execute(handle.db);
  await sql`delete from participants`.execute(handle.db);
}
beforeEach(reset);

const upload = (fields: Record<string, string>, files: { name: string; content: string | Buffer }[]) =>
  importFromRequest(handle.db, uploadRequest(fields, files), { createdBy: null, via: 'api' });

const countOf = async (table: 'tickets' | 'participants' | 'postmortems') =>
  (await handle.db.selectFrom(table).select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow()).count;

const ticket = (key: string) =>
  handle.db
    .selectFrom('tickets')
    .leftJoin('participants', 'participants.id', 'tickets.participant_id')
    .select(['tickets.id', 'title', 'body', 'labels', 'components', 'comments', 'category', 'export_category', 'requester_name', 'requester_email', 'opened_at', 'resolved_at', 'participants.display_name', 'participants.origin', 'tickets.participant_id'])
    .where('external_key', '=', key)
    .executeTakeFirstOrThrow();

describe('formats', () => {
  it('detects every fixture and previews its first rows mapped to ticket fields', async () => {
    const cases: [string, string][] = [
      ['tickets/jira-current-fields.csv', 'jira'],
      ['tickets/github-issues.json', 'github'],
      ['tickets/github-issues.jsonl', 'github'],
      ['tickets/servicenow-incidents.csv', 'servicenow'],
      ['tickets/zendesk-tickets.csv', 'zendesk'],
      ['tickets/other-helpdesk.csv', 'csv'],
      ['tickets/postmortems.csv', 'postmortem-csv'],
    ];
    for (const [file, format] of cases) {
      const preview = await previewImport({ fileName: file, sample: fixture(file).toString('utf8'), isTruncated: false });
      expect(preview.detectedFormat, file).toBe(format);
    }
    const jira = await previewImport({ fileName: 'jira.csv', sample: fixture('tickets/jira-current-fields.csv').toString('utf8'), isTruncated: false });
    expect(jira.columns).toContainEqual({ name: 'Labels', count: 3 });
    expect(jira.mapping).toMatchObject({ key: 'Issue key', title: 'Summary', created: 'Created', labels: 'Labels', category: 'Component/s' });
    expect(jira.rows[0].record).toMatchObject({ externalKey: 'PLAT-101', openedAt: '2025-06-30T09:54:00.000Z', labels: ['access', 'staging'] });
    const github = await previewImport({ fileName: 'issues.json', sample: fixture('tickets/github-issues.json').toString('utf8'), isTruncated: false });
    expect(github.rows.find((row) => row.isPullRequest)?.row).toBe(2);
  });

  it('imports a Jira export: BOM, repeated columns with all values kept, multi-line quoted cells, Jira dates, non-ASCII names', async () => {
    const report = await upload({ format: 'jira' }, [{ name: 'jira.csv', content: fixture('tickets/jira-current-fields.csv') }]);
    expect(report).toMatchObject({ status: 'completed', rowsRead: 4, inserted: 4, updated: 0, unchanged: 0, skipped: 0, participantsCreated: 4 });
    const first = await ticket('PLAT-101');
    expect(first.title).toBe('How do I get access to the staging database?');
    expect(first.body).toBe('I need to run a migration check against staging.\nWho approves access, and is there a "read-only" role?\n\nThanks!');
    expect(first.labels).toEqual(['access', 'staging']);
    expect(first.components).toEqual(['Access', 'Databases']);
    expect(first.category).toBe('Access');
    expect(first.comments).toHaveLength(2);
    expect(first.opened_at?.toISOString()).toBe('2025-06-30T09:54:00.000Z');
    expect(first.resolved_at?.toISOString()).toBe('2025-07-01T14:10:00.000Z');
    expect((await ticket('PLAT-102')).display_name).toBe('Tomás Núñez');
    expect((await ticket('PLAT-104')).display_name).toBe('Lin, Wei');
    expect((await ticket('PLAT-103')).origin).toBe('ticket-requester');
  });

  it('imports a 2,000-column Jira "all fields" export', async () => {
    const issues = [...bulkIssues(300)];
    const text = jiraCsv(issues, { totalColumns: 2000 });
    expect(jiraHeader(2000)).toHaveLength(2000);
    const report = await upload({ format: 'jira' }, [{ name: 'all-fields.csv', content: text }]);
    expect(report).toMatchObject({ status: 'completed', rowsRead: 300, inserted: 300 });
    expect((await ticket('BULK-7')).title).toBe(issues[6].summary);
  });

  it('imports GitHub issues from a JSON array and from JSON Lines, skipping pull requests', async () => {
    const report = await upload({ format: 'github' }, [{ name: 'issues.json', content: fixture('tickets/github-issues.json') }]);
    expect(report).toMatchObject({ status: 'completed', rowsRead: 4, inserted: 3, skipped: 1 });
    expect(report.notes[0]).toMatch(/1 pull request skipped/);
    const issue = await ticket('acme/platform#41');
    expect(issue).toMatchObject({ requester_name: 'ada-okafor', labels: ['question', 'access'], category: 'question', body: 'Who approves it?\r\nIs there a read-only role?' });
    expect((await ticket('acme/platform#44')).opened_at?.toISOString()).toBe('2025-07-03T10:30:00.000Z');
    const again = await upload({ format: 'github' }, [{ name: 'issues.jsonl', content: fixture('tickets/github-issues.jsonl') }]);
    expect(again).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 3, skipped: 1 });
  });

  it('imports ServiceNow incidents and links callers whose email is in the directory', async () => {
    const ada = await handle.db.insertInto('participants').values({ display_name: 'Ada O.', email: 'ADA@example.com', team_id: null, tenure_band: null, background: null }).returning('id').executeTakeFirstOrThrow();
    const report = await upload({ format: 'servicenow' }, [{ name: 'incident.csv', content: fixture('tickets/servicenow-incidents.csv') }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 3, participantsCreated: 2 });
    expect((await ticket('INC0010001')).participant_id).toBe(ada.id);
    const created = await ticket('INC0010002');
    expect(created).toMatchObject({ display_name: 'Tomás Núñez', origin: 'ticket-requester', category: 'Network', labels: ['VPN'] });
    expect((await ticket('INC0010001')).resolved_at?.toISOString()).toBe('2025-06-30T16:02:40.000Z');
  });

  it('imports Zendesk tickets: tags split on spaces, dates with a zone, requester emails', async () => {
    const report = await upload({ format: 'zendesk' }, [{ name: 'tickets.csv', content: fixture('tickets/zendesk-tickets.csv') }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 3, participantsCreated: 3 });
    const first = await ticket('5001');
    expect(first).toMatchObject({ labels: ['access', 'api_keys'], category: 'question', requester_email: 'ada@example.com' });
    expect(first.opened_at?.toISOString()).toBe('2025-06-30T07:54:12.000Z');
  });

  it('refuses another CSV until its required columns are mapped, then imports it with a saved named mapping', async () => {
    const file = { name: 'helpdesk.csv', content: fixture('tickets/other-helpdesk.csv') };
    const refused = await upload({ format: 'csv' }, [file]);
    expect(refused.status).toBe('failed');
    expect(refused.problems.map((problem) => problem.column)).toEqual(['Title']);
    expect(refused.message).toMatch(/^Nothing was imported: 1 problem in the file\. First: Row 1, column "Title": No column is mapped to Title, which every ticket needs/);
    expect(await countOf('tickets')).toBe(0);

    const editor = await callerWithRole(handle, 'editor');
    const columns = { key: 'Ticket #', title: 'Question', body: 'Details', requester: 'Asked by', requesterEmail: 'Email', created: 'Asked on', resolved: 'Answered on', category: 'Topic', labels: 'Tags' };
    await editor.imports.saveMapping({ name: 'Team help desk', format: 'csv', columns });
    const report = await upload({ format: 'csv', mapping: 'Team help desk', sourceName: 'Team help desk' }, [file]);
    expect(report).toMatchObject({ status: 'completed', inserted: 3 });
    const row = await handle.db.selectFrom('tickets').select(['source', 'labels', 'opened_at', 'category']).where('external_key', '=', 'HD-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'csv:team help desk', labels: ['grafana', 'dashboards'], category: 'Observability' });
    expect(row.opened_at?.toISOString()).toBe('2025-06-30T09:54:00.000Z');
    const unknown = await rejection(editor.imports.saveMapping({ name: ' ', format: 'csv', columns }));
    expect(unknown.message).toMatch(/^name: /);
    await expect(upload({ format: 'csv', mapping: 'No such mapping' }, [file])).rejects.toThrow('no saved mapping is named "No such mapping"');
  });
});

describe('idempotence, updates and rollback', () => {
  const issues = (): JiraIssue[] => [...bulkIssues(50, { seed: 7 })];

  it('changes nothing when the same file comes again, and updates only the changed tickets of a new export', async () => {
    const original = issues();
    const first = await upload({ format: 'jira' }, [{ name: 'a.csv', content: jiraCsv(original) }]);
    expect(first).toMatchObject({ inserted: 50, updated: 0 });
    const participants = await countOf('participants');
    const again = await upload({ format: 'jira' }, [{ name: 'a.csv', content: jiraCsv(original) }]);
    expect(again).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 50, participantsCreated: 0 });
    expect(await countOf('participants')).toBe(participants);

    const changed = issues();
    changed[3] = { ...changed[3], summary: 'Edited summary', status: 'Done' };
    changed[9] = { ...changed[9], labels: ['helpdesk', 'moved'] };
    const extra = { ...changed[0], key: 'BULK-900', summary: 'A brand new question' };
    const update = await upload({ format: 'jira' }, [{ name: 'b.csv', content: jiraCsv([...changed, extra]) }]);
    expect(update).toMatchObject({ status: 'completed', inserted: 1, updated: 2, unchanged: 48 });
    expect((await ticket('BULK-4')).title).toBe('Edited summary');

    // Rolling back the update removes what it inserted and restores what it changed.
    const editor = await callerWithRole(handle, 'editor');
    const undone = await editor.imports.rollback({ id: update.batchId });
    expect(undone).toMatchObject({ removed: 1, restored: 2 });
    expect((await ticket('BULK-4')).title).toBe(original[3].summary);
    expect((await ticket('BULK-10')).labels).toEqual(original[9].labels);
    expect(await countOf('tickets')).toBe(50);
    const history = await editor.imports.history({});
    expect(history.rows.find((row) => row.id === update.batchId)?.status).toBe('rolled-back');
    expect((await rejection(editor.imports.rollback({ id: update.batchId }))).message).toMatch(/already been rolled back/);

    // The first import is now the newest change of its tickets: rolling it back empties the table
    // and removes the requesters it added.
    await editor.imports.rollback({ id: again.batchId }).catch(() => undefined);
    const full = await editor.imports.rollback({ id: first.batchId });
    expect(full.removed).toBe(50);
    expect(await countOf('tickets')).toBe(0);
    expect(await countOf('participants')).toBe(0);
  });

  it('refuses to roll back an import whose tickets a later import changed, or that became evidence', async () => {
    const original = issues();
    const first = await upload({ format: 'jira' }, [{ name: 'a.csv', content: jiraCsv(original) }]);
    const changed = original.map((issue, index) => (index === 0 ? { ...issue, summary: 'Changed later' } : issue));
    const second = await upload({ format: 'jira' }, [{ name: 'b.csv', content: jiraCsv(changed) }]);
    const editor = await callerWithRole(handle, 'editor');
    expect((await rejection(editor.imports.rollback({ id: first.batchId }))).message).toBe('A later import changed 1 ticket of this one. Roll back the later import first.');
    await editor.imports.rollback({ id: second.batchId });
    const target = await ticket('BULK-2');
    await editor.tickets.toEvidence({ ticketIds: [target.id], newThemeTitle: 'Waiting for answers' });
    expect((await rejection(editor.imports.rollback({ id: first.batchId }))).message).toMatch(/^1 evidence item was saved from tickets of this import/);
    expect(await countOf('tickets')).toBe(50);
  });
});

describe('bad input: a clear message, nothing written', () => {
  const expectNothingWritten = async () => {
    expect(await countOf('tickets')).toBe(0);
    expect(await countOf('participants')).toBe(0);
  };

  it.each([
    ['an empty file', '', /^The file is empty\.$/],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /This file is a PNG image, not a CSV or JSON export/],
    ['a zip', Buffer.concat([Buffer.from('504b0304', 'hex'), randomBytes(200)]), /This file is a zip archive/],
    ['5 MB of random bytes', randomBytes(5 * 1024 * 1024), /This file is binary data, not a CSV or JSON export/],
  ])('refuses %s', async (_label, content, message) => {
    const report = await upload({ format: 'jira' }, [{ name: 'upload.csv', content }]);
    expect(report.status).toBe('failed');
    expect(report.problems[0].message).toMatch(message);
    await expectNothingWritten();
  });

  it('refuses broken quoting at row 9,000 of 10,000 and keeps nothing of rows 1-8,999', async () => {
    const all = [...bulkIssues(10_000, { seed: 3 })];
    const lines = [jiraHeader().map(csvCell).join(',')];
    all.forEach((issue, index) => {
      const cells = jiraRow(issue).map(csvCell);
      // Row 9,000 (the header is row 1): a quote inside a quoted cell that is not doubled.
      if (index === 8998) cells[jiraHeader().indexOf('Description')] = '"He said "hello" and left"';
      lines.push(cells.join(','));
    });
    const report = await upload({ format: 'jira' }, [{ name: 'broken.csv', content: `\uFEFF${lines.join('\r\n')}\r\n` }]);
    expect(report.status).toBe('failed');
    expect(report.problems).toEqual([{ row: 9000, column: 'Description', message: 'Row 9000, column "Description": text follows a closing quote " in the same cell.' }]);
    expect(report.inserted).toBe(0);
    await expectNothingWritten();
    const batch = await handle.db.selectFrom('import_batches').select(['status', 'problem_count', 'error']).where('id', '=', report.batchId).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ status: 'failed', problem_count: 1 });
  });

  it('refuses duplicate keys inside one file and dates in an unknown format, naming row and column', async () => {
    const [a, b, c] = [...bulkIssues(3)];
    const text = jiraCsv([a, b, { ...c, key: b.key }]).replace(/\b\d{1,2}\/\w{3}\/\d{2} \d{1,2}:\d{2} [AP]M\b/, 'sometime in June');
    const report = await upload({ format: 'jira' }, [{ name: 'dupes.csv', content: text }]);
    expect(report.status).toBe('failed');
    expect(report.problems).toEqual([
      { row: 2, column: 'Created', message: expect.stringMatching(/^"sometime in June" is not a date this import reads\. Use a date like 2025-06-30/) },
      { row: 4, column: 'key', message: 'Rows 3 and 4 have the same key BULK-2 but different content; keep one of them.' },
    ]);
    await expectNothingWritten();
  });

  it('imports the good rows and reports the rest when asked to skip bad rows', async () => {
    const [a, b, c] = [...bulkIssues(3)];
    const text = jiraCsv([a, { ...b, summary: '' }, c]);
    const report = await upload({ format: 'jira', skipBadRows: 'true' }, [{ name: 'skip.csv', content: text }]);
    expect(report).toMatchObject({ status: 'completed', rowsRead: 3, inserted: 2, skipped: 1, problems: [{ row: 3, column: 'Summary', message: 'The title is empty.' }] });
    expect(report.message).toBe('Imported 3 rows: 2 new, 0 updated, 0 unchanged, 1 skipped.');
  });

  it('refuses a JSON array of non-objects and a cut-off array', async () => {
    const report = await upload({ format: 'github' }, [{ name: 'numbers.json', content: '[1, "two", null]' }]);
    expect(report.problems.map((problem) => problem.message)).toEqual(['Item 1 is a number, not an issue object.', 'Item 2 is a string, not an issue object.', 'Item 3 is null, not an issue object.']);
    const cut = await upload({ format: 'github' }, [{ name: 'cut.json', content: fixture('tickets/github-issues.json').toString('utf8').slice(0, 900) }]);
    expect(cut.problems[0].message).toMatch(/The JSON array ends in the middle of item 1/);
    await expectNothingWritten();
  });

  it('refuses an upload over the limit before reading it, naming the limit', async () => {
    const request = uploadRequest({ format: 'jira' }, [{ name: 'huge.csv', content: 'x' }], { headers: { 'content-length': String(600 * 1024 * 1024) } });
    await expect(importFromRequest(handle.db, request, { createdBy: null, via: 'api' })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The upload is 600.0 MB; the limit is 512 MB per import. Split the export into smaller files.',
    });
    expect(MAX_UPLOAD_BYTES).toBe(512 * 1024 * 1024);
    await expectNothingWritten();
  });

  it('names a missing or unknown format field', async () => {
    await expect(upload({}, [{ name: 'a.csv', content: 'a,b' }])).rejects.toThrow('Field "format": Send a "format" field before the file.');
    await expect(upload({ format: 'excel' }, [{ name: 'a.csv', content: 'a,b' }])).rejects.toThrow(/^Field "format": Use one of: jira, github/);
  });
});

describe('POST /api/v1/imports', () => {
  const call = (req: Request) => runRest(handle.db, req, { auth: 'token' }, importForApi);

  it('needs an API token and answers with the report as JSON (400 with the report when nothing was imported)', async () => {
    const file = { name: 'jira.csv', content: fixture('tickets/jira-current-fields.csv') };
    expect((await call(uploadRequest({ format: 'jira' }, [file]))).status).toBe(401);
    const admin = await callerWithRole(handle, 'admin');
    const { token } = await admin.apiTokens.create({ name: 'nightly Jira import' });
    const headers = { authorization: `Bearer ${token}` };
    const ok = await call(uploadRequest({ format: 'jira' }, [file], { headers }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'completed', inserted: 4, format: 'jira', fileName: 'jira.csv' });
    const bad = await call(uploadRequest({ format: 'github' }, [{ name: 'x.json', content: '[1]' }], { headers }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_REQUEST', details: { report: { status: 'failed', problemCount: 1 } } } });
    const big = await call(uploadRequest({ format: 'jira' }, [file], { headers: { ...headers, 'content-length': String(600 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
  });
});

describe('streaming', () => {
  it('imports a large export in batches and reports progress on the way', async () => {
    const text = jiraCsv([...bulkIssues(5000)]);
    const progress: number[] = [];
    const report = await importTicketStream(handle.db, {
      format: 'jira',
      fileName: 'big.csv',
      chunks: byteChunks(text),
      isSkipBadRows: false,
      via: 'page',
      createdBy: null,
      onProgress: (step) => progress.push(step.rowsWritten),
    });
    expect(report).toMatchObject({ status: 'completed', inserted: 5000, fileBytes: Buffer.byteLength(text) });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(5000);
  });
});

describe('POST /api/imports (the Imports page)', () => {
  async function cookieFor(role: 'editor' | 'viewer') {
    const user = await createUser(handle, role);
    const token = newToken();
    await handle.db.insertInto('sessions').values({ id: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + 86_400_000) }).execute();
    return `frictionlog_session=${token}`;
  }

  it('streams progress lines and then the report to a signed-in editor; refuses others', async () => {
    const file = { name: 'big.csv', content: jiraCsv([...bulkIssues(4500)]) };
    const response = await importForPage(handle.db, uploadRequest({ format: 'jira' }, [file], { headers: { cookie: await cookieFor('editor') }, url: 'http://localhost/api/imports' }));
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ type: 'report', report: { status: 'completed', inserted: 4500 } });
    expect(lines.slice(0, -1).every((line) => line.type === 'progress')).toBe(true);

    expect((await importForPage(handle.db, uploadRequest({ format: 'jira' }, [file]))).status).toBe(401);
    const viewer = await importForPage(handle.db, uploadRequest({ format: 'jira' }, [file], { headers: { cookie: await cookieFor('viewer') } }));
    expect(viewer.status).toBe(403);
    const tooBig = await importForPage(handle.db, uploadRequest({ format: 'jira' }, [file], { headers: { cookie: await cookieFor('editor'), 'content-length': String(600 * 1024 * 1024) } }));
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).message).toMatch(/the limit is 512 MB/);
  });
});
