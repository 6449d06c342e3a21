// Issue 15 in a real browser against the production build: pages carry a nonce CSP and still
// hydrate with no CSP error; a workspace page refuses to be framed by another site; the cached
// public roadmap and the rating widget embedded on another site keep working; and the real
// server refuses a cross-site state change (403) and an oversized body (413).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot, waitForHydration, watchPage } from './helpers/browser';

let app: RunningApp;
let browser: Browser;
let foreign: http.Server;
let foreignUrl: string;

/** Another site (another origin): it frames the workspace and embeds the widget. */
function foreignSite(appUrl: string) {
  return http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/frame') return res.end(`<!doctype html><title>Framing</title><h1>Another site</h1><iframe title="app" src="${appUrl}/login"></iframe>`);
    res.end(`<!doctype html><html lang="en"><title>Portal</title><main><h1>Deploy finished</h1><script src="${appUrl}/widget.js" data-flow="create-service" async></script></main></html>`);
  });
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  foreign = foreignSite(app.baseUrl);
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => foreign?.close(resolve));
});

async function newPage(): Promise<{ page: Page; problems: string[]; consoleLines: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  return { page, problems: watchPage(page), consoleLines };
}

describe('security headers in the browser', () => {
  it('serves the workspace with a nonce CSP, no framing, nosniff and a referrer policy, and it still hydrates', async () => {
    const { page, problems } = await newPage();
    const response = await page.goto(`${app.baseUrl}/setup`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline\' \'strict');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    // Next.js's own inline scripts carry this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'])![1];
    const scriptNonces = await page.evaluate(() => [...document.querySelectorAll('script')].map((script) => script.nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

    // Hydrated: the form answers a click with the field's message, then creates the account.
    await waitForHydration(page.getByRole('button', { name: 'Create admin account' }));
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect.poll(() => page.getByText('Enter a name').count()).toBe(1);
    await page.getByLabel('Your name').fill('Priya Platform');
    await page.getByLabel('Work email').fill('priya@example.com');
    await page.getByLabel('Password').fill('violet harbor lantern 42');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(`${app.baseUrl}/`);
    await checkPage(page, 'security-01-home-with-csp');

    // An address no page answers: the 404 page is rendered per request, with the nonce too.
    const missing = await page.goto(`${app.baseUrl}/no-such-page`);
    expect(missing!.status()).toBe(404);
    expect(missing!.headers()['content-security-policy']).toContain("'nonce-");
    await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();
    await page.getByRole('link', { name: 'Go to Frictionlog' }).click();
    await page.waitForURL(`${app.baseUrl}/`);
    expect(problems).toEqual([]);
  });

  it('refuses to be framed by another site', async () => {
    const { page, consoleLines } = await newPage();
    await page.goto(`${foreignUrl}/frame`);
    await expect.poll(() => consoleLines.some((line) => /frame-ancestors 'none'/.test(line))).toBe(true);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(await frame?.locator('form').count().catch(() => 0)).toBe(0);
    await screenshot(page, 'security-02-framing-refused');
  });

  it('keeps the cached public roadmap and the rating widget on another site working', async () => {
    const { page, problems } = await newPage();
    const response = await page.goto(`${app.baseUrl}/roadmap`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    await page.getByRole('heading', { name: 'Platform roadmap' }).waitFor();
    await checkPage(page, 'security-03-roadmap');

    const portal = await newPage();
    await portal.page.goto(foreignUrl);
    await portal.page.getByRole('radio', { name: /5/ }).first().waitFor({ timeout: 15_000 });
    await screenshot(portal.page, 'security-04-widget-on-another-site');
    const widget = await fetch(`${app.baseUrl}/widget.js`);
    expect(widget.headers.get('x-content-type-options')).toBe('nosniff');
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect([...problems, ...portal.problems]).toEqual([]);
  });

  it('serves /roadmap precompressed in the coding asked for, decodable, with its ETag, 304 and security headers', async () => {
    /** The raw answer (fetch would decode it and hide the coding). */
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${app.baseUrl}/roadmap`, { headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const decoders: Record<string, (body: Buffer) => Buffer> = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync, identity: (body) => body };
    const etags: string[] = [];
    for (const [asked, expected] of [['gzip', 'gzip'], ['gzip, deflate, br, zstd', 'br'], ['identity', 'identity'], ['br;q=0, gzip;q=0.5', 'gzip']] as const) {
      const response = await get({ 'accept-encoding': asked });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding'] ?? 'identity').toBe(expected);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(response.headers['content-length'] ?? response.body.byteLength)).toBe(response.body.byteLength);
      expect(decoders[expected](response.body).toString('utf8')).toContain('Platform roadmap');
      expect(response.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      etags.push(String(response.headers.etag));
      // Asked again, the board comes from the HTTP server's hook (before Next.js): the same bytes and
      // headers (the framing aside: Next.js may chunk a compressed body, the hook gives its length).
      const repeat = await get({ 'accept-encoding': asked });
      const lasting = (headers: http.IncomingHttpHeaders) => {
        const { date: _date, connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _chunked, 'content-length': _length, ...rest } = headers;
        return rest;
      };
      expect(repeat.body.equals(response.body)).toBe(true);
      expect(lasting(repeat.headers)).toEqual(lasting(response.headers));
      const again = await get({ 'accept-encoding': asked, 'if-none-match': String(response.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body.byteLength).toBe(0);
    }
    // Each coding is its own representation with its own ETag.
    expect(new Set(etags.slice(0, 3)).size).toBe(3);
  });

  it('refuses a cross-site state change and an oversized body on the real server', async () => {
    const crossSite = await fetch(`${app.baseUrl}/api/trpc/requests.submit`, {
      method: 'POST',
      headers: { origin: foreignUrl, 'content-type': 'text/plain' },
      body: JSON.stringify({ json: { title: 'Forged', details: '', email: null, website: '' } }),
    });
    expect(crossSite.status).toBe(403);
    const huge = await fetch(`${app.baseUrl}/api/trpc/requests.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"json":{"title":"${'a'.repeat(3 * 1024 * 1024)}"}}`,
    });
    expect(huge.status).toBe(413);
    const api = await fetch(`${app.baseUrl}/api/trpc/health`);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
