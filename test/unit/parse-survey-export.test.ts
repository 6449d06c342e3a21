// Reading past survey exports: score cells with labels, choices split outside brackets, dates
// month- or day-first, suggestions per column, and problems by row and column.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '@/server/lib/csv';
import { parseDateCell, parseScoreCell, readSurveyExport, splitChoices, summarizeColumns } from '@/server/surveys/parse-survey-export';

describe('cells', () => {
  it.each([
    ['3', 3],
    [' 4 ', 4],
    ['1 (very easy)', 1],
    ['5 (very difficult)', 5],
    ['5 - very difficult', 5],
    ['ten', null],
    ['3.5', null],
    ['1-3', null],
    ['', null],
  ])('reads the score of %j as %j', (cell, score) => {
    expect(parseScoreCell(cell)).toBe(score);
  });

  it('splits choices on the separator but never inside brackets', () => {
    expect(splitChoices('Kubernetes, AWS serverless environments (Lambda, Fargate, etc.), VMs', ',')).toEqual([
      'Kubernetes',
      'AWS serverless environments (Lambda, Fargate, etc.)',
      'VMs',
    ]);
    expect(splitChoices('comfortable;intuitive;;quick;intuitive', ';')).toEqual(['comfortable', 'intuitive', 'quick']);
  });

  it('keeps only the day of a timestamp, in either order', () => {
    expect(parseDateCell('12/13/2024 9:12:35', 'month-first')).toBe('2024-12-13');
    expect(parseDateCell('13/12/2024', 'day-first')).toBe('2024-12-13');
    expect(parseDateCell('2015-12-22 00:26:01', 'month-first')).toBe('2015-12-22');
    expect(parseDateCell('2024-02-30', 'month-first')).toBeNull();
    expect(parseDateCell('yesterday', 'month-first')).toBeNull();
  });
});

describe('a file', () => {
  const table = parseCsvText(
    [
      'Timestamp,Your team,How easy was it? (1-5),Tools you use (select all that apply),Tenure,Anything else?',
      '13/12/2024 09:00,Payments,4,"CI, Deploys",1-3y,Builds are slow',
      '14/12/2024 10:00,Search,"5 (very easy)",CI,<1y,',
      '15/12/2024 11:00,,2,"Deploys, Logs (Loki, ELK)",5+,"Docs, docs, docs"',
    ].join('\n'),
  );

  it('suggests what each column holds, reading dates day-first when one must be', () => {
    expect(summarizeColumns(table).map((column) => column.suggested)).toEqual([
      { kind: 'date' },
      { kind: 'team' },
      { kind: 'question', questionKind: 'scale_5' },
      { kind: 'question', questionKind: 'multiple_choice', separator: ',' },
      { kind: 'tenure' },
      { kind: 'question', questionKind: 'free_text' },
    ]);
  });

  it('reads every row into a response', () => {
    const result = readSurveyExport(table, {
      mapping: summarizeColumns(table).map((column) => ({ column: column.column, target: column.suggested })),
      seriesQuestions: [],
      fallbackDay: null,
    });
    expect(result.problems).toEqual([]);
    expect(result.questions.map((question) => [question.kind, question.prompt, question.options])).toEqual([
      ['scale_5', 'How easy was it? (1-5)', []],
      ['multiple_choice', 'Tools you use (select all that apply)', ['CI', 'Deploys', 'Logs (Loki, ELK)']],
      ['free_text', 'Anything else?', []],
    ]);
    expect(result.responses).toEqual([
      { row: 2, submittedOn: '2024-12-13', team: 'Payments', tenureBand: '1-3y', answers: [{ column: 2, score: 4 }, { column: 3, choices: ['CI', 'Deploys'] }, { column: 5, text: 'Builds are slow' }] },
      { row: 3, submittedOn: '2024-12-14', team: 'Search', tenureBand: '<1y', answers: [{ column: 2, score: 5 }, { column: 3, choices: ['CI'] }] },
      { row: 4, submittedOn: '2024-12-15', team: null, tenureBand: '5y+', answers: [{ column: 2, score: 2 }, { column: 3, choices: ['Deploys', 'Logs (Loki, ELK)'] }, { column: 5, text: 'Docs, docs, docs' }] },
    ]);
    expect([result.firstDay, result.lastDay]).toEqual(['2024-12-13', '2024-12-15']);
  });

  it('names the row and column of every problem', () => {
    const result = readSurveyExport(table, {
      mapping: [
        { column: 0, target: { kind: 'date' } },
        { column: 1, target: { kind: 'question', questionKind: 'scale_10' } },
        { column: 4, target: { kind: 'question', questionKind: 'scale_5' } },
      ],
      seriesQuestions: [],
      fallbackDay: null,
    });
    expect(result.problems.slice(0, 2)).toEqual([
      { row: 2, column: 'Your team', message: '"Payments" is not a score from 1 to 10.' },
      { row: 2, column: 'Tenure', message: '"1-3y" is not a score from 1 to 5.' },
    ]);
  });

  it('refuses a mapping it cannot use', () => {
    const only = (mapping: Parameters<typeof readSurveyExport>[1]['mapping']) => readSurveyExport(table, { mapping, seriesQuestions: [], fallbackDay: null }).problems.map((problem) => problem.message);
    expect(only([{ column: 0, target: { kind: 'date' } }])).toEqual(['Map at least one column to a question.']);
    expect(only([{ column: 9, target: { kind: 'question', questionKind: 'free_text' } }])).toEqual(['The file has no column number 10.']);
    expect(only([{ column: 5, target: { kind: 'question', questionKind: 'free_text' } }])).toEqual([
      'Map a column to the response date, or give the day the survey closed.',
    ]);
    expect(
      only([
        { column: 2, target: { kind: 'question', questionKind: 'scale_5', seriesKey: '6f1c1f2e-8d55-4a38-9d3b-0d7c5e0b5a11' } },
      ]),
    ).toContain('The question of the series this column is mapped to no longer exists. Choose again.');
  });
});
