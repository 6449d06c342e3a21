// Survey responses and ratings answered by the HTTP server's hook before Next.js (server/rest-fast-path.ts),
// on a real HTTP server whose fallback stands in for Next.js: the route handlers behind the headers
// next.config.js adds to the API. The hook answers exactly as the route did (status, body, headers)
// for a good response, a bad one, an unknown survey, a closed one, a browser that already answered,
// the rate limit, and for ratings; until Next.js has answered a route once, it goes to Next.js.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { installClientAddressStamp } from '@/server/client-address';
import { postRating } from '@/server/ratings/rest';
import { answerBeforeNext } from '@/server/rest-fast-path';
import { runRest } from '@/server/rest';
import { postSurveyResponse } from '@/server/surveys/rest';
import { addDays, answeredMarkerName, quarterlyTemplate, todayOf, type SurveyDraft } from '@/server/surveys/rules';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let server: http.Server;
let baseUrl: string;
/** Requests the stand-in for Next.js answered. */
let fallbacks: string[] = [];
/** Sends every request to the stand-in, as before the hook. */
let isHookOff = false;
const BACKSTAGE = 'https://backstage.example.com';

/** The Vary entries Next.js 16 puts on a route handler's answer before the handler's own. */
const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/**
 * Next.js's part: the route handlers, with the headers next.config.js adds to /api/*, Next.js's
 * Vary entries and its compression (gzip when the client takes it, whatever the size), as a
 * production server was seen to answer.
 */
