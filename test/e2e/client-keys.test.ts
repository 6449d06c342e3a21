// Against the production server (issue 15, failure 5): without TRUST_PROXY, each connection's own
// address is its rate-limit key, whatever X-Forwarded-For it sends, so one client's failed
// sign-ins lock out only that client; and a share link opened too often answers HTTP 429.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app?.stop());

/** One request from a chosen local address (all of 127.0.0.0/8 is this machine). */
function send(localAddress: string, input: { method: string; path: string; headers?: Record<string, string>; body?: string }) {
  const { port } = new URL(app.baseUrl);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, localAddress, method: input.method, path: input.path, headers: input.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(input.body);
  });
}

const signIn = (localAddress: string, email: string, spoofed: string) =>
  send(localAddress, {
    method: 'POST',
    path: '/api/trpc/auth.signIn',
    headers: { 'content-type': 'application/json', origin: app.baseUrl, 'x-forwarded-for': spoofed },
    body: JSON.stringify({ json: { email, password: 'wrong password' } }),
  });

describe('client keys on the production server', () => {
  it('locks out only the client that failed 25 sign-ins, whatever address it claims', async () => {
    const statuses = [];
    for (let attempt = 1; attempt <= 25; attempt += 1) {
      // A different claimed address each time: without a trusted proxy it must not matter.
      statuses.push((await signIn('127.0.0.2', `made-up-${attempt}@example.com`, `198.51.100.${attempt}`)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    // Another client, even claiming the locked-out client's address, is not locked out.
    expect((await signIn('127.0.0.3', 'someone-else@example.com', '127.0.0.2')).status).toBe(401);
  });

  it('answers 429 with Retry-After when a share link is opened too often', async () => {
    // The limit (SHARE_VIEW_LIMIT: 120 a minute) counts in fixed windows on the clock's minutes: the
    // 121 visits start early in a window so they all fall into one (CI once straddled two).
    const windowMs = 60_000;
    if (windowMs - (Date.now() % windowMs) < 30_000) await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 50));
    let last = { status: 0, headers: {} as http.IncomingHttpHeaders, body: '' };
    for (let visit = 1; visit <= 121; visit += 1) last = await send('127.0.0.4', { method: 'GET', path: '/share/inventory/no-such-token-aaaaaaaaaaaaaaaaaaaa' });
    expect(last.status).toBe(307);
    const location = new URL(String(last.headers.location), app.baseUrl);
    const limited = await send('127.0.0.4', { method: 'GET', path: `${location.pathname}${location.search}` });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('Too many requests');
    // Another client still gets the ordinary answer.
    expect((await send('127.0.0.5', { method: 'GET', path: '/share/inventory/no-such-token-aaaaaaaaaaaaaaaaaaaa' })).status).toBe(404);
  });
});
