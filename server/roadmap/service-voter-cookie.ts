// The voter cookie of a public call: read it when this server signed it, or issue a new signed
// one once the call succeeded. An unsigned or forged cookie is not a voter.
import { getServerKey } from '@/server/secrets/service';
import type { Context } from '@/server/trpc';
import { BOARD_FRESH_COOKIE, BOARD_FRESH_SECONDS } from './service-board-cache';
import { newVoterToken, signVoterToken, verifyVoterCookie, VOTER_COOKIE, VOTER_COOKIE_MAX_AGE } from './voter';

export async function readVoterToken(ctx: Pick<Context, 'cookies' | 'db'>): Promise<string | null> {
  const value = ctx.cookies.get?.(VOTER_COOKIE);
  if (!value) return null;
  return verifyVoterCookie(await getServerKey(ctx.db), value);
}

/** Runs `act` with this browser's voter token, and sets the signed cookie when the token is new and `act` succeeded. */
export async function withVoterToken<T>(ctx: Pick<Context, 'cookies' | 'db'>, act: (token: string) => Promise<T>): Promise<T> {
  const existing = await readVoterToken(ctx);
  const token = existing ?? newVoterToken();
  const result = await act(token);
  if (!existing) ctx.cookies.set(VOTER_COOKIE, signVoterToken(await getServerKey(ctx.db), token), { maxAgeSeconds: VOTER_COOKIE_MAX_AGE });
  return result;
}

/**
 * After a vote: the browser's board visits in the next seconds read the board's version fresh
 * (service-board-rest.ts), so the voter never sees a board older than their vote, whichever process
 * answers, while other visitors keep the cached one.
 */
export function markFreshBoard<T>(ctx: Pick<Context, 'cookies'>, result: T): T {
  ctx.cookies.set(BOARD_FRESH_COOKIE, '1', { maxAgeSeconds: BOARD_FRESH_SECONDS });
  return result;
}
