// What a developer hears when their request is decided: one short plain-text email per event,
// with a link to the request and a signed unsubscribe link, and how those links are signed and
// checked. Pure.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const REQUEST_EMAIL_EVENTS = ['accepted', 'merged', 'declined', 'shipped'] as const;
export type RequestEmailEvent = (typeof REQUEST_EMAIL_EVENTS)[number];

export interface EmailRequest {
  title: string;
  url: string;
}

export type EmailOutcome =
  | { event: 'accepted' }
  | { event: 'merged'; into: { title: string; url: string } }
  | { event: 'declined'; reason: string }
  | { event: 'shipped'; item: { title: string; url: string } };

/** The subject and text of the email about one request's outcome. */
export function composeRequestEmail(input: { request: EmailRequest; outcome: EmailOutcome; unsubscribeUrl: string }): { subject: string; body: string } {
  const { request, outcome } = input;
  const lines: { subject: string; text: string[] } = (() => {
    switch (outcome.event) {
      case 'accepted':
        return {
          subject: `Accepted: ${request.title}`,
          text: ['The platform team accepted the request you follow: it becomes a roadmap item, on the public roadmap once they next publish it.'],
        };
      case 'merged':
        return {
          subject: `Merged: ${request.title}`,
          text: [
            `The platform team merged the request you follow into “${outcome.into.title}”, which asks for the same thing. Votes moved there.`,
            `Follow it here: ${outcome.into.url}`,
          ],
        };
      case 'declined':
        return {
          subject: `Declined: ${request.title}`,
          text: ['The platform team declined the request you follow. Their reason:', '', outcome.reason],
        };
      case 'shipped':
        return {
          subject: `Shipped: ${request.title}`,
          text: [`What you asked for has shipped, as “${outcome.item.title}”.`, `Read more: ${outcome.item.url}`],
        };
    }
  })();
  return {
    subject: lines.subject,
    body: [
      `Your request: “${request.title}”`,
      request.url,
      '',
      ...lines.text,
      '',
      '—',
      'You get this because you asked for this or voted for it and left your email. This is the only email about this event.',
      `Stop all roadmap emails to this address: ${input.unsubscribeUrl}`,
      '',
    ].join('\n'),
  };
}

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

/** The token of an email's unsubscribe link: the email's id and its HMAC under the database's key. */
export function signUnsubscribeToken(secret: string, emailId: string): string {
  return `${emailId}.${hmac(secret, `unsubscribe:${emailId}`)}`;
}

/** The email id a token was signed for; null when it was not signed with this key (forged or mangled). */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([\w-]{43})$/.exec(token.trim());
  if (!match) return null;
  const expected = Buffer.from(hmac(secret, `unsubscribe:${match[1]}`));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

/** Opt-outs are kept as a hash of the address, so the list of who left cannot be read back. */
export function hashOptOutEmail(secret: string, email: string): string {
  return createHash('sha256').update(`optout:${secret}:${email.trim().toLowerCase()}`).digest('hex');
}

/** One email per event, request and address. */
export function emailDedupeKey(input: { event: RequestEmailEvent; requestId: string; email: string }): string {
  return `${input.event}:${input.requestId}:${input.email.trim().toLowerCase()}`;
}

/** Retries after a failed send: 1, 5, 30 minutes, 2 h, 12 h, then given up. */
const RETRY_MINUTES = [1, 5, 30, 120, 720];

export function nextEmailAttempt(attempts: number, now: Date): Date | null {
  const minutes = RETRY_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
}

/** "smtp://user:secret@mail.example:587" -> "mail.example:587", for the settings page (never the password). */
export function describeSmtpUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol === 'smtps:' ? 'smtps' : 'smtp'}://${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
}
