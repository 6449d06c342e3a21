// The public board answered by the HTTP server's hook before Next.js (service-board-fast-path.ts), on a
// real HTTP server whose fallback stands in for Next.js: the route handlers behind the same
// security headers proxy.ts adds and the precompressed hook's renaming. The hook serves the same
// bytes and headers as the route handler did, falls through where it must (a new address or
// coding, a voter's fresh visit, HEAD, a bad query), and a write in another process (another
// cache, on another database object) is served within about a second without Next.js.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import type { Db } from '@/server/db';
import { installPrecompressedResponses } from '@/server/precompressed';
import { runRest } from '@/server/rest';
import { answerFromBoardCache } from '@/server/roadmap/service-board-fast-path';
import { BOARD_FRESH_COOKIE } from '@/server/roadmap/service-board-cache';
import { serveBoard } from '@/server/roadmap/service-board-rest';
import { getRoadmapJson } from '@/server/roadmap/rest';
import { BASE_SECURITY_HEADERS, contentSecurityPolicy, pageKindOf } from '@/server/security-headers';
import { createTestDb } from '@/test/helpers/db';
import { cookiesOf, visitor } from '@/test/helpers/visitor';

let handle: DbHandle;
let server: http.Server;
let baseUrl: string;
/** Requests the stand-in for Next.js answered. */
let fallbacks: string[] = [];

