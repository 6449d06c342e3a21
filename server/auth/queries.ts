// Kysely queries for accounts, sessions and sign-in failures. Each takes the db (or a
// transaction) first and names the columns it returns.
import { sql } from 'kysely';
import type { Role } from '@/db/types';
import type { Db } from '@/server/db';
import type { FailureHistory } from './throttle';

export const memberColumns = ['users.id', 'users.name', 'users.email', 'users.role', 'users.created_at as createdAt'] as const;

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}

export async function findUserByEmail(db: Db, input: { email: string }) {
  return db
    .selectFrom('users')
    .select([...memberColumns, 'users.password_hash as passwordHash'])
    .where(sql`lower(email)`, '=', input.email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Db, input: { id: string }) {
  return db
    .selectFrom('users')
    .select([...memberColumns, 'users.password_hash as passwordHash'])
    .where('id', '=', input.id)
    .executeTakeFirst();
}

export async function insertUser(db: Db, input: { name: string; email: string; passwordHash: string; role: Role }) {
  return db
    .insertInto('users')
    .values({ name: input.name, email: input.email, password_hash: input.passwordHash, role: input.role })
    .returning([...memberColumns])
    .executeTakeFirstOrThrow();
}

export async function listMembers(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('sessions', 'sessions.user_id', 'users.id')
    .select([...memberColumns, sql<Date | null>`max(sessions.last_seen_at)`.as('lastSeenAt')])
    .groupBy('users.id')
    .orderBy('users.name')
    .execute();
}

/** Locks the admin rows for the rest of the transaction, so two demotions cannot both pass. */
export async function lockAdminIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute();
  return rows.map((row) => row.id);
}

export async function updateUserRole(db: Db, input: { id: string; role: Role }) {
  return db
    .updateTable('users')
    .set({ role: input.role, updated_at: new Date() })
    .where('id', '=', input.id)
    .returning([...memberColumns])
    .executeTakeFirst();
}

export async function updateUserPassword(db: Db, input: { id: string; passwordHash: string }) {
  await db
    .updateTable('users')
    .set({ password_hash: input.passwordHash, updated_at: new Date() })
    .where('id', '=', input.id)
    .execute();
}

export async function deleteUser(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('users').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- Sessions ----------------------------------------------------------------------------------

export async function insertSession(db: Db, input: { id: string; userId: string; expiresAt: Date }) {
  await db.insertInto('sessions').values({ id: input.id, user_id: input.userId, expires_at: input.expiresAt }).execute();
}

export async function findSessionWithUser(db: Db, input: { id: string }) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.name',
      'users.email',
      'users.role',
    ])
    .where('sessions.id', '=', input.id)
    .executeTakeFirst();
}

export async function touchSession(db: Db, input: { id: string; expiresAt: Date }) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: input.expiresAt })
    .where('id', '=', input.id)
    .execute();
}

export async function deleteSession(db: Db, input: { id: string }) {
  await db.deleteFrom('sessions').where('id', '=', input.id).execute();
}

export async function deleteSessionsOfUser(db: Db, input: { userId: string; exceptSessionId?: string }) {
  let query = db.deleteFrom('sessions').where('user_id', '=', input.userId);
  if (input.exceptSessionId) query = query.where('id', '!=', input.exceptSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db) {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
}

// ---- Sign-in failures --------------------------------------------------------------------------

export async function getFailureHistory(db: Db, input: { key: string; since: Date }): Promise<FailureHistory> {
  const row = await db
    .selectFrom('auth_failures')
    .select([sql<number>`count(*)::int`.as('failures'), sql<Date | null>`max(failed_at)`.as('last_failure_at')])
    .where('key', '=', input.key)
    .where('failed_at', '>=', input.since)
    .executeTakeFirstOrThrow();
  return { failures: row.failures, lastFailureAt: row.last_failure_at };
}

/**
 * Holds the keys' locks to the end of the transaction, always in one order (no deadlock), so a
 * burst of parallel sign-ins is counted one after the other instead of all reading zero.
 */
export async function lockFailureKeys(db: Db, input: { keys: string[] }) {
  for (const key of [...input.keys].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
  }
}

export async function recordFailures(db: Db, input: { keys: string[] }): Promise<number[]> {
  if (input.keys.length === 0) return [];
  const rows = await db
    .insertInto('auth_failures')
    .values(input.keys.map((key) => ({ key })))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function deleteFailures(db: Db, input: { ids: number[] }) {
  if (input.ids.length === 0) return;
  await db.deleteFrom('auth_failures').where('id', 'in', input.ids).execute();
}

export async function clearFailures(db: Db, input: { key: string }) {
  await db.deleteFrom('auth_failures').where('key', '=', input.key).execute();
}

export async function deleteOldFailures(db: Db, input: { before: Date }) {
  await db.deleteFrom('auth_failures').where('failed_at', '<', input.before).execute();
}
