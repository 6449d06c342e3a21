// Reads CSV text that a person uploaded: byte-order mark, CRLF, quoted multi-line cells. Problems
// are reported with the spreadsheet row (the header is row 1) and column, never as a parser dump.
import { parse } from 'csv-parse/sync';

export interface FileProblem {
  /** 1-based row as a spreadsheet shows it; the header is row 1. */
  row: number;
  /** The column's header name, when the problem is about one cell. */
  column?: string;
  message: string;
}

export interface CsvTable {
  header: string[];
  records: { row: number; cells: string[] }[];
}

export class CsvError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message);
    this.name = 'CsvError';
  }
}

/** True when the text is not something a person would call a text file (a PNG, a zip, random bytes). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return true;
  let replacements = 0;
  for (const char of sample) if (char === '\uFFFD') replacements += 1;
  return replacements > Math.max(8, sample.length / 100);
}

const PARSER_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (a " is missing)',
  INVALID_OPENING_QUOTE: 'a quote " appears inside a cell that does not start with a quote',
  CSV_INVALID_CLOSING_QUOTE: 'text follows a closing quote " in the same cell',
};

type RowWithInfo = { record: string[]; info: { records: number } };

export function parseCsvText(text: string): CsvTable {
  if (looksBinary(text)) {
    throw new CsvError({ row: 1, message: 'This file is not a CSV text file (it contains binary data).' });
  }
  let rows: RowWithInfo[];
  try {
    // csv-parse's types do not know that `info: true` wraps each record with its position.
    const options = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true };
    rows = parse(text, options) as unknown as RowWithInfo[];
  } catch (error) {
    const failure = error as { code?: string; records?: number; index?: number };
    const row = (failure.records ?? 0) + 1;
    const reason = (failure.code && PARSER_MESSAGES[failure.code]) || 'the CSV cannot be read here';
    throw new CsvError({ row, message: `Row ${row}: ${reason}.` });
  }
  if (rows.length === 0) throw new CsvError({ row: 1, message: 'The file is empty: it needs a header row.' });
  const [first, ...rest] = rows;
  return {
    header: first.record.map((cell) => cell.trim()),
    records: rest
      .map((entry) => ({ row: entry.info.records, cells: entry.record }))
      .filter((entry) => entry.cells.some((cell) => cell.trim() !== '')),
  };
}
