// Reads a past survey's export (Google Forms, SurveyGizmo/Alchemer, Typeform: one row per
// response, one column per question): suggests what each column is, then turns the rows into
// responses under a column-to-question mapping, with every problem by row and column. Pure.
import type { TenureBand } from '@/db/types';
import type { CsvTable, FileProblem } from '@/server/lib/csv';
import { withoutControlCharacters } from './answers';
import { parseTenureBand, TENURE_BANDS } from '@/server/lib/tenure';
import { isChoiceKind, isScaleKind, MAX_FREE_TEXT, MAX_IMPORTED_OPTIONS, MAX_OPTION, MAX_PROMPT, MAX_TEAM_LABEL, SCALE_RANGES, type QuestionKind } from './rules';

export type Separator = ',' | ';';

export type ColumnTarget =
  | { kind: 'skip' }
  | { kind: 'date' }
  | { kind: 'team' }
  | { kind: 'tenure' }
  | { kind: 'question'; questionKind: QuestionKind; separator?: Separator | null; seriesKey?: string | null };

export interface ColumnMapping {
  /** 0-based index of the column in the file (headers may repeat, indexes do not). */
  column: number;
  target: ColumnTarget;
}

export interface ColumnSummary {
  column: number;
  header: string;
  filled: number;
  distinct: number;
  samples: string[];
  suggested: ColumnTarget;
}

// ---- Values ----------------------------------------------------------------------------------

/** "3", " 4 ", "1 (very easy)", "5 - very difficult": the whole number a score cell starts with. */
export function parseScoreCell(cell: string): number | null {
  const match = /^\s*(-?\d+)(?:\s*\([^)]*\)|\s+[-–:]\s+\D.*)?\s*$/.exec(cell);
  return match ? Number(match[1]) : null;
}

/** Splits "Go, Java, AWS serverless (Lambda, Fargate)" on the separator, never inside brackets. */
export function splitChoices(cell: string, separator: Separator): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of cell) {
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
}

type DateOrder = 'month-first' | 'day-first';

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$/;
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ ,T].*)?$/;

function validDay(year: number, month: number, day: number): string | null {
  const value = new Date(Date.UTC(year, month - 1, day));
  if (value.getUTCFullYear() !== year || value.getUTCMonth() !== month - 1 || value.getUTCDate() !== day) return null;
  return value.toISOString().slice(0, 10);
}

/** The day of a timestamp cell ("2015-12-22 00:26:01", "12/13/2024 9:12:35"); its time is dropped. */
export function parseDateCell(cell: string, order: DateOrder): string | null {
  const text = cell.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slash = SLASH_DATE.exec(text);
  if (slash) {
    const [first, second] = [Number(slash[1]), Number(slash[2])];
    return order === 'month-first' ? validDay(Number(slash[3]), first, second) : validDay(Number(slash[3]), second, first);
  }
  return null;
}

/** Slash dates are month-first (US exports) unless some cell can only be day-first. */
function dateOrderOf(cells: string[]): DateOrder {
  for (const cell of cells) {
    const slash = SLASH_DATE.exec(cell.trim());
    if (slash && Number(slash[1]) > 12) return 'day-first';
  }
  return 'month-first';
}

// ---- Suggestions -----------------------------------------------------------------------------

function columnCells(table: CsvTable, column: number): string[] {
  return table.records.map((record) => (record.cells[column] ?? '').trim());
}

function suggestSeparator(header: string, filled: string[]): Separator | null {
  const withSemicolon = filled.filter((cell) => cell.includes(';')).length;
  if (withSemicolon > filled.length / 10) {
    const parts = new Set(filled.flatMap((cell) => splitChoices(cell, ';')));
    if (parts.size <= MAX_IMPORTED_OPTIONS && parts.size < new Set(filled).size) return ';';
  }
  const withComma = filled.filter((cell) => cell.includes(', ')).length;
  const saysSelectAll = /select all|all that apply|check all/i.test(header);
  if (saysSelectAll || withComma > filled.length / 5) {
    const parts = new Set(filled.flatMap((cell) => splitChoices(cell, ',')));
    const isShortChoices = [...parts].every((part) => part.length <= MAX_OPTION);
    if (isShortChoices && parts.size <= 60 && (saysSelectAll || parts.size * 2 <= new Set(filled).size)) return ',';
  }
  return null;
}

