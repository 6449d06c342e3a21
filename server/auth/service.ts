// Accounts: first-run setup, signing in with throttled password checks, database-backed sessions
// (so several app processes share them), and workspace members (never fewer than one admin).
import { sql } from 'kysely';
import type { Role } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import type { SessionUser } from '@/server/trpc';
import { getDummyHash, hashPassword, verifyPassword } from './password';
import { checkPassword } from './password-rules';
import * as queries from './queries';
import { hashToken, newToken } from './session-token';
import {
  FAILURE_WINDOW_SECONDS,
  FREE_FAILURES_PER_ACCOUNT,
  FREE_FAILURES_PER_CLIENT,
  signInWaitSeconds,
} from './throttle';

export const SESSION_COOKIE = 'frictionlog_session';
export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;
// Sliding expiry is written at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export interface NewSession {
  token: string;
  user: SessionUser;
}

/** Refuses a password the rules refuse, naming the form's field. */
function assertAcceptablePassword(password: string, account: { email: string; name: string }, field: string) {
  const { problem } = checkPassword(password, account);
  if (problem) throw new AppError('BAD_REQUEST', problem, { field });
}

async function startSession(db: Db, user: Omit<SessionUser, 'sessionId'>): Promise<NewSession> {
  const token = newToken();
  const id = hashToken(token);
  await queries.insertSession(db, { id, userId: user.id, expiresAt: new Date(Date.now() + SESSION_MS) });
  return { token, user: { ...user, sessionId: id } };
}

export async function isSetupDone(db: Db): Promise<boolean> {
  return (await queries.countUsers(db)) > 0;
}

/** Creates the first admin. Refused once any account exists, also when two tabs race. */
export async function setupFirstAdmin(
  db: Db,
  input: { name: string; email: string; password: string },
): Promise<NewSession> {
  assertAcceptablePassword(input.password, input, 'password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await sql`lock table users in share row exclusive mode`.execute(trx);
    if ((await queries.countUsers(trx)) > 0) {
      throw new AppError('CONFLICT', 'Frictionlog is already set up. Sign in with your account instead.');
    }
    const user = await queries.insertUser(trx, { ...input, passwordHash, role: 'admin' });
    return startSession(trx, user);
  });
}

const WRONG_CREDENTIALS = 'Email or password is incorrect.';

/** The client key of a request whose address is unknown: never throttled as one client (it is everyone). */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * Checks the password unless the account or the client has failed too often lately. The check of
 * the counts and the record of this attempt happen under one lock per key, and the attempt counts
 * as a failure until the password proves right, so 30 parallel guesses cannot all pass the check.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; clientKey: string },
  now = new Date(),
): Promise<NewSession> {
  const accountKey = `account:${input.email.toLowerCase()}`;
  const keys = input.clientKey === UNKNOWN_CLIENT ? [accountKey] : [accountKey, `client:${input.clientKey}`];
  const since = new Date(now.getTime() - FAILURE_WINDOW_SECONDS * 1000);
  const attempt = await db.transaction().execute(async (trx) => {
    await queries.lockFailureKeys(trx, { keys });
    const waits = await Promise.all(
      keys.map(async (key) =>
        signInWaitSeconds(await queries.getFailureHistory(trx, { key, since }), key === accountKey ? FREE_FAILURES_PER_ACCOUNT : FREE_FAILURES_PER_CLIENT, now),
      ),
    );
    const wait = Math.max(...waits);
    return { wait, failureIds: wait > 0 ? [] : await queries.recordFailures(trx, { keys }) };
  });
  if (attempt.wait > 0) {
    throw new AppError('TOO_MANY_REQUESTS', `Too many failed sign-in attempts. Try again in ${attempt.wait} seconds.`, {
      details: { retryAfterSeconds: attempt.wait },
    });
  }

  const user = await queries.findUserByEmail(db, { email: input.email });
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !isValid) {
    await queries.deleteOldFailures(db, { before: new Date(now.getTime() - 24 * 60 * 60 * 1000) });
    throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }

  await queries.deleteFailures(db, { ids: attempt.failureIds });
  await queries.clearFailures(db, { key: accountKey });
  await queries.deleteExpiredSessions(db);
  return startSession(db, { id: user.id, name: user.name, email: user.email, role: user.role });
}

