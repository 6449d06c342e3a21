// What a valid pain theme statement is. Pure.
import { z } from 'zod';

export const MAX_THEME_TITLE = 200;
export const MAX_THEME_DESCRIPTION = 5000;

export const themeTitleSchema = z
  .string({ message: 'Write the pain as a statement' })
  .trim()
  .min(1, 'Write the pain as a statement, e.g. "Setting up a new service takes two days"')
  .max(MAX_THEME_TITLE, `Keep the statement under ${MAX_THEME_TITLE} characters; put details in the description`);

export const themeDescriptionSchema = z
  .string()
  .trim()
  .max(MAX_THEME_DESCRIPTION, `Keep the description under ${MAX_THEME_DESCRIPTION} characters`);

/** The MVP is scoped to the top one or two themes; more would not be a focus. */
export const MAX_MVP_FOCUS = 2;

export const THEME_STATUSES = ['candidate', 'confirmed', 'archived'] as const;

export const THEME_STATUS_LABELS: Record<(typeof THEME_STATUSES)[number], string> = {
  candidate: 'Candidate',
  confirmed: 'Confirmed',
  archived: 'Archived',
};