async function nextStandIn(req: http.IncomingMessage, res: http.ServerResponse) {
  fallbacks.push(`${req.method} ${req.url}`);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const request = new Request(`${baseUrl}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
  const path = new URL(request.url).pathname;
  const slug = /^\/api\/v1\/surveys\/([^/]+)\/responses$/.exec(path)?.[1];
  const response = await runRest(handle.db, request, { auth: 'public' }, (ctx) => (slug ? postSurveyResponse(ctx, slug) : postRating(ctx)));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (response.headers.getSetCookie().length > 0) res.setHeader('set-cookie', response.headers.getSetCookie());
  res.setHeader('vary', [NEXT_VARY, response.headers.get('vary'), 'Accept-Encoding'].filter(Boolean).join(', '));
  const body = Buffer.from(await response.arrayBuffer());
  const isGzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (isGzip) res.setHeader('content-encoding', 'gzip');
  res.writeHead(response.status);
  res.end(isGzip ? zlib.gzipSync(body) : body);
}

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  const admin = await callerWithRole(handle, 'admin');
  await editor.teams.create({ name: 'Payments' });
  await admin.ratings.createFlow({ key: 'create-service', name: 'Create a new service', allowedOrigins: [BACKSTAGE] });
  installClientAddressStamp();
  server = http.createServer((req, res) => {
    if (!isHookOff && answerBeforeNext(handle.db, req, res)) return;
    void nextStandIn(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await handle?.close();
});
beforeEach(() => {
  fallbacks = [];
  isHookOff = false;
});
afterEach(() => {
  vi.useRealTimers();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
        resolve({ status: response.statusCode ?? 0, headers: { ...response.headers }, body: body.toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end(text);
  });
}

/** Headers of an answer without the ones of the moment and the connection. */
function lasting(answer: Answer) {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _chunked, 'content-length': _length, ...rest } = answer.headers;
  return rest;
}

/** The same request answered by Next.js's route and by the hook: both answers, the hook's checked to be its own. */
async function viaBoth(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ viaNext: Answer; viaHook: Answer }> {
  isHookOff = true;
  const viaNext = await post(path, body, headers);
  isHookOff = false;
  fallbacks = [];
  const viaHook = await post(path, body, headers);
  expect(fallbacks).toEqual([]);
  expect(lasting(viaHook)).toEqual(lasting(viaNext));
  if (!viaHook.headers['content-encoding']) expect(Number(viaHook.headers['content-length'])).toBe(Buffer.byteLength(viaHook.body));
  return { viaNext, viaHook };
}

async function createSurvey(changes: Partial<SurveyDraft> = {}) {
  const { id } = await editor.surveys.create({ ...quarterlyTemplate(todayOf()), opensOn: addDays(todayOf(), -1), ...changes });
  return editor.surveys.get({ id });
}

const responseCount = async (surveyId: string) =>
  Number((await handle.db.selectFrom('survey_responses').select((eb) => eb.fn.countAll().as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow()).n);

describe('survey responses before Next.js', () => {
  it('goes to Next.js until Next.js has answered the route once, then answers a good response the same way', async () => {
    const survey = await createSurvey();
    const path = `/api/v1/surveys/${survey.slug}/responses`;
    const body = { answers: { [survey.questions[0].id]: 8 }, team: 'Payments', tenureBand: '1-3y' };
    const first = await post(path, body);
    expect(fallbacks).toEqual([`POST ${path}`]);
    expect(first.status).toBe(201);

    const { viaNext, viaHook } = await viaBoth(path, body);
    expect([viaNext.status, viaHook.status]).toEqual([201, 201]);
    expect(viaHook.body).toBe(viaNext.body);
    expect(JSON.parse(viaHook.body)).toEqual({ ok: true });
    // Next.js's headers, and the handler's own: the browser's "already answered" marker.
    expect(viaHook.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(viaHook.headers['x-content-type-options']).toBe('nosniff');
    expect(String(viaHook.headers['set-cookie'])).toContain(`${answeredMarkerName(survey.slug)}=1`);
    expect(await responseCount(survey.id)).toBe(3);
    expect(viaHook.headers.vary).toBe(`${NEXT_VARY}, Accept-Encoding`);

    // A browser's request, compressed as Next.js compresses it.
    const compressed = await viaBoth(path, body, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect([compressed.viaNext.status, compressed.viaHook.status]).toEqual([201, 201]);
    expect(compressed.viaHook.headers['content-encoding']).toBe('gzip');
    expect(compressed.viaHook.body).toBe(compressed.viaNext.body);
    expect(await responseCount(survey.id)).toBe(5);

    // That browser, now marked, is refused the same way.
    const again = await viaBoth(path, body, { cookie: `${answeredMarkerName(survey.slug)}=1` });
    expect([again.viaNext.status, again.viaHook.status]).toEqual([409, 409]);
    expect(again.viaHook.body).toBe(again.viaNext.body);
    expect(await responseCount(survey.id)).toBe(5);
  });

  it('refuses a bad response naming the field, an unknown survey and a closed one as the route did', async () => {
    const survey = await createSurvey({ oneAnswerPerBrowser: false });
    const path = `/api/v1/surveys/${survey.slug}/responses`;
    const [score] = survey.questions;

    const bad = await viaBoth(path, { answers: { [score.id]: 11 } });
    expect([bad.viaNext.status, bad.viaHook.status]).toEqual([400, 400]);
    expect(bad.viaHook.body).toBe(bad.viaNext.body);
    expect(JSON.parse(bad.viaHook.body).error).toMatchObject({ code: 'BAD_REQUEST', field: `answers.${score.id}` });

    const badShape = await viaBoth(path, { answers: { [score.id]: 5 }, tenureBand: 'forever' });
    expect([badShape.viaNext.status, badShape.viaHook.status]).toEqual([400, 400]);
    expect(badShape.viaHook.body).toBe(badShape.viaNext.body);
    expect(JSON.parse(badShape.viaHook.body).error.field).toBe('tenureBand');

    const notJson = await viaBoth(path, '{"answers":');
    expect([notJson.viaNext.status, notJson.viaHook.status]).toEqual([400, 400]);
    expect(notJson.viaHook.body).toBe(notJson.viaNext.body);

    const unknown = await viaBoth('/api/v1/surveys/no-such-survey-abcdefgh/responses', { answers: { [score.id]: 5 } });
    expect([unknown.viaNext.status, unknown.viaHook.status]).toEqual([404, 404]);
    expect(unknown.viaHook.body).toBe(unknown.viaNext.body);

    await editor.surveys.setClosed({ id: survey.id, isClosed: true });
    const closed = await viaBoth(path, { answers: { [score.id]: 5 } });
    expect([closed.viaNext.status, closed.viaHook.status]).toEqual([409, 409]);
    expect(closed.viaHook.body).toBe(closed.viaNext.body);
    expect(JSON.parse(closed.viaHook.body).error.message).toContain('This survey is closed');
    expect(await responseCount(survey.id)).toBe(0);
  });

  it('counts the same rate limit, and refuses past it with the same 429 and Retry-After', async () => {
    // One fixed moment, early in a window no other test used: both answers wait the same seconds.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-04T10:00:05.000Z'));
    const survey = await createSurvey({ oneAnswerPerBrowser: false, opensOn: '2031-03-01', closesOn: '2031-03-31', quarter: '2031-Q1' });
    const path = `/api/v1/surveys/${survey.slug}/responses`;
    const body = { answers: { [survey.questions[0].id]: 7 } };
    const statuses: number[] = [];
    for (let sent = 0; sent < 60; sent += 1) statuses.push((await post(path, body)).status);
    expect(statuses).toEqual(Array(60).fill(201));
    expect(fallbacks).toEqual([]);

    const limited = await viaBoth(path, body);
    expect([limited.viaNext.status, limited.viaHook.status]).toEqual([429, 429]);
    expect(limited.viaHook.body).toBe(limited.viaNext.body);
    expect(limited.viaHook.headers['retry-after']).toBe('55');
    expect(await responseCount(survey.id)).toBe(60);
  });

  it('leaves other methods and addresses to Next.js', async () => {
    const survey = await createSurvey({ oneAnswerPerBrowser: false });
    const body = { answers: { [survey.questions[0].id]: 6 } };
    await post(`/api/v1/surveys/${survey.slug}/responses?via=query`, body);
    await post(`/api/v1/surveys/${survey.slug}/responses/`, body);
    await post(`/api/v1/surveys/${survey.slug.toUpperCase()}/responses`, body);
    expect(fallbacks).toEqual([
      `POST /api/v1/surveys/${survey.slug}/responses?via=query`,
      `POST /api/v1/surveys/${survey.slug}/responses/`,
      `POST /api/v1/surveys/${survey.slug.toUpperCase()}/responses`,
    ]);
  });
});

describe('ratings before Next.js', () => {
  it('answers a rating from an allowed page, a bad one and an unknown flow as the route did', async () => {
    const headers = { origin: BACKSTAGE };
    await post('/api/v1/ratings', { flow: 'create-service', score: 4 }, headers);
    expect(fallbacks).toEqual(['POST /api/v1/ratings']);

    const good = await viaBoth('/api/v1/ratings', { flow: 'create-service', score: 5, comment: 'quick' }, headers);
    expect([good.viaNext.status, good.viaHook.status]).toEqual([201, 201]);
    const { id: _nextId, ...nextRating } = JSON.parse(good.viaNext.body) as { id: string };
    const { id: _hookId, ...hookRating } = JSON.parse(good.viaHook.body) as { id: string };
    expect(hookRating).toEqual(nextRating);
    expect(good.viaHook.headers['access-control-allow-origin']).toBe(BACKSTAGE);
    expect(good.viaHook.headers.vary).toBe(`${NEXT_VARY}, Origin, Accept-Encoding`);

    const bad = await viaBoth('/api/v1/ratings', { flow: 'create-service', score: 7 }, headers);
    expect([bad.viaNext.status, bad.viaHook.status]).toEqual([400, 400]);
    expect(bad.viaHook.body).toBe(bad.viaNext.body);
    expect(JSON.parse(bad.viaHook.body).error.field).toBe('score');

    const unknown = await viaBoth('/api/v1/ratings', { flow: 'no-such-flow', score: 3 });
    expect([unknown.viaNext.status, unknown.viaHook.status]).toEqual([404, 404]);
    expect(unknown.viaHook.body).toBe(unknown.viaNext.body);
  });
});
