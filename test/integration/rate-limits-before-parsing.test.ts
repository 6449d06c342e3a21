// Issue 15: the rate limits that protect parsing run before parsing. A public write's per-client
// limit is counted from the URL and the client's address alone, so a client over it gets 429 with
// Retry-After and not a byte of its body is read (a body that would be a 400 or a 413 is a 429);
// under the limit everything works as before, each call counted once; signed-in members'
// procedures have no such limit and are unaffected. tRPC, the REST routes and the board's vote form.
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '@/db/create-db';
import { resolveSession, SESSION_COOKIE } from '@/server/auth/service';
import { hashToken, newToken } from '@/server/auth/session-token';
import { readCookie } from '@/server/http-context';
import { enforceClientLimit, type ClientLimit } from '@/server/rate-limit/service';
import { RATING_RATE_LIMIT } from '@/server/ratings/service';
import { postRating } from '@/server/ratings/rest';
import { errorResponse } from '@/server/rest';
import { SUBMIT_LIMIT } from '@/server/requests/rules';
import { VOTE_LIMIT } from '@/server/roadmap/rules';
import { voteFromForm } from '@/server/roadmap/service-board-rest';
import { getServerKey, keyedHash } from '@/server/secrets/service';
import { RESPONSE_RATE_LIMIT } from '@/server/surveys/service-responses';
import { postSurveyResponse } from '@/server/surveys/rest';
import { handleTrpcRequest } from '@/server/trpc-http';
import { createContextInner } from '@/server/trpc';
import { createUser } from '@/test/helpers/callers';
import { restContextAs } from '@/test/helpers/rest';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));
beforeEach(async () => {
  await sql`delete from roadmap_requests`.execute(handle.db);
  await sql`delete from rate_limits`.execute(handle.db);
});

const BASE = 'http://localhost:3000';
let clients = 0;
const newClient = () => `203.0.113.${++clients}`;

const contextFor = (clientKey: string) => async ({ headers, resHeaders }: { headers: Headers; resHeaders?: Headers }) =>
  createContextInner({
    db: handle.db,
    user: await resolveSession(handle.db, { token: readCookie(headers, SESSION_COOKIE) }),
    clientKey,
    cookies: { set: (name, value) => resHeaders?.append('set-cookie', `${name}=${value}`), clear: () => undefined, get: (name) => readCookie(headers, name) },
  });

