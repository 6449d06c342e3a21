// In-flow ratings: admins register flows; POST /api/v1/ratings answers 201 or a JSON error with a
// reason, with CORS only for the flow's origins; the flow's numbers and comments; evidence from a
// comment; nothing identifying stored.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { postRating, preflightRating } from '@/server/ratings/rest';
import { runRest } from '@/server/rest';
import { todayOf } from '@/server/surveys/rules';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { jsonPost, restContextAs, untilStatusChanges } from '@/test/helpers/rest';

let handle: DbHandle;
let admin: Awaited<ReturnType<typeof callerWithRole>>;
const today = todayOf();
const BACKSTAGE = 'https://backstage.example.com';

beforeAll(async () => {
  handle = await createTestDb();
  admin = await callerWithRole(handle, 'admin');
  await admin.ratings.createFlow({ key: 'create-service', name: 'Create a new service', allowedOrigins: [`${BACKSTAGE}/`, '  ', BACKSTAGE] });
  await admin.ratings.createFlow({ key: 'first-deploy', name: 'First deploy', allowedOrigins: [] });
});
afterAll(async () => handle.close());

async function rate(body: unknown, headers: Record<string, string> = {}) {
  const request = new Request('http://frictionlog.test/api/v1/ratings', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const response = await runRest(handle.db, request, { auth: 'public' }, postRating);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const ratingCount = async () => Number((await handle.db.selectFrom('ratings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('flows', () => {
  it('are registered by admins with normalised origins; bad keys and origins are named', async () => {
    const flows = await admin.ratings.flows();
    expect(flows.map((flow) => [flow.key, flow.allowedOrigins])).toEqual([
      ['create-service', [BACKSTAGE]],
      ['first-deploy', []],
    ]);
    expect((await rejection(admin.ratings.createFlow({ key: 'Create Service', name: 'x', allowedOrigins: [] }))).message).toBe(
      'key: Use lowercase letters, digits and dashes (at most 63), like create-service',
    );
    expect((await rejection(admin.ratings.createFlow({ key: 'x', name: 'x', allowedOrigins: ['https://a.example.com/path'] }))).message).toBe(
      'allowedOrigins.0: "https://a.example.com/path" is not an origin: write it like https://backstage.example.com (no path)',
    );
    expect((await rejection(admin.ratings.createFlow({ key: 'create-service', name: 'Again', allowedOrigins: [] }))).message).toBe(
      'A flow with the key "create-service" exists already.',
    );
    const editor = await callerWithRole(handle, 'editor');
    expect((await rejection(editor.ratings.createFlow({ key: 'x', name: 'x', allowedOrigins: [] }))).code).toBe('FORBIDDEN');
    const flow = flows.find((entry) => entry.key === 'first-deploy')!;
    await admin.ratings.updateFlow({ id: flow.id, name: 'First deploy to production', allowedOrigins: ['http://localhost:8080'] });
    expect((await editor.ratings.flow({ key: 'first-deploy' })).allowedOrigins).toEqual(['http://localhost:8080']);
  });
});

describe('POST /api/v1/ratings', () => {
  it('answers 201 from a CLI (no Origin) and from an allowed page, with CORS for that page only', async () => {
    const cli = await rate({ flow: 'create-service', score: 4 });
    expect(cli.status).toBe(201);
    expect(cli.body).toEqual({ id: expect.any(String), flow: 'create-service', score: 4 });
    expect(cli.headers.get('access-control-allow-origin')).toBeNull();

    const page = await rate({ flow: 'create-service', score: 2, comment: '  Took two days to get a database.  ' }, { origin: BACKSTAGE });
    expect(page.status).toBe(201);
    expect(page.headers.get('access-control-allow-origin')).toBe(BACKSTAGE);
    expect(page.headers.get('vary')).toBe('Origin');
    const stored = await handle.db.selectFrom('ratings').selectAll().where('id', '=', page.body.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ id: page.body.id, flow_id: expect.any(String), score: 2, comment: 'Took two days to get a database.', rated_on: today });
  });

  it('refuses a page on an origin the flow does not allow, and writes nothing', async () => {
    const before = await ratingCount();
    const other = await rate({ flow: 'create-service', score: 5 }, { origin: 'https://evil.example.net' });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe(
      'The flow "create-service" does not take ratings from pages on https://evil.example.net. An admin can allow this origin in the flow\'s settings.',
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // An origin allowed for another flow still cannot rate this one (and may read why).
    const cross = await rate({ flow: 'create-service', score: 5 }, { origin: 'http://localhost:8080' });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(await ratingCount()).toBe(before);
  });

  it.each([
    ['malformed JSON', '{"flow": "create-service", "score": ', 400, 'The request body is not valid JSON.'],
    ['a score of 0', { flow: 'create-service', score: 0 }, 400, 'Field "score": Give a score from 1 to 5'],
    ['a score of 6', { flow: 'create-service', score: 6 }, 400, 'Field "score": Give a score from 1 to 5'],
    ['a score of 3.5', { flow: 'create-service', score: 3.5 }, 400, 'Field "score": Give a whole number from 1 to 5'],
    ['a score of "ten"', { flow: 'create-service', score: 'ten' }, 400, 'Field "score": Give a score from 1 to 5 as a number'],
    ['no flow', { score: 3 }, 400, 'Field "flow": Name the flow, e.g. "create-service"'],
    ['an unknown flow', { flow: 'delete-prod', score: 3 }, 404, 'There is no rating flow "delete-prod". An admin registers flows on the Ratings page of Frictionlog.'],
    ['a 100 KB comment', { flow: 'create-service', score: 3, comment: 'x'.repeat(100_000) }, 413, 'The request body is larger than the limit of 10000 bytes.'],
    ['a comment over 2,000 characters', { flow: 'create-service', score: 3, comment: 'y'.repeat(2001) }, 400, 'Field "comment": Keep the comment under 2,000 characters'],
  ])('refuses %s with a JSON reason', async (_label, body, status, message) => {
    const before = await ratingCount();
    const result = await rate(body, { origin: BACKSTAGE });
    expect(result.status).toBe(status);
    expect(result.body.error.message).toBe(message);
    expect(result.headers.get('access-control-allow-origin')).toBe(BACKSTAGE);
    expect(await ratingCount()).toBe(before);
  });

  it('answers the browser preflight only for allowed origins', async () => {
    const preflight = (origin: string) =>
      runRest(handle.db, new Request('http://frictionlog.test/api/v1/ratings', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } }), { auth: 'public' }, preflightRating);
    const allowed = await preflight(BACKSTAGE);
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(allowed.headers)).toMatchObject({
      'access-control-allow-origin': BACKSTAGE,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
    });
    const refused = await preflight('https://evil.example.net');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rate limits one client', async () => {
    const body = { flow: 'first-deploy', score: 3, comment: null };
    const { accepted, refused } = await untilStatusChanges(() => postRating(restContextAs(handle.db, 'busy-ci', jsonPost('/api/v1/ratings', body))), 201, 130);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    expect(accepted).toBeGreaterThanOrEqual(60);
  });

  it('stores no account, address, user agent or time of day', async () => {
    const columns = await handle.db
      .selectFrom('information_schema.columns' as never)
      .select('column_name' as never)
      .where('table_name' as never, '=', 'ratings' as never)
      // Other test files' schemas on the same PostgreSQL database have the same tables.
      .where(sql<boolean>`table_schema = current_schema()`)
      .execute();
    expect((columns as { column_name: string }[]).map((row) => row.column_name).sort()).toEqual(['comment', 'flow_id', 'id', 'rated_on', 'score']);
    const result = await rate({ flow: 'create-service', score: 5 }, { 'user-agent': 'Mozilla/5.0 Identifying', 'x-forwarded-for': '198.51.100.7', origin: BACKSTAGE });
    const row = await handle.db.selectFrom('ratings').selectAll().where('id', '=', result.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/Mozilla|198\.51/);
  });
});

