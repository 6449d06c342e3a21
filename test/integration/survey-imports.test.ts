// Importing past survey exports: both real fixtures (a Google Forms and a SurveyGizmo export)
// import with every row and their free text searchable; a run joins a series' trend; a bad
// score column is refused by row and column with nothing written; the same file twice is a no-op.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { addDays, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'surveys', name), 'utf8');

let handle: DbHandle;
let editor: Caller;
startWorkspace({}, (ws) => ({ handle, editor } = ws));

type Preview = Awaited<ReturnType<typeof editor.surveys.previewImport>>;
const suggestedMapping = (preview: Preview) => preview.columns.map((column) => ({ column: column.column, target: column.suggested }));
const count = async (table: 'surveys' | 'survey_responses' | 'survey_answers') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the OpenTelemetry developer-experience survey (Google Forms export)', () => {
  const fileName = 'otel-devex-survey-2024.csv';
  const text = fixture(fileName);
  let surveyId: string;

  it('suggests what each column holds', async () => {
    const preview = await editor.surveys.previewImport({ fileName, text });
    expect(preview.rowCount).toBe(217);
    expect(preview).toMatchObject({ firstDay: '2024-12-13', suggestedQuarter: '2024-Q4', alreadyImported: null });
    const kinds = Object.fromEntries(preview.columns.map((column) => [column.header.split('\n')[0].slice(0, 40), column.suggested]));
    expect(kinds['Timestamp']).toEqual({ kind: 'date' });
    expect(kinds['What type of team do you work on?']).toEqual({ kind: 'team' });
    expect(kinds['How complex was it to get started operat']).toEqual({ kind: 'question', questionKind: 'scale_5' });
    expect(kinds['What programming languages are you using']).toEqual({ kind: 'question', questionKind: 'multiple_choice', separator: ',' });
    expect(kinds['Are you running OpenTelemetry in Product']).toEqual({ kind: 'question', questionKind: 'single_choice' });
    expect(kinds['What could be changed to improve the dev']).toEqual({ kind: 'question', questionKind: 'free_text' });
  });

  it('imports every row, and the free-text answers are searchable', async () => {
    const preview = await editor.surveys.previewImport({ fileName, text });
    const result = await editor.surveys.import({ fileName, text, title: 'OpenTelemetry DevEx survey', quarter: '2024-Q4', mapping: suggestedMapping(preview) });
    expect(result).toMatchObject({ responseCount: 217, isAlreadyImported: false });
    surveyId = result.surveyId;

    const survey = await editor.surveys.get({ id: surveyId });
    expect(survey).toMatchObject({ origin: 'import', responseCount: 217, opensOn: '2024-12-13', state: 'closed' });
    const results = await editor.surveys.results({ id: surveyId });
    const operating = results.questions.find((question) => question.prompt.startsWith('How complex was it to get started operating'))!;
    // 199 rows answered it, some as "1 (very easy)" and "5 (very difficult)".
    expect(operating.answerCount).toBe(199);
    expect(operating.scale!.distribution.reduce((sum, bar) => sum + bar.count, 0)).toBe(199);
    const languages = results.questions.find((question) => question.prompt.startsWith('What programming languages'))!;
    expect(languages.choices!.map((choice) => choice.option)).toEqual(expect.arrayContaining(['Go', 'Java', 'Python']));
    const platforms = results.questions.find((question) => question.prompt.startsWith('Which platforms'))!;
    expect(platforms.choices!.map((choice) => choice.option)).toContain('AWS serverless environments (Lambda, Fargate, etc.)');
    expect(results.breakdowns.team!.length).toBeGreaterThan(0);

    const search = await editor.surveys.freeText({ id: surveyId, search: 'documentation' });
    expect(search.total).toBeGreaterThan(5);
    expect(search.rows.every((row) => /document/i.test(row.text))).toBe(true);
    const improve = results.questions.find((question) => question.prompt.startsWith('What could be changed to improve'))!;
    expect(improve.prompt).toBe('What could be changed to improve the developer experience? For example:');
    expect((await editor.surveys.freeText({ id: surveyId, questionId: improve.id, limit: 200 })).total).toBe(216);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = [await count('surveys'), await count('survey_responses'), await count('survey_answers')];
    const preview = await editor.surveys.previewImport({ fileName, text });
    expect(preview.alreadyImported).toMatchObject({ surveyId, rowCount: 217 });
    const again = await editor.surveys.import({ fileName, text, title: 'Again', quarter: '2024-Q4', mapping: suggestedMapping(preview) });
    expect(again).toEqual({ surveyId, responseCount: 217, isAlreadyImported: true });
    expect([await count('surveys'), await count('survey_responses'), await count('survey_answers')]).toEqual(before);
  });
});

