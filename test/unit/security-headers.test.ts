// The page policies of server/security-headers.ts: nonce scripts and no framing for the app, the
// cached public roadmap's exception, and development's eval.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageKindOf } from '@/server/security-headers';

describe('security headers', () => {
  it('treats only the cached public roadmap pages as cached', () => {
    expect(['/roadmap', '/roadmap/board', '/roadmap/requests/new'].map(pageKindOf)).toEqual(['cached-public', 'cached-public', 'cached-public']);
    expect(['/', '/inventory', '/login', '/s/abc', '/share/inventory/t', '/roadmap/items/1', '/roadmap/requests/2'].map(pageKindOf)).toEqual(Array(7).fill('app'));
  });

  it('allows scripts by nonce only in the app, and no framing', () => {
    const policy = contentSecurityPolicy({ kind: 'app', nonce: 'abc', isDev: false, isHttps: true });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ kind: 'app', nonce: 'abc', isDev: true, isHttps: false })).toMatch(/script-src [^;]*'unsafe-eval'/);
    const cached = contentSecurityPolicy({ kind: 'cached-public', nonce: 'abc', isDev: false, isHttps: false });
    expect(cached).toContain("script-src 'self' 'unsafe-inline';");
    expect(cached).toContain('frame-ancestors *');
    expect(cached).not.toContain('upgrade-insecure-requests');
  });
});