describe('the Ratings page of a flow', () => {
  it('shows the average, distribution, weekly trend and comments; a comment becomes evidence', async () => {
    const viewer = await callerWithRole(handle, 'viewer');
    const flow = await viewer.ratings.flow({ key: 'create-service' });
    expect(flow.ratingCount).toBe(3);
    expect(flow.average).toBeCloseTo((4 + 2 + 5) / 3, 2);
    expect(flow.distribution).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 1 },
      { value: 3, count: 0 },
      { value: 4, count: 1 },
      { value: 5, count: 1 },
    ]);
    expect(flow.weekly.length).toBeGreaterThanOrEqual(12);
    expect(flow.weekly[flow.weekly.length - 1]).toMatchObject({ count: 3 });
    expect((await rejection(viewer.ratings.flow({ key: 'nope' }))).code).toBe('NOT_FOUND');

    const comments = await viewer.ratings.comments({ key: 'create-service' });
    expect(comments.rows).toEqual([{ id: expect.any(String), score: 2, comment: 'Took two days to get a database.', ratedOn: today }]);

    const editor = await callerWithRole(handle, 'editor');
    const evidence = await editor.evidence.create({ sourceKind: 'rating', sourceId: comments.rows[0].id, excerpt: 'two days to get a database', minutesLost: 960 });
    expect(await editor.evidence.get({ id: evidence.id })).toMatchObject({
      sourceKind: 'rating',
      sourcePath: `/ratings/create-service#rating-${comments.rows[0].id}`,
      participantId: null,
      observedOn: today,
    });
  });
});
