// The preview the Imports page shows before anything is written: which export the first part of
// the file looks like, its columns, the mapping to ticket fields (suggested or the person's), and
// the first rows as tickets with their problems. Pure: a sample of the file in, a preview out.
import { compileMapping, mapCsvRow, mapGithubIssue, type RowProblem, type TicketRecord } from './map-ticket-row';
import { parseExportDate } from '@/server/lib/parse-dates';
import { FileError, looksBinaryText, MAX_COLUMNS, readCsvRows, readJsonItems, textChunks, tooManyColumns } from './read-records';
import {
  detectCsvFormat,
  suggestMapping,
  type ColumnMapping,
  type CsvTicketFormat,
  type ImportFormatName,
  type MappingOptions,
  type TicketFormat,
} from './ticket-formats';

export const PREVIEW_ROWS = 8;
export const MAX_SAMPLE_CHARS = 1_100_000;

export interface ImportPreview {
  detectedFormat: ImportFormatName | null;
  format: ImportFormatName | null;
  /** Column names in file order, each once, with how many columns carry it (Jira repeats some). */
  columns: { name: string; count: number }[];
  mapping: ColumnMapping | null;
  rows: { row: number; record: TicketRecord | null; problems: RowProblem[]; isPullRequest?: boolean }[];
  problems: RowProblem[];
  /** When no column is mapped to Created: other columns of dates (Updated, Resolved…) that can stand in. */
  dateStandIns: string[];
}

const MAX_STAND_INS = 5;

/** Columns whose sampled cells are all dates (at least one filled), the likeliest stand-ins first. */
export function findDateColumns(header: string[], rows: string[][], exclude: (string | null | undefined)[]): string[] {
  const found: string[] = [];
  header.forEach((name, index) => {
    if (!name || found.includes(name) || exclude.includes(name)) return;
    const cells = rows.map((cells) => cells[index]?.trim() ?? '').filter(Boolean);
    if (cells.length > 0 && cells.every((cell) => /\d/.test(cell) && parseExportDate(cell))) found.push(name);
  });
  const rank = (name: string) => (/updated|modified|changed/i.test(name) ? 0 : /resolved|closed|solved|done/i.test(name) ? 1 : 2);
  return found.sort((a, b) => rank(a) - rank(b)).slice(0, MAX_STAND_INS);
}

function detectFromText(fileName: string, sample: string): ImportFormatName | null {
  if (/\.(md|markdown)$/i.test(fileName)) return 'postmortem-markdown';
  const start = sample.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '[' || start === '{') return 'github';
  return null;
}

/** Reads up to `limit` items of a sample; a sample cut off mid-record ends the preview quietly. */
async function take<T>(items: AsyncIterable<T>, limit: number, isTruncated: boolean): Promise<{ items: T[]; problem: RowProblem | null }> {
  const out: T[] = [];
  try {
    for await (const item of items) {
      out.push(item);
      if (out.length >= limit) break;
    }
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    if (!isTruncated) return { items: out, problem: error.problem };
  }
  return { items: out, problem: null };
}

export async function previewImport(input: {
  fileName: string;
  sample: string;
  isTruncated: boolean;
  format?: ImportFormatName | null;
  mapping?: ColumnMapping | null;
  mappingOptions?: MappingOptions;
}): Promise<ImportPreview> {
  const empty = (problem: RowProblem, detectedFormat: ImportFormatName | null = null): ImportPreview => ({
    detectedFormat,
    format: input.format ?? detectedFormat,
    columns: [],
    mapping: null,
    rows: [],
    problems: [problem],
    dateStandIns: [],
  });
  if (input.sample.trim() === '') return empty({ row: 1, message: 'The file is empty.' });
  if (looksBinaryText(input.sample)) return empty({ row: 1, message: 'This file is not a CSV or JSON export (it contains binary data).' });

  const fromText = detectFromText(input.fileName, input.sample);
  if (fromText === 'postmortem-markdown') return { ...empty({ row: 1, message: '' }, fromText), problems: [] };
  if (fromText === 'github' || input.format === 'github') {
    const { items, problem } = await take(readJsonItems(textChunks(input.sample)), PREVIEW_ROWS, input.isTruncated);
    return {
      detectedFormat: fromText,
      format: input.format ?? fromText,
      columns: [],
      mapping: null,
      rows: items.map((item) => {
        const mapped = mapGithubIssue(item.value, item.row);
        if ('isPullRequest' in mapped) return { row: item.row, record: null, problems: [], isPullRequest: true };
        return { row: item.row, record: mapped.record ?? null, problems: mapped.problems ?? [] };
      }),
      problems: problem ? [problem] : [],
      dateStandIns: [],
    };
  }

  const { items, problem } = await take(readCsvRows(textChunks(input.sample)), PREVIEW_ROWS + 1, input.isTruncated);
  if (items.length === 0 && input.isTruncated && !problem) {
    return empty({ row: 1, message: `The header row does not end within the first megabyte: the file has far more columns than an export (at most ${MAX_COLUMNS.toLocaleString('en')}), or its quoting is broken.` });
  }
  if (items.length === 0) return empty(problem ?? { row: 1, message: 'The file has no header row.' });
  const [headerRow, ...dataRows] = items;
  const header = headerRow.cells.map((cell) => cell.trim());
  if (header.length > MAX_COLUMNS) return empty(tooManyColumns(header.length).problem);
  const detectedFormat = detectCsvFormat(header);
  const format = input.format ?? detectedFormat;
  const counts = new Map<string, number>();
  for (const name of header) counts.set(name, (counts.get(name) ?? 0) + 1);
  const columns = [...counts].map(([name, count]) => ({ name, count }));
  if (format === 'postmortem-csv' || format === 'postmortem-markdown') {
    return { detectedFormat, format, columns, mapping: null, rows: [], problems: problem ? [problem] : [], dateStandIns: [] };
  }
  const csvFormat = format as CsvTicketFormat;
  const mapping = input.mapping ?? suggestMapping(csvFormat, header);
  const compiled = compileMapping(csvFormat as TicketFormat, header, mapping, input.mappingOptions);
  const dateStandIns = mapping.created ? [] : findDateColumns(header, dataRows.map((row) => row.cells), Object.values(mapping));
  if (compiled.problems) return { detectedFormat, format, columns, mapping, rows: [], problems: compiled.problems, dateStandIns };
  const rows = dataRows.map(({ row, cells }) => {
    const mapped = mapCsvRow(compiled.compiled, cells, row);
    return { row, record: mapped.record ?? null, problems: mapped.problems ?? [] };
  });
  return { detectedFormat, format, columns, mapping, rows, problems: problem ? [problem] : [], dateStandIns };
}
