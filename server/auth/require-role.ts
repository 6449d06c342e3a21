// The one session-and-role check: tRPC's procedure kinds (server/trpc.ts) and the REST handlers
// that take a session cookie (server/<domain>/rest.ts) both call requireRole.
import type { Role } from '@/db/types';
import { AppError } from '@/server/errors';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** Whether a signed-in user's role is at least `minimum` (null: signed out, never). */
export function hasRole(user: { role: Role } | null | undefined, minimum: Role): boolean {
  return user != null && RANK[user.role] >= RANK[minimum];
}

/** The signed-in user when their role is at least `minimum`; otherwise a 401 (signed out) or 403. */
export function requireRole<User extends { role: Role }>(user: User | null, minimum: Role): User {
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  if (!hasRole(user, minimum)) throw new AppError('FORBIDDEN', `This needs the ${minimum} role; your account is a ${user.role}.`);
  return user;
}
