// Issue 15, failures 2, 8 and 9 through the real tRPC endpoint (server/trpc-http.ts) on both
// databases: a body past its limit is a 413 without being buffered, a cross-site state change is
// a 403 whatever its content type, and NUL or invalid UTF-8 in an input is a 400 naming the field.
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '@/db/create-db';
import { POST as importsPost } from '@/app/api/imports/route';
import { resolveSession, SESSION_COOKIE } from '@/server/auth/service';
import { hashToken, newToken } from '@/server/auth/session-token';
import { readCookie } from '@/server/http-context';
import { json, parseJsonBody, runRest } from '@/server/rest';
import { DEFAULT_MAX_BODY_BYTES } from '@/server/request-guards';
import { handleTrpcRequest } from '@/server/trpc-http';
import { createContextInner } from '@/server/trpc';
import { z } from 'zod';
import { callerAs, createUser } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));
beforeEach(async () => {
  await sql`delete from roadmap_requests`.execute(handle.db);
});

const BASE = 'http://localhost:3000';

// Each call from its own client: public writes count their rate limit before the body is read,
// and these tests are about what comes after it (test/integration/rate-limits-before-parsing.test.ts).
let clients = 0;
const createContext = async ({ headers, resHeaders }: { headers: Headers; resHeaders?: Headers }) =>
  createContextInner({
    db: handle.db,
    user: await resolveSession(handle.db, { token: readCookie(headers, SESSION_COOKIE) }),
    clientKey: `guards-test-${++clients}`,
    cookies: {
      set: (name, value) => resHeaders?.append('set-cookie', `${name}=${value}`),
      clear: (name) => resHeaders?.append('set-cookie', `${name}=; Max-Age=0`),
      get: (name) => readCookie(headers, name),
    },
  });

/** A signed-in session cookie for an account with the role. */
async function sessionCookie(role: 'editor' | 'viewer'): Promise<string> {
  const user = await createUser(handle, role);
  const token = newToken();
  await handle.db.insertInto('sessions').values({ id: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + 86_400_000) }).execute();
  return `${SESSION_COOKIE}=${token}`;
}

