// The voter cookie of a public call: read it when this server signed it, or issue a new signed
// one once the call succeeded. An unsigned or forged cookie is not a voter.
import { getServerKey } from '@/server/secrets/service';
import type { Context } from '@/server/trpc';
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
