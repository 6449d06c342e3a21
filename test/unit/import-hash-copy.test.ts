// The per-row work of a ticket import made cheap (issue 14, point 5): the content hash is one SHA-1
// over length-prefixed fields, tells apart records that differ in any field (however their text is
// split between fields), and still recognises a ticket stored with the hash of earlier versions;
// COPY text escapes exactly the four characters COPY's text format needs.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { copyFields } from '@/db/copy-in';
import { hashTicket, isSameTicketHash, legacyHashTicket, TICKET_HASH_PREFIX, type TicketRecord } from '@/server/imports/map-ticket-row';

const record: TicketRecord = {
  externalKey: 'PLAT-1',
  title: 'How do I get access?',
  body: 'Line one\nline "two"',
  status: 'Done',
  exportCategory: null,
  labels: ['access', 'db'],
  components: [],
  comments: ['First comment'],
  requesterName: 'Ada',
  requesterEmail: 'ada@example.com',
  openedAt: '2025-06-30T09:54:00.000Z',
  resolvedAt: null,
};

describe('hashTicket', () => {
  it('is stable and differs when any field differs, including text moved between fields or lists', () => {
    expect(hashTicket(record)).toBe(hashTicket({ ...record, labels: [...record.labels] }));
    expect(hashTicket(record).startsWith(TICKET_HASH_PREFIX)).toBe(true);
    const variants: TicketRecord[] = [
      { ...record, title: 'How do I get access? ' },
      { ...record, title: 'How do I get access', body: `?${record.body}` },
      { ...record, exportCategory: '' },
      { ...record, status: null },
      { ...record, labels: ['access,db'] },
      { ...record, labels: ['access'], components: ['db'] },
      { ...record, labels: ['db', 'access'] },
      { ...record, comments: [] },
      { ...record, comments: ['First', 'comment'] },
      { ...record, requesterName: null, requesterEmail: 'Ada' },
      { ...record, resolvedAt: record.openedAt },
      { ...record, externalKey: 'PLAT-2' },
    ];
    const hashes = new Set([record, ...variants].map(hashTicket));
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('recognises a stored hash of the earlier form (JSON and SHA-1) as the same content, and no other', () => {
    const legacy = createHash('sha1').update(JSON.stringify(record)).digest('base64url');
    expect(legacyHashTicket(record)).toBe(legacy);
    expect(isSameTicketHash(legacy, hashTicket(record), record)).toBe(true);
    expect(isSameTicketHash(hashTicket(record), hashTicket(record), record)).toBe(true);
    const changed = { ...record, body: 'Changed' };
    expect(isSameTicketHash(legacy, hashTicket(changed), changed)).toBe(false);
    expect(isSameTicketHash(hashTicket(record), hashTicket(changed), changed)).toBe(false);
  });
});

describe('copyFields', () => {
  it('escapes backslashes, line breaks and tabs in texts and arrays, and writes nulls as \\N', () => {
    expect(copyFields(['a\\b\nc\rd\te', null, 'plain', ['x "y"', 'back\\slash', 'multi\nline'], []])).toBe(
      'a\\\\b\\nc\\rd\\te\t\\N\tplain\t{"x \\\\"y\\\\"","back\\\\\\\\slash","multi\\nline"}\t{}',
    );
  });

  it('writes what the earlier regex-based escaping wrote, for every mix of special characters', () => {
    const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
    const reference = (value: string) => value.replace(/[\\\t\n\r]/g, (char) => escapes[char]);
    const parts = ['\\', '\t', '\n', '\r', '"', 'a', '\\n', '\r\n'];
    for (const first of parts) for (const second of parts) for (const third of parts) {
      const text = `${first}x${second}${third}`;
      expect(copyFields([text])).toBe(reference(text));
      expect(copyFields([[text]])).toBe(reference(`{"${text.replace(/["\\]/g, '\\$&')}"}`));
    }
  });
});
