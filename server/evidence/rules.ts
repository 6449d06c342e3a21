// What a valid piece of evidence is: limits, messages, and whether an excerpt really comes from
// its source. Pure.
import { z } from 'zod';

export const MAX_EXCERPT = 5000;
/** A month of minutes: more than that per occurrence is a typo, not a measurement. */
export const MAX_MINUTES_LOST = 43_200;
export const MAX_OCCURRENCES_PER_MONTH = 10_000;

export const SOURCE_KINDS = ['interview', 'shadowing', 'ticket', 'postmortem', 'survey', 'rating', 'request'] as const;

export const SOURCE_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  interview: 'Interview',
  shadowing: 'Shadowing',
  ticket: 'Ticket',
  postmortem: 'Post-mortem',
  survey: 'Survey',
  rating: 'Rating',
  request: 'Request',
};

export const excerptSchema = z
  .string({ message: 'Select the words that show the friction' })
  .trim()
  .min(1, 'The excerpt is empty: select the words that show the friction')
  .max(MAX_EXCERPT, `Keep the excerpt under ${MAX_EXCERPT} characters`);

export const minutesLostSchema = z
  .number({ message: 'Enter the minutes lost as a number' })
  .min(0, 'Minutes lost cannot be negative')
  .max(MAX_MINUTES_LOST, `More than a month (${MAX_MINUTES_LOST} minutes) per occurrence is not plausible; use occurrences per month instead`);

export const occurrencesSchema = z
  .number({ message: 'Enter how often it happens as a number' })
  .gt(0, 'It must happen more than 0 times a month')
  .max(MAX_OCCURRENCES_PER_MONTH, `Keep occurrences under ${MAX_OCCURRENCES_PER_MONTH} a month`);

export const severitySchema = z
  .number({ message: 'Choose a severity from 1 to 5' })
  .int('Choose a severity from 1 to 5')
  .min(1, 'Choose a severity from 1 to 5')
  .max(5, 'Choose a severity from 1 to 5');

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when the excerpt appears in the source text, ignoring differences in white space and case. */
export function isExcerptInSource(excerpt: string, sourceText: string): boolean {
  const needle = normalise(excerpt);
  return needle.length > 0 && normalise(sourceText).includes(needle);
}
