// Text an export should not hold: NUL characters (PostgreSQL text cannot store them) are removed,
// and bytes that were not UTF-8 (decoded as U+FFFD) are kept as U+FFFD; both are counted with
// the first row and column, so the report says what changed instead of changing it silently. Pure.
import type { TicketRecord } from './map-ticket-row';

export interface TextTally {
  nulCells: number;
  invalidCells: number;
  firstNul: { row: number; column: string } | null;
  firstInvalid: { row: number; column: string } | null;
}

export const emptyTally = (): TextTally => ({ nulCells: 0, invalidCells: 0, firstNul: null, firstInvalid: null });

/** `value` without NUL characters; the tally counts the cell when it had one or a U+FFFD. */
export function cleanCell(value: string, at: { row: number; column: string }, tally: TextTally): string {
  if (value.includes('\uFFFD')) {
    tally.invalidCells += 1;
    tally.firstInvalid ??= at;
  }
  if (!value.includes('\u0000')) return value;
  tally.nulCells += 1;
  tally.firstNul ??= at;
  return value.replaceAll('\u0000', '');
}

/** The cells of a CSV row cleaned, each named by its header column. */
export function cleanCells(cells: string[], header: string[], row: number, tally: TextTally): string[] {
  return cells.map((cell, index) => (cell.includes('\u0000') || cell.includes('\uFFFD') ? cleanCell(cell, { row, column: header[index] ?? `column ${index + 1}` }, tally) : cell));
}

const STRING_FIELDS = ['externalKey', 'title', 'body', 'status', 'exportCategory', 'requesterName', 'requesterEmail'] as const;
const LIST_FIELDS = ['labels', 'components', 'comments'] as const;

/** A record mapped from JSON cleaned the same way, naming the field (JSON has no columns). */
export function cleanRecord(record: TicketRecord, row: number, tally: TextTally): TicketRecord {
  const needs = (value: string | null) => value !== null && (value.includes('\u0000') || value.includes('\uFFFD'));
  const isDirty = STRING_FIELDS.some((field) => needs(record[field])) || LIST_FIELDS.some((field) => record[field].some(needs));
  if (!isDirty) return record;
  const clean = { ...record };
  for (const field of STRING_FIELDS) {
    const value = record[field];
    if (value !== null) (clean as Record<string, unknown>)[field] = cleanCell(value, { row, column: field }, tally);
  }
  for (const field of LIST_FIELDS) clean[field] = record[field].map((value) => cleanCell(value, { row, column: field }, tally));
  return clean;
}

const where = (at: { row: number; column: string }) => `row ${at.row.toLocaleString('en')}, column "${at.column}"`;
const cells = (count: number) => `${count.toLocaleString('en')} cell${count === 1 ? '' : 's'}`;

/** The report's notes for what was cleaned. */
export function describeTally(tally: TextTally): string[] {
  const notes: string[] = [];
  if (tally.invalidCells > 0 && tally.firstInvalid) {
    notes.push(`${cells(tally.invalidCells)} had bytes that are not UTF-8; replaced with U+FFFD (first: ${where(tally.firstInvalid)}).`);
  }
  if (tally.nulCells > 0 && tally.firstNul) {
    notes.push(`${cells(tally.nulCells)} had NUL bytes; removed (first: ${where(tally.firstNul)}).`);
  }
  return notes;
}
