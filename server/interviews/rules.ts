// What a valid interview and interview guide are: limits, messages, the fields an autosave may
// change and the spots (`#q-2`, `#notes`) evidence can be taken from. Pure.
import { z } from 'zod';
import type { InterviewStatus } from '@/db/types';
import { withoutNul } from '@/server/lib/text';

export const MAX_GUIDE_TITLE = 120;
export const MAX_PROMPT = 500;
export const MAX_QUESTIONS = 30;
/** Per answer and for the overall notes: a long interview fits; a pasted book does not. */
export const MAX_INTERVIEW_TEXT = 50_000;
export const INTERVIEW_STATUSES: readonly InterviewStatus[] = ['draft', 'complete'];

export const guideTitleSchema = z
  .string({ message: 'Give the guide a title' })
  .trim()
  .min(1, 'Give the guide a title')
  .max(MAX_GUIDE_TITLE, `Keep the title under ${MAX_GUIDE_TITLE} characters`);

export const promptSchema = z
  .string({ message: 'Write the question' })
  .trim()
  .min(1, 'A question is empty: write it or remove it')
  .max(MAX_PROMPT, `Keep each question under ${MAX_PROMPT} characters`);

export const questionsSchema = z
  .array(promptSchema)
  .min(1, 'A guide needs at least one question')
  .max(MAX_QUESTIONS, `A guide can have at most ${MAX_QUESTIONS} questions`);

export const interviewTextSchema = z
  .string()
  .transform(withoutNul)
  .pipe(z.string().max(MAX_INTERVIEW_TEXT, `Keep each answer and the notes under ${MAX_INTERVIEW_TEXT.toLocaleString('en-US')} characters`));

/** The interview date: a real day, not in the future (a day of slack for time zones). */
export function interviewDateProblem(value: string, today: Date = new Date()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'Use a date like 2026-03-31';
  const [year, month, day] = value.split('-').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return 'Use a date like 2026-03-31';
  if (year < 2000) return 'The interview date is before 2000; check the year';
  const tomorrow = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
  if (parsed.getTime() > tomorrow) return 'The interview date is in the future; record an interview once it has happened';
  return null;
}

export const interviewDateSchema = z
  .string({ message: 'Use a date like 2026-03-31' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = interviewDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

// ---- Spots in an interview -------------------------------------------------------------------

/** The anchor of an answer: `q-2` is the second question; `notes` the overall notes. */
export const answerAnchor = (position: number) => `q-${position}`;
export const NOTES_ANCHOR = 'notes';

/** The answer position an anchor points at, 'notes', or null when it is neither. */
export function parseInterviewAnchor(anchor: string): number | 'notes' | null {
  if (anchor === NOTES_ANCHOR) return 'notes';
  const match = /^q-([1-9]\d{0,2})$/.exec(anchor);
  return match ? Number(match[1]) : null;
}

// ---- Autosave fields ---------------------------------------------------------------------------

/**
 * The fields an autosave may change. Answers are `answer:<position>`; the rest are the
 * interview's own fields. Every value travels as text (or null for no interviewer).
 */
export const DETAIL_FIELDS = ['participantId', 'interviewedOn', 'interviewerId', 'status', 'notes'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export const FIELD_PATTERN = /^(participantId|interviewedOn|interviewerId|status|notes|answer:[1-9]\d{0,2})$/;

export const answerField = (position: number) => `answer:${position}`;

export function answerPositionOf(field: string): number | null {
  const match = /^answer:(\d+)$/.exec(field);
  return match ? Number(match[1]) : null;
}

/** A label for a field in messages: "answer 2", "the overall notes". */
export function describeField(field: string): string {
  const position = answerPositionOf(field);
  if (position !== null) return `the answer to question ${position}`;
  return (
    { participantId: 'the developer', interviewedOn: 'the date', interviewerId: 'the interviewer', status: 'the status', notes: 'the overall notes' } as Record<
      string,
      string
    >
  )[field] ?? field;
}
