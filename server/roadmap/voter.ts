// Who a vote belongs to without an account: a random token in a long-lived cookie the server
// issued and signed, and an email when the developer gives one. Only hashes are stored: the
// token's, so the database cannot be used to replay a browser's cookie, and the email's keyed with
// the server's secret (HMAC), so the hashes cannot be matched against the directory. Pure.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const VOTER_COOKIE = 'frictionlog_voter';
/** About 13 months: browsers cap cookie lifetimes at 400 days. */
export const VOTER_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

export function newVoterToken(): string {
  return randomBytes(24).toString('base64url');
}

const TOKEN = /^[\w-]{32}$/;
const signatureOf = (key: Buffer, token: string) => createHmac('sha256', key).update(`voter-cookie\u0000${token}`).digest('base64url');

/** The cookie's value: the token and the server's signature of it. */
export function signVoterToken(key: Buffer, token: string): string {
  return `${token}.${signatureOf(key, token)}`;
}

/** The token of a cookie this server signed; null for anything else (unsigned, forged, tampered). */
export function verifyVoterCookie(key: Buffer, value: string | undefined | null): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const [token = '', signature = '', ...rest] = value.split('.');
  if (rest.length > 0 || !TOKEN.test(token)) return null;
  const expected = Buffer.from(signatureOf(key, token));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function hashVoter(token: string): string {
  return sha256(`voter:${token}`);
}

/** Keyed with the server's secret: without it, a directory of emails cannot be hashed to match. */
export function hashEmail(key: Buffer, email: string): string {
  return createHmac('sha256', key).update(`vote-email\u0000${email.trim().toLowerCase()}`).digest('hex');
}
