// Real exports as people download them (issue 14): a Jira export without Created, an API dump
// written page by page with exact and conflicting repeats, a sheet without keys, NUL bytes and
// bytes that are not UTF-8, dates in the source's time zone, files far too wide, repeat questions
// over thousands of near-identical titles; and the bad input: a clear message, nothing written.
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '@/db/create-db';
import { previewImport } from '@/server/imports/preview-import';
import { titleSimilarity } from '@/server/tickets/similar-titles';
import { importFromRequest } from '@/server/imports/rest';
import { callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { csvCell, jiraCsv, bulkIssues } from '@/test/helpers/ticket-exports';
import { zipSync } from 'fflate';
import { fixture, uploadRequest, zipFixture } from '@/test/helpers/uploads';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

beforeEach(async () => {
  await sql`delete from evidence_themes`.execute(handle.db);
  await sql`delete from evidence`.execute(handle.db);
  await sql`delete from themes`.execute(handle.db);
  await sql`delete from tickets`.execute(handle.db);
  await sql`delete from import_batches`.execute(handle.db);
  await sql`delete from participants`.execute(handle.db);
});

const upload = (fields: Record<string, string>, files: { name: string; content: string | Buffer }[]) =>
  importFromRequest(handle.db, uploadRequest(fields, files), { createdBy: null, via: 'api' });

const ticketCount = async () => (await handle.db.selectFrom('tickets').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow()).count;

const csv = (rows: string[][]) => rows.map((row) => row.map(csvCell).join(',')).join('\r\n');

describe('a ticket needs only a title', () => {
  it('imports a Jira export without Created: undated tickets count in the report, the overview and repeat questions', async () => {
    const content = fixture('tickets/jira-no-created.csv');
    const preview = await previewImport({ fileName: 'jira.csv', sample: content.toString('utf8'), isTruncated: false });
    expect(preview).toMatchObject({ format: 'jira', problems: [], dateStandIns: ['Updated'] });
    expect(preview.mapping?.created).toBeNull();
    expect(preview.rows[0].record).toMatchObject({ externalKey: 'PLAT-201', openedAt: null });

    const report = await upload({ format: 'jira' }, [{ name: 'jira.csv', content }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 6, undated: 6 });
    expect(report.notes).toContain('6 tickets have no creation date: they count for repeat questions, categories and evidence, not in the weekly volume.');

    const viewer = await callerWithRole(handle, 'viewer');
    const overview = await viewer.tickets.overview({});
    expect(overview.summary).toMatchObject({ ticketCount: 6, undatedCount: 6 });
    expect(overview.weekly).toEqual([]);
    const { clusters } = await viewer.tickets.repeatQuestions({});
    expect(clusters[0]).toMatchObject({ title: expect.stringMatching(/^How do I get access to the staging database\??$/), askedCount: 3, firstOpened: null, lastOpened: null });
    const list = await viewer.tickets.list({});
    expect(list.total).toBe(6);
    const one = await viewer.tickets.get({ id: list.rows[0].id });
    expect(one.openedAt).toBeNull();
  });

  it('uses the stand-in date column the person picks in the preview', async () => {
    const content = fixture('tickets/jira-no-created.csv');
    const mapping = JSON.stringify({ columns: { ...(await previewImport({ fileName: 'jira.csv', sample: content.toString('utf8'), isTruncated: false })).mapping, created: 'Updated' } });
    const report = await upload({ format: 'jira', mapping }, [{ name: 'jira.csv', content }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 6, undated: 0 });
    const viewer = await callerWithRole(handle, 'viewer');
    expect((await viewer.tickets.overview({})).summary).toMatchObject({ ticketCount: 6, undatedCount: 0 });
  });

  it('keys tickets of a sheet without keys by a hash of their content, so a re-import changes nothing', async () => {
    const text = csv([
      ['Question', 'Details'],
      ['How do I rotate my kube credentials?', 'They expired this morning.'],
      ['Where are the CI runner logs kept?', ''],
    ]);
    const mapping = JSON.stringify({ columns: { title: 'Question', body: 'Details' } });
    const first = await upload({ format: 'csv', mapping, sourceName: 'Slack digest' }, [{ name: 'sheet.csv', content: text }]);
    expect(first).toMatchObject({ status: 'completed', inserted: 2 });
    expect(first.notes.join(' ')).toMatch(/2 tickets have no key; each is keyed by a hash of its title, body, requester and dates/);
    const keys = await handle.db.selectFrom('tickets').select('external_key').execute();
    expect(keys.every((row) => /^content:[\w-]{20}$/.test(row.external_key))).toBe(true);
    const again = await upload({ format: 'csv', mapping, sourceName: 'Slack digest' }, [{ name: 'sheet.csv', content: text }]);
    expect(again).toMatchObject({ status: 'completed', inserted: 0, unchanged: 2 });
  });

  it('refuses a file with no title column at all, naming the field; nothing written', async () => {
    const text = csv([
      ['Ticket', 'Opened'],
      ['HD-1', '2025-06-30'],
    ]);
    const report = await upload({ format: 'csv' }, [{ name: 'no-title.csv', content: text }]);
    expect(report.status).toBe('failed');
    expect(report.problems).toEqual([{ row: 1, column: 'Title', message: 'No column is mapped to Title, which every ticket needs. Choose the column that holds it.' }]);
    const jira = await upload({ format: 'jira' }, [{ name: 'jira.csv', content: csv([['Issue key', 'Created'], ['PLAT-1', '2025-06-30']]) }]);
    expect(jira.message).toMatch(/No column is mapped to Title/);
    expect(await ticketCount()).toBe(0);
  });
});

describe('repeats in one file', () => {
  it('collapses exact repeats of an API dump written page by page and names both rows of a conflicting one', async () => {
    const content = fixture('tickets/github-issues-overlapping-pages.jsonl');
    const refused = await upload({ format: 'github' }, [{ name: 'dump.jsonl', content }]);
    expect(refused.status).toBe('failed');
    expect(refused.problems).toEqual([
      { row: 7, column: 'key', message: 'Rows 2 and 7 have the same key acme/platform#102 but different content; keep one of them.' },
    ]);
    expect(await ticketCount()).toBe(0);

    const report = await upload({ format: 'github', skipBadRows: 'true' }, [{ name: 'dump.jsonl', content }]);
    expect(report).toMatchObject({ status: 'completed', rowsRead: 12, inserted: 7, repeated: 4, skipped: 1 });
    expect(report.message).toBe('Imported 12 rows: 7 new, 0 updated, 0 unchanged, 1 skipped, repeated in the file: 4.');
    expect(report.notes).toContain('Repeated in the file: 4 (rows identical to an earlier row with the same key; each ticket imported once).');
    const kept = await handle.db.selectFrom('tickets').select(['status']).where('external_key', '=', 'acme/platform#102').executeTakeFirstOrThrow();
    expect(kept.status).toBe('open');
  });

  it('collapses a CSV row repeated field for field', async () => {
    const [a, b] = [...bulkIssues(2)];
    const report = await upload({ format: 'jira' }, [{ name: 'twice.csv', content: jiraCsv([a, b, a, a]) }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 2, repeated: 2 });
  });
});

describe('text that is not clean', () => {
  it('removes NUL bytes and counts bytes that are not UTF-8, naming the first row and column', async () => {
    const [a, b, c] = [...bulkIssues(3)];
    const text = jiraCsv([a, { ...b, description: 'Before\u0000after' }, c]);
    const bytes = Buffer.from(text, 'utf8');
    const summary = Buffer.from(c.summary, 'utf8');
    const at = bytes.indexOf(summary);
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), bytes.subarray(at)]);
    const report = await upload({ format: 'jira' }, [{ name: 'odd.csv', content: broken }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 3 });
    expect(report.notes).toEqual(
      expect.arrayContaining([
        '1 cell had bytes that are not UTF-8; replaced with U+FFFD (first: row 4, column "Summary").',
        '1 cell had NUL bytes; removed (first: row 3, column "Description").',
      ]),
    );
    const stored = await handle.db.selectFrom('tickets').select(['external_key', 'title', 'body']).orderBy('external_key').execute();
    expect(stored[1].body).toBe('Beforeafter');
    expect(stored[2].title).toBe(`\uFFFD\uFFFD${c.summary}`);
  });

  it('cleans a NUL escaped in a JSON string instead of failing on it', async () => {
    const issue = { number: 9, title: 'Logs end in \u0000', body: 'x\u0000y', created_at: '2025-07-01T10:00:00Z', state: 'open', html_url: 'https://github.com/acme/platform/issues/9' };
    const report = await upload({ format: 'github' }, [{ name: 'nul.json', content: JSON.stringify([issue]) }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 1 });
    expect(report.notes).toContain('2 cells had NUL bytes; removed (first: row 1, column "title").');
  });
});

