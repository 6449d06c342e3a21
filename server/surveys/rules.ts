// What a valid survey is: question kinds, limits and messages, quarters, and when a survey is
// open. Pure: used by the server and by the builder in the browser.
import { z } from 'zod';

export const QUESTION_KINDS = ['scale_10', 'scale_5', 'enps', 'single_choice', 'multiple_choice', 'free_text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  scale_10: 'Scale 1-10',
  scale_5: 'Scale 1-5',
  enps: 'Would recommend, 0-10 (eNPS)',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  free_text: 'Free text',
};

export const SCALE_RANGES = {
  scale_10: { min: 1, max: 10 },
  scale_5: { min: 1, max: 5 },
  enps: { min: 0, max: 10 },
} as const;

export type ScaleKind = keyof typeof SCALE_RANGES;
export const isScaleKind = (kind: QuestionKind): kind is ScaleKind => kind in SCALE_RANGES;
export const isChoiceKind = (kind: QuestionKind) => kind === 'single_choice' || kind === 'multiple_choice';

export const MAX_TITLE = 200;
export const MAX_INTRO = 2000;
export const MAX_PROMPT = 500;
export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 30;
/** Past surveys carry write-in answers as choices, so an imported question may hold more. */
export const MAX_IMPORTED_OPTIONS = 500;
export const MAX_OPTION = 200;
export const MAX_FREE_TEXT = 5000;
export const MAX_TEAM_LABEL = 120;
/** Any breakdown group with fewer responses than this is hidden. */
export const MIN_GROUP_SIZE = 5;

export const SATISFACTION_BANDS = { healthy: 7.5, warning: 6.5 } as const;

// ---- Dates and quarters ----------------------------------------------------------------------

const QUARTER = /^(\d{4})-Q([1-4])$/;

export const quarterSchema = z
  .string({ message: 'Enter a quarter like 2026-Q3' })
  .trim()
  .regex(QUARTER, 'Enter a quarter like 2026-Q3');

export const isoDateSchema = z.iso.date({ message: 'Use a date like 2026-03-31' });

