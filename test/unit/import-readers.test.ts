// The pure readers of imports: dates as ticket systems write them, CSV rows and JSON items read as
// a stream (split at any chunk boundary), binary files recognised, rows mapped to tickets.
import { describe, expect, it } from 'vitest';
import { compileMapping, mapCsvRow, mapGithubIssue, normalizeQuestion, splitRequester } from '@/server/imports/map-ticket-row';
import { parseExportDate } from '@/server/lib/parse-dates';
import { describeBinary, FileError, JsonArraySplitter, readCsvRows, readJsonItems, textChunks } from '@/server/imports/read-records';
import { detectCsvFormat, suggestMapping } from '@/server/imports/ticket-formats';

const iso = (text: string, isMonthFirst = false) => parseExportDate(text, { isMonthFirst })?.toISOString();

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function problemOf(items: AsyncIterable<unknown>) {
  try {
    await collect(items);
  } catch (error) {
    if (error instanceof FileError) return error.problem;
    throw error;
  }
  throw new Error('expected a FileError');
}

describe('parseExportDate', () => {
  it.each([
    ['30/Jun/25 9:54 AM', '2025-06-30T09:54:00.000Z'],
    ['1/Jul/25 12:05 PM', '2025-07-01T12:05:00.000Z'],
    ['1/Jul/25 12:05 AM', '2025-07-01T00:05:00.000Z'],
    ['30/Jun/2025 9:54 PM', '2025-06-30T21:54:00.000Z'],
    ['2025-06-30', '2025-06-30T00:00:00.000Z'],
    ['2025-06-30 09:54:12', '2025-06-30T09:54:12.000Z'],
    ['2025-06-30T09:54:12Z', '2025-06-30T09:54:12.000Z'],
    ['2025-06-30T09:54:12.123+02:00', '2025-06-30T07:54:12.000Z'],
    ['2025-06-30 09:54:12 -0700', '2025-06-30T16:54:12.000Z'],
    ['30/06/2025 09:54', '2025-06-30T09:54:00.000Z'],
    ['03.04.2025', '2025-04-03T00:00:00.000Z'],
  ])('reads %s', (text, expected) => expect(iso(text)).toBe(expected));

  it('knows the length of every month, leap years included', () => {
    for (const text of ['29/Feb/24 9:00 AM', '2000-02-29', '29/02/2024', '31/Dec/25', '30/Apr/25']) expect(parseExportDate(text), text).toBeInstanceOf(Date);
    for (const text of ['29/Feb/25 9:00 AM', '1900-02-29', '2100-02-29', '31/04/2025', '31/Jun/25', '32/Jan/25']) expect(parseExportDate(text), text).toBeUndefined();
    expect(iso('29/Feb/24 11:30 PM')).toBe('2024-02-29T23:30:00.000Z');
  });

  it('reads numeric dates month first when asked', () => expect(iso('03/04/2025', true)).toBe('2025-03-04T00:00:00.000Z'));
  it('gives null for an empty cell and undefined for what is not a date', () => {
    expect(parseExportDate('  ')).toBeNull();
    for (const text of ['yesterday', '31/Feb/25 9:00 AM', '2025-13-01', '30/Foo/25', '13:00 PM', '2025-06-30 25:00']) expect(parseExportDate(text), text).toBeUndefined();
  });
});