describe('time zone of zone-less dates', () => {
  it('reads dates in the chosen zone, remembers it per source, and refuses an unknown zone', async () => {
    const [issue] = [...bulkIssues(1, { start: new Date(Date.UTC(2025, 6, 1, 9, 0)) })];
    const content = jiraCsv([issue]);
    const report = await upload({ format: 'jira', timeZone: 'Europe/Berlin' }, [{ name: 'berlin.csv', content }]);
    expect(report.notes).toContain('Dates without a time zone were read as Europe/Berlin time.');
    const opened = async () => (await handle.db.selectFrom('tickets').select('opened_at').executeTakeFirstOrThrow()).opened_at?.toISOString();
    expect(await opened()).toBe('2025-07-01T07:00:00.000Z');

    const viewer = await callerWithRole(handle, 'viewer');
    expect(await viewer.imports.timeZoneOf({ format: 'jira' })).toEqual({ source: 'jira', timeZone: 'Europe/Berlin' });
    expect(await viewer.imports.timeZoneOf({ format: 'csv', sourceName: 'Help desk' })).toEqual({ source: 'csv:help desk', timeZone: 'UTC' });
    // The next import of the same source, without a zone, reads the dates the same way.
    await sql`delete from tickets`.execute(handle.db);
    await upload({ format: 'jira' }, [{ name: 'again.csv', content }]);
    expect(await opened()).toBe('2025-07-01T07:00:00.000Z');

    await expect(upload({ format: 'jira', timeZone: 'Mars/Olympus' }, [{ name: 'x.csv', content }])).rejects.toThrow(
      'Field "timeZone": Use a time zone name such as UTC, Europe/Berlin or America/New_York',
    );
    const editor = await callerWithRole(handle, 'editor');
    const bad = await rejection(editor.imports.preview({ fileName: 'x.csv', sample: content, isTruncated: false, timeZone: 'Mars/Olympus' }));
    expect(bad.message).toMatch(/^timeZone: Use a time zone name/);
  });
});

