// Survey rules: answers checked against questions, edits that would break collected answers,
// quarters and states, the builder's schema, the export's CSV, and rating origins.
import { describe, expect, it } from 'vitest';
import { checkAnswers, type QuestionToAnswer } from '@/server/surveys/answers';
import { findBreakingEdits } from '@/server/surveys/edit-rules';
import { csvOf, segmentsOf } from '@/server/surveys/export-csv';
import {
  addDays,
  headlineOf,
  makeSlug,
  nextQuarter,
  quarterlyTemplate,
  quarterOf,
  quarterStart,
  surveyDraftSchema,
  surveyStateOf,
} from '@/server/surveys/rules';
import { corsHeadersFor, normalizeOrigin, originsSchema, ratingBodySchema } from '@/server/ratings/rules';

const questions: QuestionToAnswer[] = [
  { id: 'score', kind: 'scale_10', isRequired: true, options: [] },
  { id: 'nps', kind: 'enps', isRequired: false, options: [] },
  { id: 'lang', kind: 'single_choice', isRequired: false, options: ['Go', 'Java'] },
  { id: 'tools', kind: 'multiple_choice', isRequired: false, options: ['CI', 'Deploys', 'Logs'] },
  { id: 'text', kind: 'free_text', isRequired: false, options: [] },
];

describe('answers', () => {
  it('turns valid answers into stored values, skipping blank optional ones', () => {
    const { answers, problems } = checkAnswers(questions, { score: 10, nps: 0, lang: 'Go', tools: ['Logs', 'CI'], text: '  Faster  ' });
    expect(problems).toEqual([]);
    expect(answers).toEqual([
      { questionId: 'score', score: 10, choices: null, text: null },
      { questionId: 'nps', score: 0, choices: null, text: null },
      { questionId: 'lang', score: null, choices: ['Go'], text: null },
      { questionId: 'tools', score: null, choices: ['CI', 'Logs'], text: null },
      { questionId: 'text', score: null, choices: null, text: 'Faster' },
    ]);
    expect(checkAnswers(questions, { score: 1, text: '   ', tools: [] }).answers).toHaveLength(1);
  });

  it.each([
    [{}, 'score', 'This question needs an answer.'],
    [{ score: 0 }, 'score', 'Choose a whole number from 1 to 10; "0" is not one.'],
    [{ score: 11 }, 'score', 'Choose a whole number from 1 to 10; "11" is not one.'],
    [{ score: 3.5 }, 'score', 'Choose a whole number from 1 to 10; "3.5" is not one.'],
    [{ score: 'ten' }, 'score', 'Choose a whole number from 1 to 10; "ten" is not one.'],
    [{ score: 5, nps: 11 }, 'nps', 'Choose a whole number from 0 to 10; "11" is not one.'],
    [{ score: 5, lang: 'Rust' }, 'lang', '"Rust" is not one of the choices.'],
    [{ score: 5, lang: ['Go'] }, 'lang', 'Choose one of the choices.'],
    [{ score: 5, tools: ['CI', 'Rust'] }, 'tools', '"Rust" is not one of the choices.'],
    [{ score: 5, tools: ['CI', 'CI'] }, 'tools', 'Choose each choice at most once.'],
    [{ score: 5, tools: 'CI' }, 'tools', 'Choose one or more of the choices.'],
    [{ score: 5, text: 42 }, 'text', 'Write the answer as text.'],
    [{ score: 5, text: 'x'.repeat(5001) }, 'text', 'Keep the answer under 5,000 characters (it has 5,001).'],
    [{ score: 5, elsewhere: 3 }, 'elsewhere', 'This answer is for a question that is not in this survey.'],
  ])('refuses %j', (submitted, questionId, message) => {
    expect(checkAnswers(questions, submitted).problems).toEqual([{ questionId, message }]);
  });

  it('removes control characters from free text', () => {
    expect(checkAnswers(questions, { score: 1, text: 'a\u0000b\u001bc\nd\te' }).answers[1]).toMatchObject({ text: 'abc\nd\te' });
  });
});

describe('edits once a survey has responses', () => {
  const saved = [
    { id: 'a', kind: 'scale_10' as const, prompt: 'Rate it', isRequired: true, options: [] },
    { id: 'b', kind: 'single_choice' as const, prompt: 'Language', isRequired: false, options: ['Go', 'Java'] },
  ];
  it('allows rewording, reordering, new choices and new optional questions', () => {
    expect(
      findBreakingEdits(saved, [
        { ...saved[1], prompt: 'Main language', options: ['Go', 'Java', 'Python'] },
        { ...saved[0], prompt: 'Rate the platform' },
        { kind: 'free_text', prompt: 'Why?', isRequired: false, options: [] },
      ]),
    ).toEqual([]);
  });

  it('refuses removing, retyping, removing a choice, requiring, and new required questions', () => {
    expect(findBreakingEdits(saved, [saved[0]])).toEqual(['"Language" already has answers, so it cannot be removed.']);
    expect(findBreakingEdits(saved, [{ ...saved[0], kind: 'scale_5' }, saved[1]])).toEqual([
      '"Rate it" already has answers as scale 1-10; it cannot become scale 1-5.',
    ]);
    expect(findBreakingEdits(saved, [saved[0], { ...saved[1], options: ['Go', 'JVM'] }])[0]).toMatch(/the choice "Java" may already be chosen/);
    expect(findBreakingEdits(saved, [saved[0], { ...saved[1], isRequired: true }])[0]).toMatch(/cannot become required/);
    expect(findBreakingEdits(saved, [...saved, { kind: 'free_text', prompt: 'Why?', isRequired: true, options: [] }])).toEqual([
      'New question "Why?" must be optional: earlier respondents never saw it.',
    ]);
  });
});

