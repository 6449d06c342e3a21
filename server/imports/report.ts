// The report of one import: counts, problems by row and column, and one sentence a person reads
// first. Pure.
import type { ImportFormat, ImportKind } from '@/db/types';
import type { RowProblem } from './map-ticket-row';

export const MAX_STORED_PROBLEMS = 1000;

export interface ImportCounts {
  fileBytes: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Rows identical to an earlier row with the same key, imported once. */
  repeated: number;
  /** Tickets imported without a creation date. */
  undated: number;
  participantsCreated: number;
  problemCount: number;
  problems: RowProblem[];
  notes: string[];
}

export interface ImportReport extends ImportCounts {
  batchId: string;
  kind: ImportKind;
  format: ImportFormat;
  fileName: string;
  status: 'completed' | 'failed';
  message: string;
}

export function emptyCounts(): ImportCounts {
  return { fileBytes: 0, rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0, repeated: 0, undated: 0, participantsCreated: 0, problemCount: 0, problems: [], notes: [] };
}

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

export function describeProblem(problem: RowProblem): string {
  const where = [problem.file && `file ${problem.file}`, `row ${problem.row}`, problem.column && `column "${problem.column}"`].filter(Boolean).join(', ');
  // Messages of unreadable files already start with their row.
  return /^(Row|Item|Line) \d/.test(problem.message) ? problem.message : `${where[0].toUpperCase()}${where.slice(1)}: ${problem.message}`;
}

export function summarizeReport(input: { status: 'completed' | 'failed'; counts: ImportCounts; unit: 'row' | 'file' }): string {
  const { counts } = input;
  if (input.status === 'failed') {
    const first = counts.problems[0];
    const firstText = first ? ` First: ${describeProblem(first)}` : '';
    return `Nothing was imported: ${plural(counts.problemCount, 'problem')} in the file.${firstText}`;
  }
  const parts = [`${counts.inserted.toLocaleString('en')} new`, `${counts.updated.toLocaleString('en')} updated`, `${counts.unchanged.toLocaleString('en')} unchanged`];
  if (counts.skipped) parts.push(`${counts.skipped.toLocaleString('en')} skipped`);
  if (counts.repeated) parts.push(`repeated in the file: ${counts.repeated.toLocaleString('en')}`);
  return `Imported ${plural(counts.rowsRead, input.unit)}: ${parts.join(', ')}.`;
}

export function addProblems(counts: ImportCounts, problems: RowProblem[]) {
  counts.problemCount += problems.length;
  for (const problem of problems) if (counts.problems.length < MAX_STORED_PROBLEMS) counts.problems.push(problem);
}
