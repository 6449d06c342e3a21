// What a developer's roadmap request is: limits and messages for the public form and for triage,
// and the rate limits of public writes. Pure.
import { z } from 'zod';

export const MAX_REQUEST_TITLE = 120;
export const MAX_REQUEST_DETAILS = 4000;
export const MAX_DECLINE_REASON = 1000;
/** Suggestions start once the title has this many characters. */
export const MIN_SIMILAR_QUERY = 3;

/** Request submissions per client and window: enough for a person, not for a script. */
export const SUBMIT_LIMIT = { limit: 10, windowSeconds: 600 };

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