function suggestTarget(header: string, cells: string[], hasDateAlready: boolean): ColumnTarget {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length === 0) return { kind: 'skip' };
  const order = dateOrderOf(filled);
  if (filled.every((cell) => parseDateCell(cell, order) !== null)) {
    return !hasDateAlready && /submit|timestamp|date|time|ended|completed/i.test(header) ? { kind: 'date' } : { kind: 'skip' };
  }
  const scores = filled.map(parseScoreCell);
  if (scores.every((score) => score !== null)) {
    const values = scores as number[];
    const [min, max] = [Math.min(...values), Math.max(...values)];
    if (min >= 1 && max <= 5) return { kind: 'question', questionKind: 'scale_5' };
    if (min >= 1 && max <= 10) return { kind: 'question', questionKind: 'scale_10' };
    if (min >= 0 && max <= 10) return { kind: 'question', questionKind: 'enps' };
  }
  const distinct = new Set(filled);
  if (/tenure|how long have you (been|worked)|years at/i.test(header) && filled.every((cell) => parseTenureBand(cell))) return { kind: 'tenure' };
  if (/\bteam\b/i.test(header) && distinct.size <= 50 && filled.every((cell) => cell.length <= MAX_TEAM_LABEL)) return { kind: 'team' };
  const separator = suggestSeparator(header, filled);
  if (separator) return { kind: 'question', questionKind: 'multiple_choice', separator };
  const isShort = filled.every((cell) => cell.length <= MAX_OPTION);
  if (isShort && distinct.size <= 30 && distinct.size * 3 <= filled.length) return { kind: 'question', questionKind: 'single_choice' };
  return { kind: 'question', questionKind: 'free_text' };
}

/** What each column looks like, with a suggested target, for the mapping step. */
export function summarizeColumns(table: CsvTable): ColumnSummary[] {
  let hasDate = false;
  // The submission date is a better "when" than the start time, so look at those headers first.
  const order = table.header.map((header, column) => ({ header, column })).sort((a, b) => Number(/submit/i.test(b.header)) - Number(/submit/i.test(a.header)));
  const suggestions = new Map<number, ColumnTarget>();
  for (const { header, column } of order) {
    const suggested = suggestTarget(header, columnCells(table, column), hasDate);
    if (suggested.kind === 'date') hasDate = true;
    suggestions.set(column, suggested);
  }
  return table.header.map((header, column) => {
    const filled = columnCells(table, column).filter((cell) => cell !== '');
    const distinct = [...new Set(filled)];
    return { column, header, filled: filled.length, distinct: distinct.length, samples: distinct.slice(0, 3).map((cell) => cell.slice(0, 120)), suggested: suggestions.get(column)! };
  });
}

/** A question prompt from a column header: Google Forms puts examples on the following lines. */
export function promptOf(header: string): string {
  const firstLine = header.split(/\r?\n/)[0].trim() || header.trim() || 'Untitled question';
  return firstLine.length > MAX_PROMPT ? `${firstLine.slice(0, MAX_PROMPT - 1)}…` : firstLine;
}

// ---- Reading the rows ------------------------------------------------------------------------

/** How a problem names a column: its header's first line, shortened. */
export function columnLabelOf(table: CsvTable, column: number): string {
  const header = table.header[column];
  if (!header) return `column ${column + 1}`;
  const prompt = promptOf(header);
  return prompt.length > 80 ? `${prompt.slice(0, 79)}…` : prompt;
}

export interface ImportedQuestion {
  column: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  seriesKey: string | null;
}

export type ImportedAnswer = { column: number; score: number } | { column: number; choices: string[] } | { column: number; text: string };

export interface ImportedResponse {
  row: number;
  submittedOn: string;
  team: string | null;
  tenureBand: TenureBand | null;
  answers: ImportedAnswer[];
}

export interface ReadResult {
  questions: ImportedQuestion[];
  responses: ImportedResponse[];
  firstDay: string | null;
  lastDay: string | null;
  problems: FileProblem[];
}

export interface SeriesQuestion {
  seriesKey: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
}

const MAX_PROBLEMS = 500;

/**
 * Every row becomes one response (rows with no answer too: a past survey's partial responses
 * count in its response count). Dates keep only the day; rows without one get `fallbackDay`.
 */
