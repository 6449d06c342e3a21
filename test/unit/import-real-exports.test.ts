// The pure pieces issue 14 added to imports: CSV width read in linear time, zone-less dates in a
// chosen time zone, NULs and bad bytes cleaned and counted, content keys, date stand-ins, gh's
// JSON, and similar titles found without comparing every pair.
import { describe, expect, it } from 'vitest';
import { cleanCells, cleanRecord, describeTally, emptyTally } from '@/server/imports/clean-text';
import { CsvTokenizer } from '@/server/imports/csv-tokenizer';
import { contentKey, mapGithubIssue, type TicketRecord } from '@/server/imports/map-ticket-row';
import { isKnownTimeZone, parseExportDate } from '@/server/lib/parse-dates';
import { findDateColumns } from '@/server/imports/preview-import';
import { looksBinaryText } from '@/server/imports/read-records';
import { findSimilarPairs, titleSimilarity } from '@/server/tickets/similar-titles';

describe('CsvTokenizer width', () => {
  it('reads a 200,000-column record arriving in 64 KB chunks in linear time', () => {
    const row = `${Array.from({ length: 200_000 }, (_, index) => `c${index}`).join(',')}\r\n`;
    const text = row + row;
    const tokenizer = new CsvTokenizer(64 * 1024 * 1024);
    const started = performance.now();
    const records: string[][] = [];
    for (let start = 0; start < text.length; start += 65_536) records.push(...tokenizer.push(text.slice(start, start + 65_536)));
    records.push(...tokenizer.end());
    expect(records).toHaveLength(2);
    expect(records[1][199_999]).toBe('c199999');
    // The quadratic reader took minutes; linear takes well under a second (generous on a shared machine).
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('still splits quoted line breaks and short records across chunks', () => {
    const tokenizer = new CsvTokenizer(1024);
    const out = [...tokenizer.push('a,"b\n'), ...tokenizer.push('c",d\r\ne,f'), ...tokenizer.end()];
    expect(out).toEqual([
      ['a', 'b\nc', 'd'],
      ['e', 'f'],
    ]);
  });
});

describe('time zones', () => {
  it('reads zone-less dates in the chosen zone, summer and winter, and keeps written offsets', () => {
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(parseExportDate('2025-07-01 09:00', berlin)?.toISOString()).toBe('2025-07-01T07:00:00.000Z');
    expect(parseExportDate('2025-01-15 09:00', berlin)?.toISOString()).toBe('2025-01-15T08:00:00.000Z');
    expect(parseExportDate('1/Jul/25 9:00 AM', { timeZone: 'America/New_York' })?.toISOString()).toBe('2025-07-01T13:00:00.000Z');
    expect(parseExportDate('2025-07-01T09:00:00Z', berlin)?.toISOString()).toBe('2025-07-01T09:00:00.000Z');
    expect(parseExportDate('2025-07-01 09:00 +05:30', berlin)?.toISOString()).toBe('2025-07-01T03:30:00.000Z');
    expect(parseExportDate('2025-07-01 09:00')?.toISOString()).toBe('2025-07-01T09:00:00.000Z');
    expect(isKnownTimeZone('Asia/Kolkata')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('text cleaning', () => {
  it('removes NULs, counts U+FFFD, and names the first row and column', () => {
    const tally = emptyTally();
    expect(cleanCells(['ok', 'a\u0000b', '\uFFFDx'], ['Key', 'Summary', 'Description'], 7, tally)).toEqual(['ok', 'ab', '\uFFFDx']);
    expect(describeTally(tally)).toEqual([
      '1 cell had bytes that are not UTF-8; replaced with U+FFFD (first: row 7, column "Description").',
      '1 cell had NUL bytes; removed (first: row 7, column "Summary").',
    ]);
    const record = { externalKey: 'K', title: 't\u0000', body: '', status: null, exportCategory: null, labels: ['a\u0000'], components: [], comments: [], requesterName: null, requesterEmail: null, openedAt: null, resolvedAt: null };
    expect(cleanRecord(record, 3, tally)).toMatchObject({ title: 't', labels: ['a'] });
  });

  it('tells a few bad bytes from binary data', () => {
    expect(looksBinaryText(`Summary,Issue key\r\nLogs\u0000,PLAT-1\r\n${'x'.repeat(2000)}`)).toBe(false);
    expect(looksBinaryText('\u0000'.repeat(100))).toBe(true);
    // The start of a PNG as the browser decodes it for the preview.
    expect(looksBinaryText(new TextDecoder().decode(Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')))).toBe(true);
    expect(looksBinaryText('Key,Title\nP-1,Logs end in \u0000\n')).toBe(false);
  });
});

describe('keys and dates a ticket may lack', () => {
  const content: Omit<TicketRecord, 'externalKey'> = {
    title: 'How do I rotate my kube credentials?', body: '', status: null, exportCategory: null, labels: [], components: [], comments: [],
    requesterName: null, requesterEmail: null, openedAt: null, resolvedAt: null,
  };
  it('keys a ticket without a key by its content, the same in every import', () => {
    expect(contentKey(content)).toBe(contentKey({ ...content, labels: ['other'] }));
    expect(contentKey(content)).not.toBe(contentKey({ ...content, title: 'Another question' }));
    expect(contentKey(content)).toMatch(/^content:[\w-]{20}$/);
  });

  it('offers the date columns of the sample as stand-ins for Created, Updated first', () => {
    const header = ['Summary', 'Resolved', 'Updated', 'Priority', 'Due'];
    const rows = [
      ['A', '', '2/Jul/25 2:10 PM', '3', '2025-07-10'],
      ['B', '3/Jul/25 9:00 AM', '3/Jul/25 9:00 AM', '2', ''],
    ];
    expect(findDateColumns(header, rows, [])).toEqual(['Updated', 'Resolved', 'Due']);
    expect(findDateColumns(header, rows, ['Resolved'])).toEqual(['Updated', 'Due']);
  });

  it('reads gh issue list --json output (camelCase, author, OPEN/CLOSED)', () => {
    const mapped = mapGithubIssue(
      { number: 12, title: 'Preview env missing', body: 'x', author: { login: 'ada', name: 'Ada Okafor', is_bot: false }, createdAt: '2025-07-01T09:00:00Z', closedAt: null, labels: [{ name: 'ci' }], state: 'OPEN', url: 'https://github.com/acme/platform/issues/12' },
      1,
    );
    expect(mapped).toMatchObject({ record: { externalKey: 'acme/platform#12', requesterName: 'ada', openedAt: '2025-07-01T09:00:00.000Z', status: 'open', labels: ['ci'] } });
  });
});

describe('findSimilarPairs', () => {
  it('joins what every pair at the threshold would join, with fewer pairs', () => {
    const norms = ['how do i get access to the staging database', 'how do i get access to the staging databases', 'how can i get access to the staging database', 'ci runner out of disk', 'ci runners out of disk space', 'unrelated question about sso'];
    const pairs = findSimilarPairs(norms, 0.5);
    const all = norms.flatMap((a, i) => norms.slice(i + 1).filter((b) => titleSimilarity(a, b) >= 0.5).map((b) => [a, b]));
    const groups = (edges: string[][]) => {
      const parent = new Map(norms.map((norm) => [norm, norm]));
      const find = (node: string): string => (parent.get(node) === node ? node : find(parent.get(node)!));
      for (const [a, b] of edges) parent.set(find(a), find(b));
      return norms.map((norm) => norms.filter((other) => find(other) === find(norm)).join('|'));
    };
    expect(groups(pairs)).toEqual(groups(all));
    expect(pairs.length).toBeLessThanOrEqual(all.length);
  });

  it('handles 2,000 near-identical titles in well under a second', () => {
    const norms = Array.from({ length: 2000 }, (_, index) => `how do i get access to the staging database ${index}`);
    const started = performance.now();
    const pairs = findSimilarPairs(norms, 0.5);
    expect(pairs).toHaveLength(1999);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
