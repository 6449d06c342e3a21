// Importing a past survey's export as a run of a series, so last year's results join the trend.
// All or nothing: any problem in the file refuses the whole import with its row and column. The
// same file imported again changes nothing (the file's SHA-256 is remembered).
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { isUniqueViolation } from '@/server/lib/db-errors';
import { CsvError, parseCsvText, type CsvTable } from '@/server/lib/csv';
import { readSurveyExport, summarizeColumns, parseDateCell, type ColumnMapping } from './parse-survey-export';
import * as queries from './queries';
import * as results from './queries-results';
import { quarterOf } from './rules';

export const MAX_IMPORT_CHARS = 10_000_000;

function readTable(text: string): CsvTable {
  try {
    return parseCsvText(text);
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('BAD_REQUEST', error.problem.message, { details: { problems: [error.problem] } });
    throw error;
  }
}

const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/** Series a past run can join, with the questions a column can be mapped onto. */
async function listSeriesChoices(db: Db) {
  const series = await queries.listSeries(db);
  const questions = await results.listSeriesQuestions(db, { seriesIds: series.map((entry) => entry.series_id) });
  const quarters = await Promise.all(series.map((entry) => queries.listSeriesRuns(db, { seriesId: entry.series_id })));
  return series.map((entry, index) => ({
    seriesId: entry.series_id,
    title: entry.title,
    quarters: quarters[index].map((run) => run.quarter),
    questions: questions
      .filter((question) => question.series_id === entry.series_id)
      .map((question) => ({ seriesKey: question.series_key, kind: question.kind, prompt: question.prompt })),
  }));
}

/** What the file holds and what each column looks like, for the mapping step; writes nothing. */
export async function previewSurveyImport(db: Db, input: { fileName: string; text: string }) {
  const table = readTable(input.text);
  const columns = summarizeColumns(table);
  const dateColumn = columns.find((column) => column.suggested.kind === 'date');
  const days = dateColumn
    ? table.records
        .map((record) => parseDateCell(record.cells[dateColumn.column] ?? '', 'month-first') ?? parseDateCell(record.cells[dateColumn.column] ?? '', 'day-first'))
        .filter((day): day is string => day !== null)
        .sort()
    : [];
  const existing = await queries.findImportByHash(db, { sha256: sha256Of(input.text) });
  return {
    rowCount: table.records.length,
    columns,
    firstDay: days[0] ?? null,
    lastDay: days[days.length - 1] ?? null,
    suggestedQuarter: days[0] ? quarterOf(days[0]) : null,
    suggestedTitle: input.fileName.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim().slice(0, 200) || 'Imported survey',
    alreadyImported: existing ? { surveyId: existing.survey_id, title: existing.title, quarter: existing.quarter, rowCount: existing.row_count } : null,
    series: await listSeriesChoices(db),
  };
}

export interface SurveyImportInput {
  fileName: string;
  text: string;
  title: string;
  quarter: string;
  /** Joins the runs of this series (its trend); null starts a new series. */
  seriesId: string | null;
  invitedCount: number | null;
  /** The day given to rows without a date (or to every row when no column is the date). */
  closesOn: string | null;
  mapping: ColumnMapping[];
  createdBy: string | null;
}

const CHUNK = 1000;

export async function importSurvey(db: Db, input: SurveyImportInput) {
  const sha256 = sha256Of(input.text);
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await queries.findImportByHash(trx, { sha256 });
      if (existing) return { surveyId: existing.survey_id, responseCount: existing.row_count, isAlreadyImported: true };

      const table = readTable(input.text);
      if (input.seriesId) {
        const runs = await queries.listSeriesRuns(trx, { seriesId: input.seriesId });
        if (runs.length === 0) throw new AppError('NOT_FOUND', 'The survey this import should join no longer exists. Choose again.', { field: 'seriesId' });
        if (runs.some((run) => run.quarter === input.quarter)) {
          throw new AppError('CONFLICT', `This survey already has a run for ${input.quarter}. Choose the quarter the file is from.`, { field: 'quarter' });
        }
      }
      const seriesQuestions = input.seriesId
        ? (await results.listSeriesQuestions(trx, { seriesIds: [input.seriesId] })).map((question) => ({
            seriesKey: question.series_key,
            kind: question.kind,
            prompt: question.prompt,
            options: question.options,
          }))
        : [];
      const read = readSurveyExport(table, { mapping: input.mapping, seriesQuestions, fallbackDay: input.closesOn });
      if (read.problems.length > 0) {
        const first = read.problems[0];
        throw new AppError(
          'BAD_REQUEST',
          `Nothing was imported: the file has ${read.problems.length}${read.problems.length >= 500 ? '+' : ''} problem${read.problems.length === 1 ? '' : 's'}. ` +
            `First: row ${first.row}${first.column ? `, column "${first.column}"` : ''}: ${first.message}`,
          { details: { problems: read.problems } },
        );
      }

      const survey = await queries.insertSurvey(trx, {
        series_id: input.seriesId ?? randomUUID(),
        slug: `imported-${randomUUID()}`,
        title: input.title,
        intro: '',
        quarter: input.quarter,
        opens_on: read.firstDay!,
        closes_on: read.lastDay!,
        asks_team: read.responses.some((response) => response.team !== null),
        asks_tenure: read.responses.some((response) => response.tenureBand !== null),
        access: 'link',
        origin: 'import',
        invited_count: input.invitedCount,
        created_by: input.createdBy,
      });
      const inserted = await queries.insertQuestions(trx, {
        surveyId: survey.id,
        rows: read.questions.map((question, position) => ({
          series_key: question.seriesKey ?? randomUUID(),
          position,
          kind: question.kind,
          prompt: question.prompt,
          is_required: false,
          options: question.options,
        })),
      });
      const questionIdOf = new Map(read.questions.map((question, position) => [question.column, inserted.find((row) => row.position === position)!.id]));

      const responses = read.responses.map((response) => ({ ...response, id: randomUUID() }));
      for (let start = 0; start < responses.length; start += CHUNK) {
        await queries.insertResponses(trx, {
          rows: responses.slice(start, start + CHUNK).map((response) => ({
            id: response.id,
            survey_id: survey.id,
            submitted_on: response.submittedOn,
            team: response.team,
            tenure_band: response.tenureBand,
            origin: 'import' as const,
          })),
        });
      }
      const answers = responses.flatMap((response) =>
        response.answers.map((answer) => ({
          response_id: response.id,
          question_id: questionIdOf.get(answer.column)!,
          score: 'score' in answer ? answer.score : null,
          choices: 'choices' in answer ? answer.choices : null,
          text_value: 'text' in answer ? answer.text : null,
        })),
      );
      for (let start = 0; start < answers.length; start += CHUNK) {
        await queries.insertAnswers(trx, { rows: answers.slice(start, start + CHUNK) });
      }
      await queries.insertImport(trx, { surveyId: survey.id, fileName: input.fileName, sha256, rowCount: responses.length, createdBy: input.createdBy });
      return { surveyId: survey.id, responseCount: responses.length, isAlreadyImported: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `This survey already has a run for ${input.quarter}, or this file is being imported right now. Reload and check.`, {
        field: 'quarter',
      });
    }
    throw error;
  }
}
