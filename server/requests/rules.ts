// What a developer's roadmap request is: limits and messages for the public form and for triage,
// the boards (categories) requests are filed under, and the rate limits of public writes. Pure.
import { z } from 'zod';

export const MAX_REQUEST_TITLE = 120;
export const MAX_REQUEST_DETAILS = 4000;
export const MAX_DECLINE_REASON = 1000;
/** Suggestions start once the title has this many characters. */
export const MIN_SIMILAR_QUERY = 3;

/** Request submissions per client and window: enough for a person, not for a script. */
export const SUBMIT_LIMIT = { name: 'roadmap-request', limit: 10, windowSeconds: 600 };

export const requestTitleSchema = z
  .string({ message: 'Say in a few words what you need' })
  .trim()
  .min(1, 'Say in a few words what you need, e.g. "A preview environment for every pull request"')
  .max(MAX_REQUEST_TITLE, `Keep the title under ${MAX_REQUEST_TITLE} characters; put the rest in the details`);

export const requestDetailsSchema = z
  .string()
  .trim()
  .max(MAX_REQUEST_DETAILS, `Keep the details under ${MAX_REQUEST_DETAILS.toLocaleString('en')} characters`);

export const declineReasonSchema = z
  .string({ message: 'Explain why, in words the developer will read' })
  .trim()
  .min(1, 'Explain why, in words the developer will read: it is shown on the request’s public page')
  .max(MAX_DECLINE_REASON, `Keep the reason under ${MAX_DECLINE_REASON.toLocaleString('en')} characters`);

export const similarQuerySchema = z.string().trim().max(MAX_REQUEST_TITLE, `Keep the title under ${MAX_REQUEST_TITLE} characters`);

/** The honeypot: a field people never see; a bot that fills every field fills it too. */
export const honeypotSchema = z.string().max(500).optional();

export function isHoneypotFilled(value: string | undefined): boolean {
  return Boolean(value && value.trim().length > 0);
}

// ---- Boards (categories) ------------------------------------------------------------------------

export const MAX_BOARDS = 30;

export const boardNameSchema = z
  .string({ message: 'Name the board, e.g. "CI/CD"' })
  .trim()
  .min(1, 'Name the board, e.g. "CI/CD" or "Environments"')
  .max(40, 'Keep the board name under 40 characters');

export const boardDescriptionSchema = z.string().trim().max(200, 'Keep the description under 200 characters');

/** The board's name in addresses: "CI/CD" -> "ci-cd", "Docs & guides" -> "docs-guides". */
export function slugOfBoard(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'board';
}