describe('the Jupyter Notebook UX survey (SurveyGizmo export)', () => {
  it('imports all 1,706 rows, partial responses included, with searchable pain points', async () => {
    const fileName = 'jupyter-notebook-ux-survey-2015.csv';
    const text = fixture(fileName);
    const preview = await editor.surveys.previewImport({ fileName, text });
    expect(preview.rowCount).toBe(1706);
    const date = preview.columns.find((column) => column.suggested.kind === 'date')!;
    expect(date.header).toBe('Date Submitted');
    const words = preview.columns.find((column) => column.header.startsWith('Select all the words'))!;
    expect(words.suggested).toEqual({ kind: 'question', questionKind: 'multiple_choice', separator: ';' });

    const result = await editor.surveys.import({ fileName, text, title: 'Jupyter Notebook UX survey', quarter: '2015-Q4', mapping: suggestedMapping(preview) });
    expect(result.responseCount).toBe(1706);
    expect(await handle.db.selectFrom('survey_responses').select('id').where('survey_id', '=', result.surveyId).execute()).toHaveLength(1706);

    const hinders = (await editor.surveys.get({ id: result.surveyId })).questions.find((question) => question.prompt.startsWith('What, if anything, hinders you'))!;
    expect(hinders.kind).toBe('free_text');
    const found = await editor.surveys.freeText({ id: result.surveyId, questionId: hinders.id, search: 'version control' });
    expect(found.total).toBeGreaterThan(0);
    expect(found.rows[0].segments.some((segment) => segment.isMatch)).toBe(true);
    expect((await editor.surveys.freeText({ id: result.surveyId, questionId: hinders.id })).total).toBe(764);
  });
});

describe('a past run in a series', () => {
  it('joins the trend of the quarterly survey, mapped onto its score question', async () => {
    const today = todayOf();
    const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), quarter: '2026-Q1', opensOn: addDays(today, -1) });
    const current = await editor.surveys.get({ id });
    const [score, improve] = current.questions;
    const csv = [
      'Timestamp,Rate the platform 1-10,One thing to improve,Team',
      '2025-11-03 10:00:00,6,"Builds are slow, often 40 minutes",Payments',
      '2025-11-04 11:00:00,7,,Search',
      '2025-11-05 09:30:00,8,Docs,Payments',
    ].join('\n');
    const preview = await editor.surveys.previewImport({ fileName: 'q4-2025.csv', text: csv });
    expect(preview.series.find((series) => series.seriesId === current.seriesId)!.questions.map((question) => question.seriesKey)).toEqual(
      expect.arrayContaining([score.seriesKey, improve.seriesKey]),
    );
    const result = await editor.surveys.import({
      fileName: 'q4-2025.csv',
      text: csv,
      title: 'Platform satisfaction Q4 2025',
      quarter: '2025-Q4',
      seriesId: current.seriesId,
      invitedCount: 12,
      mapping: [
        { column: 0, target: { kind: 'date' } },
        { column: 1, target: { kind: 'question', questionKind: 'scale_10', seriesKey: score.seriesKey } },
        { column: 2, target: { kind: 'question', questionKind: 'free_text', seriesKey: improve.seriesKey } },
        { column: 3, target: { kind: 'team' } },
      ],
    });
    expect(result.responseCount).toBe(3);
    const trend = await editor.surveys.trend({ id });
    expect(trend.points.map((point) => [point.quarter, point.mean, point.answerCount])).toEqual([
      ['2025-Q4', 7, 3],
      ['2026-Q1', null, 0],
    ]);
    const imported = await editor.surveys.get({ id: result.surveyId });
    expect(imported.responseRate).toBe(0.25);
    expect(imported.questions.map((question) => question.prompt)).toEqual([score.prompt, improve.prompt]);

    const clash = await rejection(
      editor.surveys.import({ fileName: 'other.csv', text: `${csv}\n`, title: 'x', quarter: '2026-Q1', seriesId: current.seriesId, mapping: [{ column: 1, target: { kind: 'question', questionKind: 'scale_10' } }], closesOn: '2026-01-10' }),
    );
    expect(clash.message).toBe('This survey already has a run for 2026-Q1. Choose the quarter the file is from.');
  });
});