describe('quarters and states', () => {
  it('knows quarters', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(nextQuarter('2026-Q2')).toBe('2026-Q3');
    expect(quarterStart('2026-Q4')).toBe('2026-10-01');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });

  it('is open from its opening day to its closing day, unless closed early', () => {
    const survey = { opensOn: '2026-03-01', closesOn: '2026-03-14', closedOn: null };
    expect(surveyStateOf(survey, '2026-02-28')).toBe('scheduled');
    expect(surveyStateOf(survey, '2026-03-01')).toBe('open');
    expect(surveyStateOf(survey, '2026-03-14')).toBe('open');
    expect(surveyStateOf(survey, '2026-03-15')).toBe('closed');
    expect(surveyStateOf({ ...survey, closedOn: '2026-03-05' }, '2026-03-06')).toBe('closed');
  });

  it('makes readable slugs that cannot be guessed', () => {
    expect(makeSlug('Quarterly platform satisfaction — Q3 2026!', 'k3v9q2xa')).toBe('quarterly-platform-satisfaction-q3-2026-k3v9q2xa');
    expect(makeSlug('Équipe données', 'abc')).toBe('equipe-donnees-abc');
    expect(makeSlug('!!!', 'abc')).toBe('abc');
  });
});

describe('the builder', () => {
  it('accepts the quarterly template, whose headline is its 1-10 score', () => {
    const template = quarterlyTemplate('2026-11-26');
    expect(surveyDraftSchema.parse(template)).toMatchObject({ quarter: '2026-Q4', closesOn: '2026-12-10' });
    expect(template.questions.map((question) => question.kind)).toEqual(['scale_10', 'free_text']);
    expect(headlineOf(template.questions)?.kind).toBe('scale_10');
    expect(headlineOf([{ kind: 'free_text' }, { kind: 'enps' }])?.kind).toBe('enps');
  });

  it('names what is wrong with a draft', () => {
    const result = surveyDraftSchema.safeParse({
      ...quarterlyTemplate('2026-11-26'),
      quarter: 'Q3',
      closesOn: '2026-11-01',
      questions: [
        { kind: 'single_choice', prompt: 'Pick', isRequired: true, options: ['A', 'a'] },
        { kind: 'scale_10', prompt: '', isRequired: true, options: ['x'] },
      ],
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({
      quarter: 'Enter a quarter like 2026-Q3',
      'questions.0.options.1': '"a" is offered twice',
      'questions.1.prompt': 'Write the question',
      'questions.1.options': 'Only choice questions have choices',
      closesOn: 'The survey must close on or after the day it opens',
    });
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    expect(csvOf([['a,b', 'say "hi"', 'line\nbreak', '=SUM(A1)', '-1', 'plain']])).toBe(`"a,b","say ""hi""","line\nbreak",'=SUM(A1),'-1,plain\r\n`);
  });

  it('splits search highlights into segments', () => {
    expect(segmentsOf('Slow \u0001deploys\u0002 and \u0001deploy\u0002 docs')).toEqual([
      { text: 'Slow ', isMatch: false },
      { text: 'deploys', isMatch: true },
      { text: ' and ', isMatch: false },
      { text: 'deploy', isMatch: true },
      { text: ' docs', isMatch: false },
    ]);
  });
});

describe('ratings', () => {
  it('normalises origins and refuses anything else', () => {
    expect(normalizeOrigin('https://Backstage.example.com/')).toBe('https://backstage.example.com');
    expect(normalizeOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    expect(normalizeOrigin('https://example.com/path')).toBeNull();
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(normalizeOrigin('backstage.example.com')).toBeNull();
    expect(originsSchema.parse(['https://a.example.com', ' ', 'https://A.example.com/'])).toEqual(['https://a.example.com']);
  });

  it('reads a rating body: whole scores 1-5, a comment trimmed or dropped', () => {
    expect(ratingBodySchema.parse({ flow: 'create-service', score: 5, comment: '  \u0000ok ' })).toEqual({ flow: 'create-service', score: 5, comment: 'ok' });
    expect(ratingBodySchema.parse({ flow: 'create-service', score: 1, comment: '   ' }).comment).toBeNull();
    for (const score of [0, 6, 3.5, 'ten', null]) expect(ratingBodySchema.safeParse({ flow: 'x', score }).success).toBe(false);
  });

  it('gives CORS headers only to an allowed origin', () => {
    expect(corsHeadersFor('https://a.example.com', true)).toEqual({ 'access-control-allow-origin': 'https://a.example.com', vary: 'Origin' });
    expect(corsHeadersFor('https://a.example.com', false)).toEqual({});
    expect(corsHeadersFor(null, true)).toEqual({});
  });
});