describe('width', () => {
  it('refuses a 200,000-column file in seconds, naming the column count; nothing written', async () => {
    const header = Array.from({ length: 200_000 }, (_, index) => `Custom field (${index})`);
    const row = header.map((_, index) => (index === 0 ? 'x' : ''));
    const started = Date.now();
    const report = await upload({ format: 'jira' }, [{ name: 'wide.csv', content: `${header.join(',')}\r\n${row.join(',')}\r\n` }]);
    expect(report.status).toBe('failed');
    expect(report.problems[0]).toEqual({
      row: 1,
      message: 'The header has 200,000 columns; an export has at most 10,000. Export only the columns you need.',
    });
    // Generous on a shared machine; the quadratic tokenizer took minutes.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await ticketCount()).toBe(0);
  });
});

describe('repeat questions over many near-identical titles', () => {
  it('measures title similarity exactly as pg_trgm does', async () => {
    const titles = [
      'how do i get access to the staging database',
      'how do i get access to the staging databases',
      'access staging db',
      'ci runner fails with no space left on device',
      'ci runners fail no space left',
      'please create a new kubernetes namespace for our team',
      'zugang zur staging datenbank',
      'données de staging accès',
      'a',
      'terraform drift in prod 2025',
    ];
    const pairs = titles.flatMap((a) => titles.map((b) => [a, b] as const));
    const result = await sql<{ a: string; b: string; similarity: number }>`
      select p.a, p.b, public.similarity(p.a, p.b) as similarity
      from json_to_recordset(${JSON.stringify(pairs.map(([a, b]) => ({ a, b })))}::json) as p(a text, b text)`.execute(handle.db);
    for (const row of result.rows) expect(titleSimilarity(row.a, row.b), `${row.a} ~ ${row.b}`).toBeCloseTo(row.similarity, 5);
  });

  it('groups 3,000 near-identical titles into one cluster with a bounded comparison', async () => {
    const rows = Array.from({ length: 3000 }, (_, index) => ({
      source: 'bench',
      external_key: `N-${index}`,
      title: `How do I get access to the staging database ${index}?`,
      title_norm: `how do i get access to the staging database ${index}`,
      content_hash: String(index),
      opened_at: new Date(Date.UTC(2025, 0, 1 + (index % 300))),
    }));
    for (let start = 0; start < rows.length; start += 1000) await handle.db.insertInto('tickets').values(rows.slice(start, start + 1000)).execute();
    const viewer = await callerWithRole(handle, 'viewer');
    const result = await viewer.tickets.repeatQuestions({});
    expect(result.isTimedOut).toBe(false);
    expect(result.isCapped).toBe(true);
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0].askedCount).toBe(2000);
  });
});