export function readSurveyExport(
  table: CsvTable,
  input: { mapping: ColumnMapping[]; seriesQuestions: SeriesQuestion[]; fallbackDay: string | null },
): ReadResult {
  const problems: FileProblem[] = [];
  const problem = (row: number, column: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ row, column: columnLabelOf(table, column), message });
  };
  const mapping = input.mapping.filter((entry) => entry.target.kind !== 'skip');
  for (const entry of mapping) {
    if (entry.column < 0 || entry.column >= table.header.length) problems.push({ row: 1, message: `The file has no column number ${entry.column + 1}.` });
  }
  const columnsOf = (kind: ColumnTarget['kind']) => mapping.filter((entry) => entry.target.kind === kind).map((entry) => entry.column);
  for (const kind of ['date', 'team', 'tenure'] as const) {
    if (columnsOf(kind).length > 1) problems.push({ row: 1, message: `Only one column can be the ${kind === 'date' ? 'response date' : kind === 'team' ? 'team' : 'tenure band'}.` });
  }
  const seriesKeys = mapping.flatMap((entry) => (entry.target.kind === 'question' && entry.target.seriesKey ? [entry.target.seriesKey] : []));
  if (new Set(seriesKeys).size !== seriesKeys.length) problems.push({ row: 1, message: 'Two columns are mapped to the same question of the series.' });
  if (mapping.every((entry) => entry.target.kind !== 'question')) problems.push({ row: 1, message: 'Map at least one column to a question.' });
  if (problems.length > 0) return { questions: [], responses: [], firstDay: null, lastDay: null, problems };

  const dateColumn = columnsOf('date')[0];
  const teamColumn = columnsOf('team')[0];
  const tenureColumn = columnsOf('tenure')[0];
  const dateOrder = dateColumn === undefined ? 'month-first' : dateOrderOf(columnCells(table, dateColumn));
  if (dateColumn === undefined && !input.fallbackDay) {
    problems.push({ row: 1, message: 'Map a column to the response date, or give the day the survey closed.' });
  }

  const questions: ImportedQuestion[] = [];
  for (const entry of mapping) {
    const target = entry.target;
    if (target.kind !== 'question') continue;
    const series = target.seriesKey ? input.seriesQuestions.find((question) => question.seriesKey === target.seriesKey) : undefined;
    if (target.seriesKey && !series) {
      problem(1, entry.column, 'The question of the series this column is mapped to no longer exists. Choose again.');
      continue;
    }
    questions.push({
      column: entry.column,
      kind: series?.kind ?? target.questionKind,
      prompt: series?.prompt ?? promptOf(table.header[entry.column]),
      options: series ? [...series.options] : [],
      seriesKey: series?.seriesKey ?? null,
    });
  }
  const separatorOf = new Map(mapping.map((entry) => [entry.column, entry.target.kind === 'question' ? (entry.target.separator ?? ',') : ',']));

  const responses: ImportedResponse[] = [];
  const days: string[] = [];
  for (const record of table.records) {
    const cell = (column: number) => (record.cells[column] ?? '').trim();
    let submittedOn = input.fallbackDay ?? '';
    if (dateColumn !== undefined && cell(dateColumn) !== '') {
      const day = parseDateCell(cell(dateColumn), dateOrder);
      if (day) submittedOn = day;
      else problem(record.row, dateColumn, `"${cell(dateColumn).slice(0, 40)}" is not a date (use 2024-12-13 or 12/13/2024).`);
    }
    if (submittedOn) days.push(submittedOn);
    else if (dateColumn !== undefined && cell(dateColumn) === '') {
      problem(record.row, dateColumn, 'The date is empty. Give the day the survey closed, to use for rows without a date.');
    }

    let team: string | null = null;
    if (teamColumn !== undefined && cell(teamColumn) !== '') {
      team = cell(teamColumn);
      if (team.length > MAX_TEAM_LABEL) problem(record.row, teamColumn, `A team name must be under ${MAX_TEAM_LABEL} characters.`);
    }
    let tenureBand: TenureBand | null = null;
    if (tenureColumn !== undefined) {
      const band = parseTenureBand(cell(tenureColumn));
      if (band === undefined) problem(record.row, tenureColumn, `"${cell(tenureColumn).slice(0, 40)}" is not a tenure band. Use one of ${TENURE_BANDS.join(', ')}.`);
      else tenureBand = band;
    }

    const answers: ImportedAnswer[] = [];
    for (const question of questions) {
      const value = cell(question.column);
      if (value === '') continue;
      if (isScaleKind(question.kind)) {
        const { min, max } = SCALE_RANGES[question.kind];
        const score = parseScoreCell(value);
        if (score === null || score < min || score > max) {
          problem(record.row, question.column, `"${value.slice(0, 40)}" is not a score from ${min} to ${max}.`);
        } else answers.push({ column: question.column, score });
      } else if (isChoiceKind(question.kind)) {
        const choices = question.kind === 'multiple_choice' ? splitChoices(value, separatorOf.get(question.column) ?? ',') : [value];
        for (const choice of choices) {
          if (choice.length > MAX_OPTION) problem(record.row, question.column, `A choice longer than ${MAX_OPTION} characters: import this column as free text.`);
          else if (!question.options.includes(choice)) {
            if (question.seriesKey) problem(record.row, question.column, `"${choice.slice(0, 40)}" is not one of the choices of the series' question.`);
            else question.options.push(choice);
          }
        }
        answers.push({ column: question.column, choices: question.options.filter((option) => choices.includes(option)) });
      } else if (value.length > MAX_FREE_TEXT) {
        problem(record.row, question.column, `The answer is longer than ${MAX_FREE_TEXT.toLocaleString('en-US')} characters.`);
      } else answers.push({ column: question.column, text: withoutControlCharacters(value) });
    }
    responses.push({ row: record.row, submittedOn, team, tenureBand, answers });
  }
  for (const question of questions) {
    if (question.options.length > MAX_IMPORTED_OPTIONS) {
      problem(1, question.column, `This column has ${question.options.length} different choices (at most ${MAX_IMPORTED_OPTIONS}): import it as free text.`);
    }
  }
  if (table.records.length === 0) problems.push({ row: 2, message: 'The file has a header row but no responses.' });
  const sorted = [...days].sort();
  return { questions, responses, firstDay: sorted[0] ?? null, lastDay: sorted[sorted.length - 1] ?? null, problems };
}
