// Callers of the real app router with a chosen session, for integration tests.
import type { Role } from '@/db/types';
import type { DbHandle } from '@/db/create-db';
import { hashToken, newToken } from '@/server/auth/session-token';
import { createCaller } from '@/server/root';
import { createContextInner, type SessionUser } from '@/server/trpc';

let counter = 0;

/** Creates an account with the role and a session for it (argon2 skipped: the hash is never checked). */
export async function createUser(handle: DbHandle, role: Role, name = `${role} ${++counter}`): Promise<SessionUser> {
  const user = await handle.db
    .insertInto('users')
    .values({ name, email: `${role}-${counter}-${Date.now()}@example.com`, password_hash: 'unused', role })
    .returning(['id', 'name', 'email', 'role'])
    .executeTakeFirstOrThrow();
  const sessionId = hashToken(newToken());
  await handle.db
    .insertInto('sessions')
    .values({ id: sessionId, user_id: user.id, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
  return { ...user, sessionId };
}

export function callerAs(handle: DbHandle, user: SessionUser | null, clientKey = 'test-client') {
  return createCaller(createContextInner({ db: handle.db, user, clientKey }));
}

export async function callerWithRole(handle: DbHandle, role: Role) {
  return callerAs(handle, await createUser(handle, role));
}