/** Next.js's part: the route handlers, with the headers proxy.ts and next.config.js add. */
async function nextStandIn(req: http.IncomingMessage, res: http.ServerResponse) {
  fallbacks.push(`${req.method} ${req.url}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const request = new Request(`${baseUrl}${req.url}`, { method: req.method, headers });
  const path = new URL(request.url).pathname;
  const response = await runRest(handle.db, request, { auth: 'public' }, (ctx) => (path === '/api/v1/roadmap' ? getRoadmapJson(ctx) : serveBoard(ctx.db, ctx.req)));
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (path === '/api/v1/roadmap') res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  else res.setHeader('content-security-policy', contentSecurityPolicy({ kind: pageKindOf(path), nonce: 'n', isDev: false, isHttps: false }));
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
  res.writeHead(response.status);
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  handle = await createTestDb();
  installPrecompressedResponses();
  server = http.createServer((req, res) => {
    const answered = answerFromBoardCache(handle.db, req, res);
    void Promise.resolve(answered).then((isAnswered) => (isAnswered ? undefined : nextStandIn(req, res)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await handle?.close();
});
beforeEach(() => {
  fallbacks = [];
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The raw answer (fetch would decode it and hide the coding). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: { ...response.headers }, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Headers of an answer without the ones of the moment and the connection. */
function lasting(answer: Answer) {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _chunked, ...rest } = answer.headers;
  return rest;
}

const decode: Record<string, (body: Buffer) => Buffer> = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync, identity: (body) => body };
const textOf = (answer: Answer) => decode[String(answer.headers['content-encoding'] ?? 'identity')](answer.body).toString('utf8');

/** A database object of its own on the same data: another process's caches. */
function anotherProcess(db: Db): Db {
  const passThrough: KyselyPlugin = { transformQuery: (args) => args.node, transformResult: async (args) => args.result };
  return db.withPlugin(passThrough);
}

async function submit(title: string, db: Db = handle.db) {
  return visitor({ ...handle, db }).requests.submit({ title, details: '', email: null });
}

/** The board once it shows `text` (polled for at most 5 s), and how many requests that took. */
async function boardShowing(text: string, headers: Record<string, string>): Promise<{ html: string; requests: number }> {
  const started = Date.now();
  for (let requests = 1; ; requests += 1) {
    const html = textOf(await get('/roadmap', headers));
    if (html.includes(text) || Date.now() - started > 5000) return { html, requests };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the board before Next.js', () => {
  it('serves the same bytes and headers as the route handler in each coding, and its 304', async () => {
    await submit('Preview environments for every pull request');
    for (const coding of ['gzip', 'br', 'identity']) {
      fallbacks = [];
      const viaNext = await get('/roadmap', { 'accept-encoding': coding });
      expect(fallbacks).toEqual(['GET /roadmap']);
      expect(viaNext.status).toBe(200);
      expect(viaNext.headers['content-encoding'] ?? 'identity').toBe(coding);
      expect(viaNext.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
      expect(textOf(viaNext)).toContain('Preview environments for every pull request');

      const viaHook = await get('/roadmap', { 'accept-encoding': coding });
      expect(fallbacks).toEqual(['GET /roadmap']);
      expect(viaHook.status).toBe(200);
      expect(viaHook.body.equals(viaNext.body)).toBe(true);
      expect(lasting(viaHook)).toEqual(lasting(viaNext));

      const etag = String(viaHook.headers.etag);
      const notModified = await get('/roadmap', { 'accept-encoding': coding, 'if-none-match': etag });
      expect(fallbacks).toEqual(['GET /roadmap']);
      // The route handler's 304 for the same question: a voter's fresh visit goes to it.
      const handlers304 = await get('/roadmap', { 'accept-encoding': coding, 'if-none-match': etag, cookie: `${BOARD_FRESH_COOKIE}=1` });
      expect(fallbacks).toHaveLength(2);
      expect([notModified.status, handlers304.status]).toEqual([304, 304]);
      expect(notModified.body.byteLength).toBe(0);
      expect(lasting(notModified)).toEqual(lasting(handlers304));
    }
  });

  it('serves the JSON API the same way', async () => {
    const viaNext = await get('/api/v1/roadmap', { 'accept-encoding': 'gzip' });
    const viaHook = await get('/api/v1/roadmap', { 'accept-encoding': 'gzip' });
    expect(fallbacks).toEqual(['GET /api/v1/roadmap']);
    expect(viaHook.body.equals(viaNext.body)).toBe(true);
    expect(lasting(viaHook)).toEqual(lasting(viaNext));
    expect(viaHook.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(JSON.parse(textOf(viaHook))).toHaveProperty('lanes');
  });

  it('falls through to Next.js for a new address or coding, a voter’s fresh visit, HEAD and a bad query', async () => {
    await get('/roadmap?sort=newest', { 'accept-encoding': 'gzip' });
    await get('/roadmap?sort=newest', { 'accept-encoding': 'gzip' });
    await get('/roadmap?sort=newest', { 'accept-encoding': 'br' });
    await get('/roadmap?sort=newest&notice=voted', { 'accept-encoding': 'gzip' });
    await get('/roadmap?sort=newest&notice=voted', { 'accept-encoding': 'gzip' });
    await get('/roadmap?sort=newest', { 'accept-encoding': 'gzip', cookie: `a=b; ${BOARD_FRESH_COOKIE}=1` });
    await get('/roadmap?sort=newest', { 'accept-encoding': 'gzip' }, 'HEAD');
    const bad = [await get('/roadmap?sort=oldest'), await get('/roadmap?sort=oldest')];
    expect(bad.map((answer) => answer.status)).toEqual([400, 400]);
    expect(bad[1].body.toString()).toContain('Sort by &quot;votes&quot; or &quot;newest&quot;');
    expect(fallbacks).toEqual([
      'GET /roadmap?sort=newest',
      'GET /roadmap?sort=newest',
      'GET /roadmap?sort=newest&notice=voted',
      'GET /roadmap?sort=newest&notice=voted',
      'GET /roadmap?sort=newest',
      'HEAD /roadmap?sort=newest',
      'GET /roadmap?sort=oldest',
      'GET /roadmap?sort=oldest',
    ]);
  });

  it('serves a write made in another process within about a second, without Next.js', async () => {
    const headers = { 'accept-encoding': 'gzip' };
    await get('/roadmap', headers);
    await get('/roadmap', headers);
    fallbacks = [];
    const title = `Self-service database branches ${Date.now()}`;
    await submit(title, anotherProcess(handle.db));
    const written = Date.now();
    const { requests } = await boardShowing(title, headers);
    // The version is read at most once a second; the document before it is served at most a second
    // longer while the new one renders (past that, requests wait for the render through Next.js).
    expect(Date.now() - written).toBeLessThan(3000);
    expect(fallbacks.length).toBeLessThan(requests);
  });

  it('shows a voter their vote at once, whichever process they voted through', async () => {
    const { id } = await submit('Faster CI caches');
    const headers = { 'accept-encoding': 'identity' };
    const before = (await boardShowing(`id="r-${id}"`, headers)).html;
    expect(before).toMatch(new RegExp(`id="r-${id}".*?1 vote<`));
    const dev = visitor({ ...handle, db: anotherProcess(handle.db) });
    await dev.roadmap.vote({ target: { kind: 'request', id }, email: null });
    const cookie = cookiesOf(dev).get(BOARD_FRESH_COOKIE);
    expect(cookie).toBe('1');
    fallbacks = [];
    const after = textOf(await get('/roadmap', { ...headers, cookie: `${BOARD_FRESH_COOKIE}=${cookie}` }));
    expect(fallbacks).toEqual(['GET /roadmap']);
    expect(after).toMatch(new RegExp(`id="r-${id}".*?2 votes<`));
  });
});