describe('readCsvRows', () => {
  it('reads BOM, CRLF, quoted multi-line cells and repeated header names, whatever the chunk size', async () => {
    const text = '\uFEFFKey,Labels,Labels,Description\r\nA-1,x,y,"two\r\nlines, ""quoted"""\r\n\r\nA-2,,,plain\r\n';
    for (const size of [1, 3, 7, 1024]) {
      const rows = await collect(readCsvRows(textChunks(text, size)));
      expect(rows, `chunk ${size}`).toEqual([
        { row: 1, cells: ['Key', 'Labels', 'Labels', 'Description'] },
        { row: 2, cells: ['A-1', 'x', 'y', 'two\r\nlines, "quoted"'] },
        { row: 3, cells: ['A-2', '', '', 'plain'] },
      ]);
    }
  });

  it('names the row and column of broken quoting, after handing out the rows before it', async () => {
    const rows: number[] = [];
    const reading = (async function* () {
      for await (const row of readCsvRows(textChunks('a,b,c\n1,2,3\n4,"open,6\n7,8,9\n'))) {
        rows.push(row.row);
        yield row;
      }
    })();
    expect(await problemOf(reading)).toEqual({ row: 3, column: 'b', message: 'Row 3, column "b": a quoted cell is never closed (a " is missing), so nothing after it can be read.' });
    expect(rows).toEqual([1, 2]);
  });
});