describe('repeat questions over one very large cluster', () => {
  it('answers for 70,000 tickets asking the same thing (more ids than PostgreSQL takes as parameters)', async () => {
    await sql`insert into tickets (source, external_key, title, title_norm, opened_at, content_hash)
      select 'bench', 'SAME-' || g, 'How do I get access to the staging database?', 'how do i get access to the staging database', now(), md5(g::text)
      from generate_series(1, 70000) g`.execute(handle.db);
    const viewer = await callerWithRole(handle, 'viewer');
    const result = await viewer.tickets.repeatQuestions({});
    expect(result.clusters.map((cluster) => cluster.askedCount)).toEqual([70_000]);
  }, 120_000);
});

describe('presets for Linear and gh', () => {
  it('detects and imports a Linear CSV export with its own preset', async () => {
    const content = fixture('tickets/linear-issues.csv');
    const preview = await previewImport({ fileName: 'Export Jul 8 2025.csv', sample: content.toString('utf8'), isTruncated: false });
    expect(preview).toMatchObject({ detectedFormat: 'linear', problems: [], mapping: { key: 'ID', title: 'Title', created: 'Created', resolved: 'Completed', requester: 'Creator', labels: 'Labels' } });
    const report = await upload({ format: 'linear' }, [{ name: 'linear.csv', content }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 3 });
    const first = await handle.db.selectFrom('tickets').select(['source', 'labels', 'opened_at', 'resolved_at', 'requester_email', 'export_category']).where('external_key', '=', 'PLAT-412').executeTakeFirstOrThrow();
    expect(first).toMatchObject({ source: 'linear', labels: ['Access', 'Question'], requester_email: 'ada@acme.dev', export_category: 'Developer access' });
    expect(first.opened_at?.toISOString()).toBe('2025-07-01T09:12:44.000Z');
  });

  it('imports the JSON of gh issue list --json', async () => {
    const issues = [
      { number: 12, title: 'Preview env missing', body: 'x', author: { login: 'ada', name: 'Ada', is_bot: false }, createdAt: '2025-07-01T09:00:00Z', closedAt: null, labels: [{ id: 'LA_1', name: 'ci', description: '', color: 'ededed' }], state: 'OPEN', url: 'https://github.com/acme/platform/issues/12' },
      { number: 13, title: 'Staging DB access', body: '', author: { login: 'kenji', name: '', is_bot: false }, createdAt: '2025-07-02T09:00:00Z', closedAt: '2025-07-02T11:00:00Z', labels: [], state: 'CLOSED', url: 'https://github.com/acme/platform/issues/13' },
    ];
    const report = await upload({ format: 'github' }, [{ name: 'gh.json', content: JSON.stringify(issues, null, 2) }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 2 });
    const rows = await handle.db.selectFrom('tickets').select(['external_key', 'status', 'requester_name']).orderBy('external_key').execute();
    expect(rows).toEqual([
      { external_key: 'acme/platform#12', status: 'open', requester_name: 'ada' },
      { external_key: 'acme/platform#13', status: 'closed', requester_name: 'kenji' },
    ]);
  });
});

