// Reads an uploaded export as a stream of records without holding the file in memory: CSV rows
// (BOM, CRLF, quoted multi-line cells, repeated header names) or the items of a JSON array or
// JSON Lines file. A file that cannot be read stops with a problem naming the row. Pure: bytes
// in, records out.
import { CsvTokenError, CsvTokenizer, type CsvProblemCode } from './csv-tokenizer';
import type { RowProblem } from './map-ticket-row';

export class FileError extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.message);
    this.name = 'FileError';
  }
}

/** More columns than any ticket system exports: a file this wide is refused after its header. */
export const MAX_COLUMNS = 10_000;

export function tooManyColumns(count: number): FileError {
  return new FileError({
    row: 1,
    message: `The header has ${count.toLocaleString('en')} columns; an export has at most ${MAX_COLUMNS.toLocaleString('en')}. Export only the columns you need.`,
  });
}

/** Largest single CSV record (one row with all its cells); a longer one is a broken file. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

const MAGIC: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a zip archive (or an Excel .xlsx workbook; save it as CSV first)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
];

/** Why the first bytes of a file show it is not a text export, or null when they look like text. */
export function describeBinary(head: Uint8Array): string | null {
  for (const [name, bytes] of MAGIC) if (bytes.every((byte, index) => head[index] === byte)) return name;
  return looksBinaryText(new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 64 * 1024))) ? 'binary data' : null;
}

/**
 * Whether decoded text is binary data rather than an export with a few bad bytes: many NULs or
 * replacement characters. A handful are cleaned and counted in the report instead (clean-text.ts).
 */
export function looksBinaryText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let odd = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code === 0 || code === 0xfffd) odd += 1;
  }
  // Many in a large sample, or a large share of a short one (the first bytes of an image).
  return odd > Math.max(8, sample.length / 100) || odd * 10 > sample.length;
}

/** Set once a decoded chunk holds a NUL or U+FFFD: only then are cells checked one by one. */
export interface TextFlags {
  hasOddText: boolean;
}

/** Bytes to text chunks: UTF-8, byte-order mark dropped, refused when the start is not text. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, flags: TextFlags = { hasOddText: false }): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let isFirst = true;
  let isEmpty = true;
  for await (const chunk of chunks) {
    if (chunk.byteLength === 0) continue;
    if (isFirst) {
      isFirst = false;
      const binary = describeBinary(chunk);
      if (binary) throw new FileError({ row: 1, message: `This file is ${binary}, not a CSV or JSON export.` });
    }
    const text = decoder.decode(chunk, { stream: true });
    if (!flags.hasOddText && (text.includes('\u0000') || text.includes('\uFFFD'))) flags.hasOddText = true;
    if (isEmpty && text.trim() !== '') isEmpty = false;
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) {
    if (rest.includes('\uFFFD')) flags.hasOddText = true;
    if (rest.trim() !== '') isEmpty = false;
    yield rest;
  }
  if (isEmpty) throw new FileError({ row: 1, message: 'The file is empty.' });
}

const CSV_MESSAGES: Record<CsvProblemCode, string> = {
  QUOTE_NOT_CLOSED: 'a quoted cell is never closed (a " is missing), so nothing after it can be read',
  QUOTE_IN_UNQUOTED_CELL: 'a quote " appears inside a cell that does not start with a quote',
  TEXT_AFTER_CLOSING_QUOTE: 'text follows a closing quote " in the same cell',
  RECORD_TOO_LARGE: `one row is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB, which means its quoting is broken`,
};

export interface CsvRow {
  /** The spreadsheet row: the header is row 1. */
  row: number;
  cells: string[];
}

function csvProblem(error: CsvTokenError, header: string[] | null): FileError {
  const row = error.records + 1;
  const column = header && error.records > 0 ? header[error.column] : undefined;
  return new FileError({ row, column, message: `Row ${row}${column ? `, column "${column}"` : ''}: ${CSV_MESSAGES[error.code]}.` });
}

/**
 * CSV rows of a text stream, header first. Rows whose cells are all empty are skipped. The next
 * chunk of text is read only when the consumer has taken every row of the last one, so memory
 * stays flat whatever the file size; the rows before a broken one are still handed out.
 */
export async function* readCsvRows(text: AsyncIterable<string>): AsyncGenerator<CsvRow> {
  const tokenizer = new CsvTokenizer(MAX_RECORD_BYTES);
  let row = 0;
  function* rows(records: string[][]): Generator<CsvRow> {
    for (const cells of records) {
      row += 1;
      if (row > 1 && !cells.some((cell) => cell.trim() !== '')) continue;
      yield { row, cells };
    }
  }
  const read = (take: () => string[][]) => {
    try {
      return take();
    } catch (error) {
      if (error instanceof CsvTokenError) throw csvProblem(error, tokenizer.header);
      throw error;
    }
  };
  for await (const chunk of text) yield* rows(read(() => tokenizer.push(chunk)));
  yield* rows(read(() => tokenizer.end()));
  // A problem found after the last rows of the text were handed out.
  yield* rows(read(() => tokenizer.end()));
}