describe('bad files: the row and column of every problem, and nothing written', () => {
  it('refuses a mapped score column that holds text', async () => {
    const csv = ['Submitted,Score,Comment', '2025-06-01,7,fine', '2025-06-02,ten,meh', '2025-06-03,3.5,', '2025-06-04,11,x'].join('\n');
    const before = [await count('surveys'), await count('survey_responses')];
    const error = await rejection(
      editor.surveys.import({
        fileName: 'bad.csv',
        text: csv,
        title: 'Bad scores',
        quarter: '2025-Q2',
        mapping: [
          { column: 0, target: { kind: 'date' } },
          { column: 1, target: { kind: 'question', questionKind: 'scale_10' } },
          { column: 2, target: { kind: 'question', questionKind: 'free_text' } },
        ],
      }),
    );
    expect(error.message).toBe('Nothing was imported: the file has 3 problems. First: row 3, column "Score": "ten" is not a score from 1 to 10.');
    const problems = (error as unknown as { cause: { details: { problems: unknown[] } } }).cause.details.problems;
    expect(problems).toEqual([
      { row: 3, column: 'Score', message: '"ten" is not a score from 1 to 10.' },
      { row: 4, column: 'Score', message: '"3.5" is not a score from 1 to 10.' },
      { row: 5, column: 'Score', message: '"11" is not a score from 1 to 10.' },
    ]);
    expect([await count('surveys'), await count('survey_responses')]).toEqual(before);
  });

  it('names a bad date, a missing date, a bad tenure band and a broken or binary file', async () => {
    const attempt = (text: string, mapping: { column: number; target: { kind: 'date' | 'tenure' } | { kind: 'question'; questionKind: 'scale_5' } }[], closesOn?: string) =>
      rejection(editor.surveys.import({ fileName: 'x.csv', text, title: 'x', quarter: '2025-Q1', mapping, closesOn }));
    const dated = await attempt('When,Score\nyesterday,3\n', [{ column: 0, target: { kind: 'date' } }, { column: 1, target: { kind: 'question', questionKind: 'scale_5' } }]);
    expect(dated.message).toContain('row 2, column "When": "yesterday" is not a date');
    const undated = await attempt('Score\n3\n', [{ column: 0, target: { kind: 'question', questionKind: 'scale_5' } }]);
    expect(undated.message).toContain('Map a column to the response date, or give the day the survey closed.');
    const tenure = await attempt('Score,Tenure\n3,forever\n', [{ column: 0, target: { kind: 'question', questionKind: 'scale_5' } }, { column: 1, target: { kind: 'tenure' } }], '2025-03-01');
    expect(tenure.message).toContain('"forever" is not a tenure band');
    const broken = await rejection(editor.surveys.previewImport({ fileName: 'x.csv', text: 'a,b\n"unclosed,1\n' }));
    expect(broken.message).toBe('Row 2: a quoted cell is never closed (a " is missing).');
    const binary = await rejection(editor.surveys.previewImport({ fileName: 'x.png', text: '\u0089PNG\u0000\u0000' }));
    expect(binary.message).toBe('This file is not a CSV text file (it contains binary data).');
  });
});
