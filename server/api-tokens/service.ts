// API tokens for non-browser clients (a nightly import job, a portal reading the inventory).
// Made by an admin, shown once, stored hashed, revocable.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { hashToken, newToken } from '@/server/auth/session-token';
import * as queries from './queries';

const TOKEN_PREFIX = 'fl_';
// last_used_at is written at most this often, so a busy client does not cost a write per call.
const TOUCH_EVERY_MS = 60_000;

export async function createApiToken(db: Db, input: { name: string; createdBy: string }) {
  const token = `${TOKEN_PREFIX}${newToken()}`;
  const row = await queries.insertApiToken(db, {
    name: input.name,
    tokenHash: hashToken(token),
    tokenPrefix: token.slice(0, 10),
    createdBy: input.createdBy,
  });
  return { ...row, token };
}

export async function revokeApiToken(db: Db, input: { id: string }) {
  if (!(await queries.revokeApiToken(db, input))) throw new AppError('NOT_FOUND', 'This token does not exist or is already revoked.');
}

/** The token behind an `Authorization: Bearer …` header; 401 for a missing, wrong or revoked one. */
export async function authenticateApiToken(db: Db, input: { authorization: string | null }): Promise<{ tokenId: string }> {
  const match = /^Bearer\s+(\S+)$/i.exec(input.authorization?.trim() ?? '');
  if (!match) {
    throw new AppError('UNAUTHORIZED', 'Send an API token as "Authorization: Bearer <token>". An admin creates tokens under API tokens.');
  }
  const row = match[1].length <= 200 ? await queries.findApiTokenByHash(db, { tokenHash: hashToken(match[1]) }) : undefined;
  if (!row || row.revoked_at) throw new AppError('UNAUTHORIZED', 'This API token is not valid or has been revoked.');
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS) await queries.touchApiToken(db, { id: row.id });
  return { tokenId: row.id };
}