describe('Slack workspace export', () => {
  it('imports each question as a ticket with its thread as comments, and repeat questions include them', async () => {
    const report = await upload({ format: 'slack' }, [{ name: 'Acme Slack export Jul 1 2025 - Jul 2 2025.zip', content: zipFixture('tickets/slack-export') }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 3, rowsRead: 3 });
    expect(report.notes, JSON.stringify(report.notes)).toContain('Slack export: 2 channels, 11 messages; 3 thread replies kept as comments, 5 join, bot or other system messages skipped.');
    const tickets = await handle.db
      .selectFrom('tickets')
      .select(['source', 'external_key', 'title', 'body', 'comments', 'status', 'requester_name', 'requester_email', 'opened_at', 'resolved_at', 'labels'])
      .orderBy('opened_at')
      .execute();
    expect(tickets.map((ticket) => ticket.external_key)).toEqual(['platform-help:1751360700.000200', 'platform-help:1751446800.000100', 'platform-help:1751454000.000300']);
    expect(tickets[0]).toMatchObject({
      source: 'slack',
      title: 'How do I get access to the staging database?',
      body: 'How do I get access to the staging database?\nI need it for a migration dry run & nobody on my team has it.',
      status: 'resolved',
      requester_name: 'Ada Okafor',
      requester_email: 'ada@acme.dev',
      labels: ['#platform-help'],
      comments: ['2025-07-01 10:05 Grace Hopper: Request it in the access portal, @Grace Hopper approves staging.', '2025-07-01 11:05 Ada Okafor: Got it, thanks!'],
    });
    expect(tickets[0].opened_at?.toISOString()).toBe('2025-07-01T09:05:00.000Z');
    expect(tickets[0].resolved_at?.toISOString()).toBe('2025-07-01T11:05:00.000Z');
    expect(tickets[1]).toMatchObject({ requester_name: 'Kenji Watanabe', requester_email: null, status: 'open', resolved_at: null });
    expect(tickets[2]).toMatchObject({ body: 'Preview environment for my PR never comes up, logs attached\n\nFiles: preview-job.log', comments: [expect.stringContaining('Looking, the runner pool is full')] });

    const viewer = await callerWithRole(handle, 'viewer');
    const { clusters } = await viewer.tickets.repeatQuestions({});
    expect(clusters[0]).toMatchObject({ askedCount: 2, developerCount: 2 });

    const again = await upload({ format: 'slack' }, [{ name: 'again.zip', content: zipFixture('tickets/slack-export') }]);
    expect(again).toMatchObject({ status: 'completed', inserted: 0, unchanged: 3 });
  });

  it('refuses a zip that is not a Slack export and an export without messages; nothing written', async () => {
    const notSlack = Buffer.from(zipSync({ 'report.csv': new TextEncoder().encode('a,b\n1,2\n') }));
    const refused = await upload({ format: 'slack' }, [{ name: 'export.zip', content: notSlack }]);
    expect(refused.status).toBe('failed');
    expect(refused.problems[0].message).toMatch(/^This zip is not a Slack export: a Slack export has channels\.json and one folder per channel/);

    const quiet = Buffer.from(
      zipSync({
        'channels.json': new TextEncoder().encode('[{"id":"C1","name":"platform-help"}]'),
        'users.json': new TextEncoder().encode('[]'),
        'platform-help/2025-07-01.json': new TextEncoder().encode('[{"type":"message","subtype":"channel_join","ts":"1719824400.000100","user":"U1","text":"joined"}]'),
      }),
    );
    const empty = await upload({ format: 'slack' }, [{ name: 'quiet.zip', content: quiet }]);
    expect(empty.problems[0].message).toBe('This Slack export has no messages to import: 1 channel, 1 message, all joins, bot messages or other system messages.');

    const csv = await upload({ format: 'slack' }, [{ name: 'tickets.csv', content: 'a,b\n' }]);
    expect(csv.problems[0].message).toMatch(/^This file is not a zip archive/);
    expect(await ticketCount()).toBe(0);
  });
});