const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  handleTrpcRequest(
    new Request(`${BASE}/api/trpc/${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit),
    createContext,
  );

const submitBody = (title: string) => JSON.stringify({ json: { title, details: '', email: null, website: '' } });

const requestCount = async () => (await sql<{ count: number }>`select count(*)::int as count from roadmap_requests`.execute(handle.db)).rows[0].count;

/** A body of `total` bytes made on demand, counting how many bytes the server pulled. */
function streamedBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

describe('body limits', () => {
  it('answers 413 to a 200 MB streamed body after reading about 1 MB of it, without growing memory by its size', async () => {
    const { stream, counter } = streamedBody(200 * 1024 * 1024);
    const before = process.memoryUsage();
    const response = await post('requests.submit', stream);
    const after = process.memoryUsage();
    expect(response.status).toBe(413);
    const reply = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(reply.error.json.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect(reply.error.json.message).toContain('limit of 1 MB');
    expect(counter.pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 3 * 64 * 1024);
    expect(after.rss + after.arrayBuffers - before.rss - before.arrayBuffers).toBeLessThan(50 * 1024 * 1024);
    expect(await requestCount()).toBe(0);
  });

  it('refuses a declared length past the limit before reading a byte, in tRPC shape for a batch too', async () => {
    const { stream, counter } = streamedBody(5 * 1024 * 1024);
    const response = await post('requests.submit,requests.submit?batch=1', stream, { 'content-length': String(5 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(3 * 64 * 1024);
    const reply = (await response.json()) as { error: { json: { data: { code: string } } } }[];
    expect(reply.map((item) => item.error.json.data.code)).toEqual(['PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE']);
  });

  it('accepts a body under the limit as before', async () => {
    const response = await post('requests.submit', submitBody('Faster preview environments'));
    expect(response.status).toBe(200);
    expect(await requestCount()).toBe(1);
  });

  it('gives the bigger limit of a file procedure only to a signed-in editor', async () => {
    const text = `email,name\n${'ana@example.com,Ana\n'.repeat(100_000)}`;
    const body = JSON.stringify({ json: { text } });
    expect(body.length).toBeGreaterThan(DEFAULT_MAX_BODY_BYTES);
    expect((await post('participants.previewImport', body)).status).toBe(413);
    expect((await post('participants.previewImport', body, { cookie: await sessionCookie('viewer') })).status).toBe(413);
    expect((await post('participants.previewImport', body, { cookie: await sessionCookie('editor') })).status).toBe(200);
  });
});

describe('cross-site requests', () => {
  it('refuses a state change with a foreign Origin or Referer (403), whatever the content type', async () => {
    const cookie = await sessionCookie('editor');
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' },
      { origin: 'https://evil.example', 'content-type': 'text/plain' },
      { origin: 'null', 'content-type': 'application/json' },
      { referer: 'https://evil.example/page', 'content-type': 'application/x-www-form-urlencoded' },
    ];
    for (const headers of cases) {
      const response = await post('auth.signOut', '{}', { cookie, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('came from another site');
    }
    // The session still works: none of them signed it out.
    const same = await post('auth.signOut', '{}', { cookie, origin: BASE });
    expect(same.status).toBe(200);
    expect(same.headers.get('set-cookie')).toContain(`${SESSION_COOKIE}=;`);
  });

  it('accepts the app itself: PUBLIC_URL, the host it was sent to, or a program with neither header', async () => {
    expect((await post('requests.submit', submitBody('From the page'), { origin: BASE })).status).toBe(200);
    expect((await post('requests.submit', submitBody('Behind a proxy'), { origin: 'https://frictionlog.internal', host: 'frictionlog.internal' })).status).toBe(200);
    expect((await post('requests.submit', submitBody('From a script'))).status).toBe(200);
    expect((await post('requests.submit', submitBody('Same-site referer'), { referer: `${BASE}/roadmap` })).status).toBe(200);
  });

  it('refuses a cross-site upload on the Imports page route before reading it', async () => {
    const response = await importsPost(
      new Request(`${BASE}/api/imports`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' }),
    );
    expect(response.status).toBe(403);
  });
});

describe('NUL and invalid UTF-8', () => {
  it('answers 400 naming the field for a NUL in a search box, a form and a batch', async () => {
    const viewer = callerAs(handle, await createUser(handle, 'viewer'));
    const search = await rejection(viewer.search.query({ text: 'deploy\0' }));
    expect(search.code).toBe('BAD_REQUEST');
    expect(search.message).toContain('Field "text" contains a NUL character');

    const response = await post('requests.submit', submitBody('Faster\u0000 builds'));
    expect(response.status).toBe(400);
    const reply = (await response.json()) as { error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } } };
    expect(reply.error.json.data.fieldErrors).toHaveProperty('title');
    expect(await requestCount()).toBe(0);
  });

  it('answers 400 naming the field for invalid UTF-8 in a body or a query input, never replacing it', async () => {
    const bytes = Buffer.concat([Buffer.from('{"json":{"title":"Caf'), Buffer.from([0xe9]), Buffer.from('","details":"","email":null,"website":""}}')]);
    const response = await post('requests.submit', bytes);
    expect(response.status).toBe(400);
    const reply = (await response.json()) as { error: { json: { message: string } } };
    expect(reply.error.json.message).toBe('Field "title" is not valid UTF-8 text. Save it as UTF-8 and send again.');
    expect(await requestCount()).toBe(0);

    const cookie = await sessionCookie('viewer');
    const query = await handleTrpcRequest(
      new Request(`${BASE}/api/trpc/search.query?input=${encodeURIComponent('{"json":{"text":"deploy')}%FF${encodeURIComponent('"}}')}`, { headers: { cookie } }),
      createContext,
    );
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: { json: { message: string } } }).error.json.message).toContain('Field "text" is not valid UTF-8');
    // Next.js hands the route a query whose bad bytes it already replaced with U+FFFD: refused too.
    const replaced = await handleTrpcRequest(
      new Request(`${BASE}/api/trpc/search.query?input=${encodeURIComponent('{"json":{"text":"deploy\uFFFD"}}')}`, { headers: { cookie } }),
      createContext,
    );
    expect(replaced.status).toBe(400);
    const malformed = await handleTrpcRequest(new Request(`${BASE}/api/trpc/search.query?input=%7B`, { headers: { cookie } }), createContext);
    expect(malformed.status).toBe(400);
  });

  it('answers 400 naming the field for a NUL or invalid UTF-8 in a REST payload (events, ratings, survey answers)', async () => {
    const schema = z.object({ events: z.array(z.object({ service: z.string() })) });
    const call = (body: BodyInit) =>
      runRest(handle.db, new Request(`${BASE}/api/v1/events/services`, { method: 'POST', body }), { auth: 'public' }, async (ctx) =>
        json(await parseJsonBody(ctx.req, schema, { maxBytes: 1024 * 1024 })),
      );
    const nul = await call(JSON.stringify({ events: [{ service: 'ok' }, { service: 'pay\u0000ments' }] }));
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as { error: { message: string; field: string } }).error).toMatchObject({ field: 'events.1.service' });
    const invalid = await call(Buffer.concat([Buffer.from('{"events":[{"service":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')]));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toBe('Field "events.0.service" is not valid UTF-8 text. Save it as UTF-8 and send again.');
  });
});
