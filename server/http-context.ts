// Builds the tRPC context from an HTTP request: the session cookie becomes the signed-in user,
// the client's address becomes its rate-limit key, and cookies set by procedures become headers.
import { resolveSession, SESSION_COOKIE, UNKNOWN_CLIENT } from './auth/service';
import { clientKeyOfAddress, stampedClientAddress } from './client-address';
import { getDb, type Db } from './db';
import { getEnv } from './env';
import { createContextInner, type Context, type CookieJar, type SessionUser } from './trpc';

export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The client's key for rate limits: behind a trusted proxy, the address it added last to
 * X-Forwarded-For (entries before it are whatever the client sent); otherwise the socket's
 * address (server/client-address.ts). UNKNOWN_CLIENT when neither is known, which sign-in never
 * throttles as one client, so one caller can never lock out the rest.
 */
export function clientKeyOf(headers: Headers): string {
  if (getEnv().TRUST_PROXY) {
    const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1);
    return clientKeyOfAddress(forwarded) ?? clientKeyOfAddress(headers.get('x-real-ip')) ?? UNKNOWN_CLIENT;
  }
  return stampedClientAddress(headers) ?? UNKNOWN_CLIENT;
}

/** A Set-Cookie value with the attributes every cookie of the app has (HttpOnly, Lax, Secure on https). */
export function cookieHeader(name: string, value: string, maxAgeSeconds: number): string {
  const isSecure = getEnv().PUBLIC_URL.startsWith('https://');
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax${isSecure ? '; Secure' : ''}; Max-Age=${maxAgeSeconds}`;
}

function cookieJar(headers: Headers, resHeaders: Headers | undefined): CookieJar {
  return {
    set: (name, value, { maxAgeSeconds }) => resHeaders?.append('set-cookie', cookieHeader(name, value, maxAgeSeconds)),
    clear: (name) => resHeaders?.append('set-cookie', cookieHeader(name, '', 0)),
    get: (name) => readCookie(headers, name),
  };
}

/** The signed-in user of a request's session cookie, or null; requireRole (auth/require-role.ts) checks the role. */
export function sessionUserOf(db: Db, headers: Headers): Promise<SessionUser | null> {
  return resolveSession(db, { token: readCookie(headers, SESSION_COOKIE) });
}

export async function createRequestContext(input: { headers: Headers; resHeaders?: Headers }): Promise<Context> {
  const db = await getDb();
  const user = await sessionUserOf(db, input.headers);
  return createContextInner({
    db,
    user,
    clientKey: clientKeyOf(input.headers),
    cookies: cookieJar(input.headers, input.resHeaders),
  });
}
