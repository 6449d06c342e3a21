// What a valid flow and a valid rating are, and which browser origins may post one. Pure.
import { z } from 'zod';

export const MAX_COMMENT = 2000;
/** The largest rating body read: a full comment in any script fits, a 100 KB one does not. */
export const MAX_RATING_BYTES = 10_000;
export const MAX_ORIGINS = 20;
export const MAX_FLOW_NAME = 120;

export const flowKeySchema = z
  .string({ message: 'Give the flow a key, like create-service' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lowercase letters, digits and dashes (at most 63), like create-service');

export const flowNameSchema = z
  .string({ message: 'Name the flow' })
  .trim()
  .min(1, 'Name the flow, e.g. "Create a new service"')
  .max(MAX_FLOW_NAME, `Keep the name under ${MAX_FLOW_NAME} characters`);

/** "https://Backstage.example.com/" -> "https://backstage.example.com"; null when it is not an origin. */
export function normalizeOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) return null;
  return url.origin;
}

export const originsSchema = z
  .array(z.string().max(300, 'An origin is at most 300 characters'))
  .max(MAX_ORIGINS, `Allow at most ${MAX_ORIGINS} origins`)
  .transform((values, ctx) => {
    const origins: string[] = [];
    values.forEach((value, index) => {
      if (value.trim() === '') return;
      const origin = normalizeOrigin(value);
      if (!origin) {
        ctx.addIssue({ code: 'custom', path: [index], message: `"${value.trim().slice(0, 60)}" is not an origin: write it like https://backstage.example.com (no path)` });
      } else if (!origins.includes(origin)) origins.push(origin);
    });
    return origins;
  });

/** Drops control characters, keeping tabs and line breaks; an empty comment is no comment. */
function cleanComment(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return text === '' ? null : text;
}

/** POST /api/v1/ratings: {flow, score, comment?}. */
export const ratingBodySchema = z.object({
  flow: z.string({ message: 'Name the flow, e.g. "create-service"' }).trim().min(1, 'Name the flow, e.g. "create-service"').max(63, 'There is no flow with such a long key'),
  score: z
    .number({ message: 'Give a score from 1 to 5 as a number' })
    .int('Give a whole number from 1 to 5')
    .min(1, 'Give a score from 1 to 5')
    .max(5, 'Give a score from 1 to 5'),
  comment: z
    .string({ message: 'Write the comment as text' })
    .max(MAX_COMMENT, `Keep the comment under ${MAX_COMMENT.toLocaleString('en-US')} characters`)
    .nullish()
    .transform(cleanComment),
});

export type RatingBody = z.infer<typeof ratingBodySchema>;

/** CORS headers for a browser origin a flow allows; {} for a caller without an Origin (curl, CI). */
export function corsHeadersFor(origin: string | null, isAllowed: boolean): Record<string, string> {
  if (!origin || !isAllowed) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

export const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};