const trpcPost = (clientKey: string, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  handleTrpcRequest(
    new Request(`${BASE}/api/trpc/${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit),
    contextFor(clientKey),
  );

const submitBody = (title: string) => JSON.stringify({ json: { title, details: '', email: null, website: '' } });

/** A body of `total` bytes made on demand, counting the bytes the server pulled. */
function streamedBody(total: number) {
  const chunk = new TextEncoder().encode('{"json": {"title": '.padEnd(64 * 1024, 'x'));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 }); // nothing made until someone reads
  return { stream, counter };
}

/** Takes a client over its allowance directly, as its earlier requests would have (until refused, so a turning window is no matter). */
async function useUp(limit: ClientLimit, clientKey: string) {
  for (let hit = 0; hit <= 3 * limit.limit; hit += 1) {
    const refused = await enforceClientLimit(handle.db, limit, clientKey).then(() => false, () => true);
    if (refused) return;
  }
  throw new Error('the limit never refused');
}

/** The hits stored for a client's bucket, over all its windows. */
async function hitsOf(limit: ClientLimit, clientKey: string): Promise<number> {
  const bucket = keyedHash(await getServerKey(handle.db), 'rate-limit', `${limit.name}:${clientKey}`);
  const rows = await handle.db.selectFrom('rate_limits').select('hits').where('bucket', '=', bucket).execute();
  return rows.reduce((sum, row) => sum + row.hits, 0);
}

const requestCount = async () => (await sql<{ count: number }>`select count(*)::int as count from roadmap_requests`.execute(handle.db)).rows[0].count;

async function sessionCookie(role: 'editor' | 'viewer'): Promise<string> {
  const user = await createUser(handle, role);
  const token = newToken();
  await handle.db.insertInto('sessions').values({ id: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + 86_400_000) }).execute();
  return `${SESSION_COOKIE}=${token}`;
}

describe('tRPC: public writes', () => {
  it('works under the limit as before, counting each call once', async () => {
    const client = newClient();
    for (let i = 0; i < 3; i += 1) expect((await trpcPost(client, 'requests.submit', submitBody(`Faster builds ${i}`))).status).toBe(200);
    // A bad body under the limit is still the procedure's 400 (and counts as one call).
    expect((await trpcPost(client, 'requests.submit', '{not json')).status).toBe(400);
    expect(await requestCount()).toBe(3);
    expect(await hitsOf(SUBMIT_LIMIT, client)).toBe(4);
  });

  it('answers 429 with Retry-After past the limit, reading nothing of a 50 MB body that would be a 413', async () => {
    const client = newClient();
    await useUp(SUBMIT_LIMIT, client);
    const { stream, counter } = streamedBody(50 * 1024 * 1024);
    const response = await trpcPost(client, 'requests.submit', stream);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const reply = (await response.json()) as { error: { json: { message: string; data: { code: string; details: { retryAfterSeconds: number } } } } };
    expect(reply.error.json.data.code).toBe('TOO_MANY_REQUESTS');
    expect(reply.error.json.message).toMatch(/^Too many requests from here\. Try again in \d+ seconds\.$/);
    expect(reply.error.json.data.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(counter.pulled).toBe(0);
    expect(await requestCount()).toBe(0);
  });

  it('answers 429, not 400, to a malformed body past the limit, for every call of a batch', async () => {
    const client = newClient();
    await useUp(VOTE_LIMIT, client);
    const single = await trpcPost(client, 'roadmap.vote', '{"json": {"target": ');
    expect(single.status).toBe(429);
    const batch = await trpcPost(client, 'roadmap.unvote,roadmap.vote?batch=1', '{"0": nope');
    expect(batch.status).toBe(429);
    const codes = ((await batch.json()) as { error: { json: { data: { code: string } } } }[]).map((item) => item.error.json.data.code);
    expect(codes).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    // Another client is not affected.
    expect((await trpcPost(newClient(), 'roadmap.vote', '{"json": {"target": ')).status).toBe(400);
  });

  it('leaves a signed-in member’s procedures alone from an address that is over a public limit', async () => {
    const client = newClient();
    await useUp(SUBMIT_LIMIT, client);
    const cookie = await sessionCookie('editor');
    const hitsBefore = await hitsOf(SUBMIT_LIMIT, client);
    const created = await trpcPost(client, 'requests.createBoard', JSON.stringify({ json: { name: 'CI/CD', description: '' } }), { cookie });
    expect(created.status).toBe(200);
    // Its body is still parsed and judged: a malformed one is the procedure's 400, not a 429.
    expect((await trpcPost(client, 'requests.createBoard', '{broken', { cookie })).status).toBe(400);
    expect(await hitsOf(SUBMIT_LIMIT, client)).toBe(hitsBefore);
  });
});

describe('REST and the board’s vote form', () => {
  const rawPost = (path: string, body: BodyInit) =>
    new Request(`${BASE}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);

  it('answers 429 with Retry-After to a rating or a survey answer past the limit, reading nothing of the body', async () => {
    const rater = newClient();
    await useUp(RATING_RATE_LIMIT, rater);
    const rating = streamedBody(5 * 1024 * 1024);
    const refusedRating = await postRating(restContextAs(handle.db, rater, rawPost('/api/v1/ratings', rating.stream)));
    expect(refusedRating.status).toBe(429);
    expect(Number(refusedRating.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refusedRating.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    expect(rating.counter.pulled).toBe(0);

    const respondent = newClient();
    await useUp(RESPONSE_RATE_LIMIT, respondent);
    const answer = streamedBody(5 * 1024 * 1024);
    const refusedAnswer = await postSurveyResponse(restContextAs(handle.db, respondent, rawPost('/api/v1/surveys/any/responses', answer.stream)), 'any').catch(
      (error: unknown) => errorResponse(error),
    );
    expect(refusedAnswer.status).toBe(429);
    expect(Number(refusedAnswer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answer.counter.pulled).toBe(0);
  });

  it('parses as before under the limit (a malformed body is a 400), counting the call once', async () => {
    const rater = newClient();
    const response = await postRating(restContextAs(handle.db, rater, rawPost('/api/v1/ratings', '{nope')));
    expect(response.status).toBe(400);
    expect(await hitsOf(RATING_RATE_LIMIT, rater)).toBe(1);
  });

  it('answers a vote form past the limit with a 429 page linking back, without reading the form', async () => {
    const voter = newClient();
    await useUp(VOTE_LIMIT, voter);
    const form = streamedBody(1024 * 1024);
    const ctx = await contextFor(voter)({ headers: new Headers() });
    const request = new Request(`${BASE}/roadmap/vote`, {
      method: 'POST',
      body: form.stream,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, referer: `${BASE}/roadmap?sort=newest` },
      duplex: 'half',
    } as RequestInit);
    const response = await voteFromForm(ctx, request);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.text()).toContain('href="/roadmap?sort=newest"');
    expect(form.counter.pulled).toBe(0);
  });
});