describe('JSON readers', () => {
  const issues = '[{"number":1,"title":"a [tricky] \\"one\\" }"}, {"number":2,"nested":{"x":[1,2]}},3,"four",null]';

  it('splits a JSON array into items at any chunk boundary', async () => {
    for (const size of [1, 2, 5, 100]) {
      const items = await collect(readJsonItems(textChunks(issues, size)));
      expect(items.map((item) => item.value), `chunk ${size}`).toEqual([{ number: 1, title: 'a [tricky] "one" }' }, { number: 2, nested: { x: [1, 2] } }, 3, 'four', null]);
      expect(items.map((item) => item.row)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('reads JSON Lines, numbering items by line', async () => {
    const items = await collect(readJsonItems(textChunks('{"a":1}\n\n{"a":2}\r\n{"a":3}', 4)));
    expect(items).toEqual([
      { row: 1, value: { a: 1 } },
      { row: 3, value: { a: 2 } },
      { row: 4, value: { a: 3 } },
    ]);
  });

  it('refuses what is not JSON, a cut-off array, text after the array and a broken item', async () => {
    expect((await problemOf(readJsonItems(textChunks('Summary,Key\n')))).message).toMatch(/^This file is not JSON/);
    expect((await problemOf(readJsonItems(textChunks('[{"a":1},{"a"')))).message).toMatch(/ends in the middle of item 2/);
    expect((await problemOf(readJsonItems(textChunks('[1] 2')))).message).toBe('There is text after the end of the JSON array.');
    expect((await problemOf(readJsonItems(textChunks('{"a":1}\n{"a":\n')))).message).toMatch(/^Line 2 is not valid JSON/);
    const splitter = new JsonArraySplitter();
    expect(() => splitter.push('[1 2]')).toThrow('Item 2: expected "," or "]" between items, found "2".');
  });
});

describe('describeBinary', () => {
  it('recognises images, archives and random bytes but not UTF-8 text', () => {
    expect(describeBinary(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe('a PNG image');
    expect(describeBinary(Buffer.from('504b030414000000', 'hex'))).toMatch(/^a zip archive/);
    expect(describeBinary(Buffer.from('%PDF-1.7'))).toBe('a PDF document');
    expect(describeBinary(Buffer.from(Array.from({ length: 256 }, (_, index) => (index % 2 ? 0x00 : 0xde))))).toBe('binary data');
    // A stray NUL in text is cleaned and counted by the import, not a reason to refuse the file.
    expect(describeBinary(Buffer.from('Summary,Key\nLogs\u0000,P-1\n'))).toBeNull();
    expect(describeBinary(Buffer.from('Summary,Reporter\nÜber,Zoë Ødegaard\n'))).toBeNull();
  });
});

describe('mapping rows to tickets', () => {
  const header = ['Issue key', 'Summary', 'Created', 'Labels', 'Labels', 'Component/s', 'Component/s', 'Reporter', 'Resolved'];
  const { compiled } = compileMapping('jira', header, suggestMapping('jira', header));

  it('keeps every value of repeated columns and reads the requester', () => {
    const mapped = mapCsvRow(compiled!, ['P-1', ' Help ', '30/Jun/25 9:54 AM', 'a', 'b', 'Access', 'DB', 'Ada <ada@example.com>', ''], 2);
    expect(mapped.record).toMatchObject({ externalKey: 'P-1', title: 'Help', labels: ['a', 'b'], components: ['Access', 'DB'], exportCategory: 'Access', requesterName: 'Ada', requesterEmail: 'ada@example.com', resolvedAt: null });
  });

  it('names the column of every problem in a row', () => {
    const mapped = mapCsvRow(compiled!, ['', '', 'soon', '', '', '', '', '', '1/Jan/20 1:00 AM'], 7);
    expect(mapped.problems).toEqual([
      { row: 7, column: 'Summary', message: 'The title is empty.' },
      { row: 7, column: 'Created', message: expect.stringMatching(/^"soon" is not a date/) },
    ]);
  });

  it('refuses a mapping without a title or with columns the file lacks; key and Created may be missing', () => {
    const result = compileMapping('csv', ['A', 'B'], { key: 'A', title: 'Missing' });
    expect(result.problems?.map((problem) => problem.message)).toEqual(['The mapping reads Title from a column "Missing" that this file does not have.']);
    expect(compileMapping('csv', ['A', 'B'], { key: 'A' }).problems?.map((problem) => problem.message)).toEqual([
      'No column is mapped to Title, which every ticket needs. Choose the column that holds it.',
    ]);
    expect(compileMapping('csv', ['A', 'B'], { title: 'B' }).problems).toBeUndefined();
  });

  it('maps GitHub issues, skips pull requests and explains non-objects', () => {
    const issue = { number: 7, title: 'Q', html_url: 'https://github.com/acme/api/issues/7', user: { login: 'zoe' }, labels: [{ name: 'help' }, 'docs'], created_at: '2025-01-02T03:04:05Z', closed_at: null, state: 'open', body: null };
    expect(mapGithubIssue(issue, 1)).toMatchObject({ record: { externalKey: 'acme/api#7', labels: ['help', 'docs'], requesterName: 'zoe', body: '', resolvedAt: null } });
    expect(mapGithubIssue({ ...issue, pull_request: { url: 'x' } }, 2)).toEqual({ isPullRequest: true });
    expect(mapGithubIssue(['x'], 3)).toEqual({ problems: [{ row: 3, message: 'Item 3 is an array, not an issue object.' }] });
    expect(mapGithubIssue({ ...issue, created_at: 'tomorrow' }, 4)).toMatchObject({ problems: [{ row: 4, column: 'created_at' }] });
  });

  it('normalises questions and requesters', () => {
    expect(normalizeQuestion('[Access] RE: How do I get access to the staging database??')).toBe('how do i get access to the staging database');
    expect(normalizeQuestion('Zugriff auf die Datenbank für Ünïcode?')).toBe('zugriff auf die datenbank für ünïcode');
    expect(splitRequester('ada@Example.com', null)).toEqual({ name: null, email: 'ada@example.com' });
    expect(splitRequester('Ada', 'not an email')).toEqual({ name: 'Ada', email: null });
  });

  it('detects the export from its header', () => {
    expect(detectCsvFormat(['Summary', 'Issue key', 'Labels'])).toBe('jira');
    expect(detectCsvFormat(['number', 'short_description'])).toBe('servicenow');
    expect(detectCsvFormat(['Id', 'Subject', 'Requester'])).toBe('zendesk');
    expect(detectCsvFormat(['Title', 'Date', 'Root cause'])).toBe('postmortem-csv');
    expect(detectCsvFormat(['Question', 'Asked by'])).toBe('csv');
    expect(suggestMapping('csv', ['Ticket', 'Subject', 'Opened at', 'Tags'])).toMatchObject({ key: 'Ticket', title: 'Subject', created: 'Opened at', labels: 'Tags', body: null });
  });
});