// ---- JSON -----------------------------------------------------------------------------------------

/**
 * Splits the text of one JSON array into the text of its items as the chunks arrive, so an array of
 * a million issues never sits in memory whole.
 */
export class JsonArraySplitter {
  private state: 'before' | 'expect' | 'value' | 'after' | 'done' = 'before';
  private depth = 0;
  private isInString = false;
  private isEscaped = false;
  private isScalar = false;
  private current = '';
  private items = 0;

  push(text: string): string[] {
    const out: string[] = [];
    let start = this.state === 'value' ? 0 : -1;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index];
      const isSpace = char === ' ' || char === '\n' || char === '\r' || char === '\t';
      switch (this.state) {
        case 'before':
          if (isSpace) continue;
          if (char !== '[') throw new FileError({ row: 1, message: 'The file is not a JSON array of issues (it must start with "[").' });
          this.state = 'expect';
          continue;
        case 'expect':
          if (isSpace) continue;
          if (char === ']' && this.items === 0) {
            this.state = 'done';
            continue;
          }
          this.state = 'value';
          this.depth = 0;
          this.isScalar = char !== '{' && char !== '[';
          start = index;
          this.isInString = false;
          this.isEscaped = false;
          break;
        case 'after':
          if (isSpace) continue;
          if (char === ',') this.state = 'expect';
          else if (char === ']') this.state = 'done';
          else throw new FileError({ row: this.items + 1, message: `Item ${this.items + 1}: expected "," or "]" between items, found "${char}".` });
          continue;
        case 'done':
          if (isSpace) continue;
          throw new FileError({ row: this.items, message: 'There is text after the end of the JSON array.' });
        case 'value':
          break;
      }
      // Inside a value: find where it ends.
      if (this.isInString) {
        if (this.isEscaped) this.isEscaped = false;
        else if (char === '\\') this.isEscaped = true;
        else if (char === '"') {
          this.isInString = false;
          if (this.isScalar && this.depth === 0) {
            out.push(this.take(text, start, index + 1));
            start = -1;
          }
        }
        continue;
      }
      if (char === '"') {
        this.isInString = true;
        continue;
      }
      if (this.isScalar && this.depth === 0 && (char === ',' || char === ']' || isSpace)) {
        out.push(this.take(text, start, index));
        start = -1;
        index -= 1; // read the separator again in the 'after' state
        continue;
      }
      if (char === '{' || char === '[') this.depth += 1;
      else if (char === '}' || char === ']') {
        this.depth -= 1;
        if (this.depth === 0) {
          out.push(this.take(text, start, index + 1));
          start = -1;
        }
      }
    }
    if (this.state === 'value' && start >= 0) this.current += text.slice(start);
    return out;
  }

  private take(text: string, start: number, end: number): string {
    const value = this.current + text.slice(Math.max(0, start), end);
    this.current = '';
    this.items += 1;
    this.state = 'after';
    return value;
  }

  finish(): void {
    if (this.state === 'before') throw new FileError({ row: 1, message: 'The file is empty.' });
    if (this.state !== 'done') {
      throw new FileError({ row: this.items + 1, message: `The JSON array ends in the middle of item ${this.items + 1} (the file is cut off or a "]" is missing).` });
    }
  }
}

export interface JsonItem {
  /** The item's position in the array (1-based), or its line in a JSON Lines file. */
  row: number;
  value: unknown;
}

function parseItem(text: string, row: number, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FileError({ row, message: `${label} ${row} is not valid JSON (${(error as Error).message}).` });
  }
}

/** The items of a JSON array (`[...]`) or of a JSON Lines file (one object per line). */
export async function* readJsonItems(text: AsyncIterable<string>): AsyncGenerator<JsonItem> {
  let mode: 'unknown' | 'array' | 'lines' = 'unknown';
  const splitter = new JsonArraySplitter();
  let row = 0;
  let line = 0;
  let pending = '';
  for await (const chunk of text) {
    if (mode === 'unknown') {
      const firstChar = chunk.trimStart()[0];
      if (!firstChar) continue;
      if (firstChar === '[') mode = 'array';
      else if (firstChar === '{') mode = 'lines';
      else throw new FileError({ row: 1, message: 'This file is not JSON: a GitHub issues export starts with "[" (an array) or "{" (JSON Lines).' });
    }
    if (mode === 'array') {
      for (const item of splitter.push(chunk)) {
        row += 1;
        yield { row, value: parseItem(item, row, 'Item') };
      }
      continue;
    }
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      line += 1;
      const current = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (current) yield { row: line, value: parseItem(current, line, 'Line') };
      newline = pending.indexOf('\n');
    }
  }
  if (mode === 'array') splitter.finish();
  if (mode === 'lines' && pending.trim()) {
    line += 1;
    yield { row: line, value: parseItem(pending.trim(), line, 'Line') };
  }
  if (mode === 'unknown') throw new FileError({ row: 1, message: 'The file is empty.' });
}

/** Wraps an in-memory text as the stream the readers take (previews and tests). */
export async function* textChunks(text: string, size = 64 * 1024): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}
