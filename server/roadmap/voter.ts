// Who a vote belongs to without an account: a random token in a long-lived cookie, and an email
// when the developer gives one. Only hashes are stored, so the database cannot be used to
// replay a browser's cookie or to list who voted. Pure.
import { createHash, randomBytes } from 'node:crypto';

export const VOTER_COOKIE = 'frictionlog_voter';
/** About 13 months: browsers cap cookie lifetimes at 400 days. */
export const VOTER_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

export function newVoterToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A token this app issued; anything else in the cookie is ignored and replaced. */
export function isVoterToken(value: string | undefined | null): value is string {
  return typeof value === 'string' && /^[\w-]{32}$/.test(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function hashVoter(token: string): string {
  return sha256(`voter:${token}`);
}

export function hashEmail(email: string): string {
  return sha256(`email:${email.trim().toLowerCase()}`);
}
