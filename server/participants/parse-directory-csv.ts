// Turns a directory CSV (`name,email,team,tenure,background`) into rows to import, with every
// problem named by row and column. Tenure may be a band, a length ("2 years", "18m", "1y 6m") or
// a date of joining (readTenure). Pure: text (and today's date) in, rows and problems out.
import type { TenureBand } from '@/db/types';
import { z } from 'zod';
import { CsvError, parseCsvText, type FileProblem } from '@/server/lib/csv';
import { readTenure } from '@/server/lib/tenure';

export const DIRECTORY_COLUMNS = ['name', 'email', 'team', 'tenure', 'background'] as const;
export const MAX_DIRECTORY_ROWS = 20_000;
export const MAX_TEAM_NAME = 80;
export const MAX_BACKGROUND = 60;

export interface DirectoryRow {
  row: number;
  name: string;
  email: string | null;
  team: string | null;
  tenureBand: TenureBand | null;
  background: string | null;
}

export interface ParsedDirectory {
  /** Data rows in the file (the header not counted). */
  recordCount: number;
  rows: DirectoryRow[];
  problems: FileProblem[];
  /**
   * True when a problem concerns the whole file (unreadable CSV, a missing column, too many rows,
   * no rows): then no row can be imported, even when bad rows may be skipped.
   */
  isFileRefused: boolean;
}

const emailSchema = z.email();

export function parseDirectoryCsv(text: string, today: Date = new Date()): ParsedDirectory {
  let table;
  try {
    table = parseCsvText(text);
  } catch (error) {
    if (error instanceof CsvError) return { recordCount: 0, rows: [], problems: [error.problem], isFileRefused: true };
    throw error;
  }

  const positions = new Map(table.header.map((name, index) => [name.toLowerCase(), index]));
  const missing = DIRECTORY_COLUMNS.filter((column) => !positions.has(column));
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column}"`).join(', ');
    return {
      recordCount: table.records.length,
      rows: [],
      problems: [
        {
          row: 1,
          message: `The header row is missing ${names}. The first row must name the columns: ${DIRECTORY_COLUMNS.join(',')}.`,
        },
      ],
      isFileRefused: true,
    };
  }
  if (table.records.length > MAX_DIRECTORY_ROWS) {
    return {
      recordCount: table.records.length,
      rows: [],
      problems: [{ row: 1, message: `The file has ${table.records.length} rows; the limit is ${MAX_DIRECTORY_ROWS}.` }],
      isFileRefused: true,
    };
  }

  const rows: DirectoryRow[] = [];
  const problems: FileProblem[] = [];
  const firstRowOfEmail = new Map<string, number>();
  const cell = (cells: string[], column: (typeof DIRECTORY_COLUMNS)[number]) =>
    (cells[positions.get(column)!] ?? '').trim();

  for (const { row, cells } of table.records) {
    const rowProblems: FileProblem[] = [];
    const problem = (column: string, message: string) => rowProblems.push({ row, column, message });

    const name = cell(cells, 'name');
    if (!name) problem('name', 'A name is required.');
    else if (name.length > 120) problem('name', 'The name is longer than 120 characters.');

    const rawEmail = cell(cells, 'email');
    const email = rawEmail === '' ? null : rawEmail;
    if (email && !emailSchema.safeParse(email).success) problem('email', `"${email}" is not a valid email address.`);
    if (email) {
      const key = email.toLowerCase();
      const earlier = firstRowOfEmail.get(key);
      if (earlier !== undefined) problem('email', `${email} already appears in row ${earlier}.`);
      else firstRowOfEmail.set(key, row);
    }

    const team = cell(cells, 'team') || null;
    if (team && team.length > MAX_TEAM_NAME) problem('team', `The team name is longer than ${MAX_TEAM_NAME} characters.`);

    const tenure = readTenure(cell(cells, 'tenure'), today);
    if ('problem' in tenure) problem('tenure', tenure.problem);
    const tenureBand = 'band' in tenure ? tenure.band : null;

    const background = cell(cells, 'background') || null;
    if (background && background.length > MAX_BACKGROUND) {
      problem('background', `The background is longer than ${MAX_BACKGROUND} characters.`);
    }

    if (rowProblems.length > 0) problems.push(...rowProblems);
    else rows.push({ row, name, email, team, tenureBand, background });
  }
  if (table.records.length === 0) {
    return { recordCount: 0, rows, problems: [{ row: 2, message: 'The file has a header but no developers.' }], isFileRefused: true };
  }
  return { recordCount: table.records.length, rows, problems, isFileRefused: false };
}
