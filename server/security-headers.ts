// The security headers of every page: a Content-Security-Policy (scripts only from this origin and
// with this response's nonce), who may frame the page, nosniff and a referrer policy. proxy.ts
// sets them per request; the policies are plain functions so that tests can read them.

export type PageKind = 'app' | 'cached-public';

/**
 * Pages rendered once and served from Next.js's page cache (the public roadmap board and its
 * request form) cannot carry a per-request nonce: their inline bootstrap scripts are allowed by
 * 'unsafe-inline' instead, and they may be framed (a developer portal can embed the roadmap).
 */
const CACHED_PUBLIC_PAGE = /^\/roadmap(\/[^/]+|\/requests\/new)?\/?$/;

export function pageKindOf(pathname: string): PageKind {
  return CACHED_PUBLIC_PAGE.test(pathname) ? 'cached-public' : 'app';
}

export function contentSecurityPolicy(input: { kind: PageKind; nonce: string; isDev: boolean; isHttps: boolean }): string {
  const scripts =
    input.kind === 'app'
      ? // 'strict-dynamic': the scripts the nonce allowed may load Next.js's chunks; nothing else runs.
        `'self' 'nonce-${input.nonce}' 'strict-dynamic'`
      : `'self' 'unsafe-inline'`;
  const directives = [
    `default-src 'self'`,
    `script-src ${scripts}${input.isDev ? ` 'unsafe-eval'` : ''}`,
    // Inline style attributes (React's style prop) are harmless without script.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    input.kind === 'app' ? `frame-ancestors 'none'` : `frame-ancestors *`,
  ];
  if (input.isHttps) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Headers every response carries, pages or not (set in next.config.js too, for static files). */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  // Share links and invitations carry tokens in the address: no other site sees the address.
  'referrer-policy': 'same-origin',
};

/** A fresh nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
