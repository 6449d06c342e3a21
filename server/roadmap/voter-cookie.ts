// The voter cookie of a public call: read it, or issue a new one once the call succeeded.
import type { Context } from '../trpc';
import { isVoterToken, newVoterToken, VOTER_COOKIE, VOTER_COOKIE_MAX_AGE } from './voter';

export function readVoterToken(ctx: Pick<Context, 'cookies'>): string | null {
  const value = ctx.cookies.get?.(VOTER_COOKIE);
  return isVoterToken(value) ? value : null;
}

/** Runs `act` with this browser's voter token, and sets the cookie when the token is new and `act` succeeded. */
export async function withVoterToken<T>(ctx: Pick<Context, 'cookies'>, act: (token: string) => Promise<T>): Promise<T> {
  const existing = readVoterToken(ctx);
  const token = existing ?? newVoterToken();
  const result = await act(token);
  if (!existing) ctx.cookies.set(VOTER_COOKIE, token, { maxAgeSeconds: VOTER_COOKIE_MAX_AGE });
  return result;
}