export async function signOut(db: Db, input: { sessionId: string }): Promise<void> {
  await queries.deleteSession(db, { id: input.sessionId });
}

/** The account behind a session cookie, or null for a missing, forged or expired one. */
export async function resolveSession(db: Db, input: { token: string | undefined }): Promise<SessionUser | null> {
  if (!input.token || input.token.length > 200) return null;
  const id = hashToken(input.token);
  const row = await queries.findSessionWithUser(db, { id });
  if (!row) return null;
  const now = Date.now();
  if (row.expires_at.getTime() <= now) {
    await queries.deleteSession(db, { id });
    return null;
  }
  if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await queries.touchSession(db, { id, expiresAt: new Date(now + SESSION_MS) });
  }
  return { id: row.id, name: row.name, email: row.email, role: row.role, sessionId: row.session_id };
}

/** Changes the caller's own password and signs out their other sessions. */
export async function changeOwnPassword(
  db: Db,
  input: { user: SessionUser; currentPassword: string; newPassword: string },
): Promise<void> {
  const account = await queries.findUserById(db, { id: input.user.id });
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('BAD_REQUEST', 'Your current password is not correct.', { field: 'currentPassword' });
  }
  assertAcceptablePassword(input.newPassword, account, 'newPassword');
  await queries.updateUserPassword(db, { id: account.id, passwordHash: await hashPassword(input.newPassword) });
  await queries.deleteSessionsOfUser(db, { userId: account.id, exceptSessionId: input.user.sessionId });
}

// ---- Members -------------------------------------------------------------------------------------

export async function addMember(
  db: Db,
  input: { name: string; email: string; role: Role; password: string },
) {
  if (await queries.findUserByEmail(db, { email: input.email })) {
    throw new AppError('CONFLICT', 'A member with this email already exists.', { field: 'email' });
  }
  assertAcceptablePassword(input.password, input, 'password');
  const passwordHash = await hashPassword(input.password);
  return queries.insertUser(db, { name: input.name, email: input.email, role: input.role, passwordHash });
}

export async function changeMemberRole(db: Db, input: { id: string; role: Role }) {
  return db.transaction().execute(async (trx) => {
    const adminIds = await queries.lockAdminIds(trx);
    const isLastAdmin = adminIds.length === 1 && adminIds[0] === input.id;
    if (isLastAdmin && input.role !== 'admin') {
      throw new AppError('CONFLICT', 'This is the last admin. Make another member an admin first.', { field: 'role' });
    }
    const member = await queries.updateUserRole(trx, input);
    if (!member) throw new AppError('NOT_FOUND', 'This member no longer exists.');
    return member;
  });
}

export async function removeMember(db: Db, input: { id: string }) {
  await db.transaction().execute(async (trx) => {
    const adminIds = await queries.lockAdminIds(trx);
    if (adminIds.length === 1 && adminIds[0] === input.id) {
      throw new AppError('CONFLICT', 'This is the last admin and cannot be removed. Make another member an admin first.');
    }
    if (!(await queries.deleteUser(trx, input))) throw new AppError('NOT_FOUND', 'This member no longer exists.');
  });
}

export async function resetMemberPassword(db: Db, input: { id: string; password: string }) {
  const member = await queries.findUserById(db, { id: input.id });
  if (!member) throw new AppError('NOT_FOUND', 'This member no longer exists.');
  assertAcceptablePassword(input.password, member, 'password');
  await queries.updateUserPassword(db, { id: input.id, passwordHash: await hashPassword(input.password) });
  await queries.deleteSessionsOfUser(db, { userId: input.id });
}
