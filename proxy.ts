// Runs before every page (not the API, not static files): gives the response its security headers
// and the page render a fresh CSP nonce, which Next.js puts on its own scripts
// (server/security-headers.ts holds the policies).
import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/server/env';
import { BASE_SECURITY_HEADERS, contentSecurityPolicy, newNonce, pageKindOf } from '@/server/security-headers';

export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = newNonce();
  const kind = pageKindOf(request.nextUrl.pathname);
  const policy = contentSecurityPolicy({ kind, nonce, isDev: env.NODE_ENV === 'development', isHttps: env.PUBLIC_URL.startsWith('https://') });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  if (kind === 'app') response.headers.set('x-frame-options', 'DENY');
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: the API answers JSON (headers from next.config.js), static files need no nonce.
      source: '/((?!api/|_next/static|_next/image|favicon.ico|.*\\.[a-z0-9]+$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