/** Today as 'YYYY-MM-DD' in UTC: the only time a response or a rating keeps. */
export function todayOf(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function quarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function nextQuarter(quarter: string): string {
  const [, year, q] = QUARTER.exec(quarter)!;
  return Number(q) === 4 ? `${Number(year) + 1}-Q1` : `${year}-Q${Number(q) + 1}`;
}

export function quarterStart(quarter: string): string {
  const [, year, q] = QUARTER.exec(quarter)!;
  return `${year}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export type SurveyState = 'scheduled' | 'open' | 'closed';

export function surveyStateOf(survey: { opensOn: string; closesOn: string; closedOn: string | null }, today: string): SurveyState {
  if (survey.closedOn || today > survey.closesOn) return 'closed';
  if (today < survey.opensOn) return 'scheduled';
  return 'open';
}

/** A public link that reads well and cannot be guessed: "platform-satisfaction-k3v9q2xa". */
export function makeSlug(title: string, randomPart: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return words ? `${words}-${randomPart}` : randomPart;
}

// ---- The builder's input ---------------------------------------------------------------------

const optionText = z
  .string({ message: 'Write the choice' })
  .trim()
  .min(1, 'A choice cannot be empty')
  .max(MAX_OPTION, `Keep each choice under ${MAX_OPTION} characters`);

export const questionDraftSchema = z
  .object({
    /** Set for a question that is already saved. */
    id: z.uuid({ message: 'This question id is not valid' }).nullish(),
    kind: z.enum(QUESTION_KINDS, { message: 'Choose a question type' }),
    prompt: z
      .string({ message: 'Write the question' })
      .trim()
      .min(1, 'Write the question')
      .max(MAX_PROMPT, `Keep the question under ${MAX_PROMPT} characters`),
    isRequired: z.boolean(),
    options: z.array(optionText).max(MAX_OPTIONS, `Offer at most ${MAX_OPTIONS} choices`).default([]),
  })
  .superRefine((question, ctx) => {
    if (isChoiceKind(question.kind)) {
      if (question.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Offer at least two choices' });
      const seen = new Set<string>();
      question.options.forEach((option, index) => {
        const key = option.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['options', index], message: `"${option}" is offered twice` });
        seen.add(key);
      });
    } else if (question.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only choice questions have choices' });
    }
  });

export type QuestionDraft = z.infer<typeof questionDraftSchema>;

export const surveyDraftSchema = z
  .object({
    title: z
      .string({ message: 'Give the survey a title' })
      .trim()
      .min(1, 'Give the survey a title')
      .max(MAX_TITLE, `Keep the title under ${MAX_TITLE} characters`),
    intro: z.string().trim().max(MAX_INTRO, `Keep the introduction under ${MAX_INTRO} characters`).default(''),
    quarter: quarterSchema,
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
    asksTeam: z.boolean(),
    asksTenure: z.boolean(),
    access: z.enum(['link', 'invitation'], { message: 'Choose who can answer' }),
    /** An open link takes one answer per browser. Absent: on for a new survey, unchanged by an edit. */
    oneAnswerPerBrowser: z.boolean({ message: 'Say whether a browser may answer more than once' }).optional(),
    questions: z
      .array(questionDraftSchema)
      .min(1, 'Add at least one question')
      .max(MAX_QUESTIONS, `A survey holds at most ${MAX_QUESTIONS} questions`),
  })
  .superRefine((survey, ctx) => {
    if (survey.closesOn < survey.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'The survey must close on or after the day it opens' });
  });

export type SurveyDraft = z.infer<typeof surveyDraftSchema>;

/** The "Quarterly platform satisfaction" template: one 1-10 score and one piece of feedback. */
export function quarterlyTemplate(today: string): SurveyDraft {
  return {
    title: 'Quarterly platform satisfaction',
    intro:
      'Two questions, two minutes. Your answer is anonymous: we keep no name, email or address, only the day you answered. ' +
      'Results by team or tenure are shown only for groups of five or more.',
    quarter: quarterOf(today),
    opensOn: today,
    closesOn: addDays(today, 14),
    asksTeam: true,
    asksTenure: true,
    access: 'link',
    oneAnswerPerBrowser: true,
    questions: [
      {
        kind: 'scale_10',
        prompt: 'How would you rate the platform overall, from 1 (very poor) to 10 (excellent)?',
        isRequired: true,
        options: [],
      },
      { kind: 'free_text', prompt: 'What is the one thing we should improve?', isRequired: false, options: [] },
    ],
  };
}

export function blankSurvey(today: string): SurveyDraft {
  return {
    ...quarterlyTemplate(today),
    title: '',
    intro: '',
    asksTeam: false,
    asksTenure: false,
    questions: [{ kind: 'scale_10', prompt: '', isRequired: true, options: [] }],
  };
}

/** How each scale is worded on the form, so a respondent knows which end is good. */
export function scaleEnds(kind: ScaleKind): { low: string; high: string } {
  return kind === 'enps' ? { low: 'Not at all likely', high: 'Extremely likely' } : { low: 'Very poor', high: 'Excellent' };
}

/** The score a survey is summed up by: its first 1-10 question, else its first other scale. */
export function headlineOf<T extends { kind: QuestionKind }>(questions: T[]): T | undefined {
  return questions.find((question) => question.kind === 'scale_10') ?? questions.find((question) => isScaleKind(question.kind));
}

// ---- A submission ----------------------------------------------------------------------------

/** The largest response body the public endpoint reads; a 50-question survey fits many times. */
export const MAX_RESPONSE_BYTES = 200_000;

/**
 * The marker a browser keeps after answering an open link: its name says which survey, its value
 * is only '1'. Nothing of the response (no id, no time) is in it and nothing on the server refers
 * to it, so it cannot link the browser to its answer. The form keeps the same in local storage.
 */
export function answeredMarkerName(slug: string): string {
  return `fl_answered_${slug.replace(/[^a-z0-9-]/g, '')}`;
}
export const ANSWERED_MARKER_VALUE = '1';
/** Chromium keeps a cookie at most 400 days; a survey runs for weeks. */
export const ANSWERED_MARKER_MAX_AGE_SECONDS = 400 * 86_400;

/** The shape of a submission; each answer is checked against its question in answers.ts. */
export const submissionSchema = z.object({
  answers: z
    .record(z.string().max(64, 'This question id is not valid'), z.unknown(), { message: 'Send the answers as an object of question id to answer' })
    .refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS, `A survey holds at most ${MAX_QUESTIONS} questions`),
  team: z.string().trim().max(MAX_TEAM_LABEL, 'Choose one of the teams listed').nullish(),
  tenureBand: z.enum(['<1y', '1-3y', '3-5y', '5y+'], { message: 'Choose one of the tenure bands listed' }).nullish(),
  invitation: z.string().trim().max(200, 'This invitation link is not valid').nullish(),
});

export type Submission = z.infer<typeof submissionSchema>;
