// API tokens (stored hashed, revocable) and the REST wrapper's errors; rate limits.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DbHandle } from '@/db/create-db';
import { hashToken } from '@/server/auth/session-token';
import { enforceRateLimit } from '@/server/rate-limit/service';
import { json, parseJsonBody, parseQuery, runRest } from '@/server/rest';
import { callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

const echo = (options: { auth: 'token' | 'public' }, req: Request) =>
  runRest(handle.db, req, options, async (ctx) => {
    const query = parseQuery(z.object({ limit: z.coerce.number().int().min(1, 'Use a whole number of at least 1').optional() }), ctx.url);
    return json({ tokenId: ctx.tokenId, query });
  });

describe('API tokens', () => {
  it('creates a token shown once and stored hashed; it authenticates until revoked', async () => {
    const admin = await callerWithRole(handle, 'admin');
    const created = await admin.apiTokens.create({ name: 'nightly import' });
    expect(created.token).toMatch(/^fl_[\w-]{40,}$/);
    const stored = await handle.db.selectFrom('api_tokens').select(['token_hash', 'token_prefix']).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(created.token));
    expect(JSON.stringify(await admin.apiTokens.list())).not.toContain(created.token);

    const ok = await echo({ auth: 'token' }, new Request('http://x/api/v1/echo?limit=5', { headers: { authorization: `Bearer ${created.token}` } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ tokenId: created.id, query: { limit: 5 } });
    expect((await admin.apiTokens.list())[0].lastUsedAt).toBeInstanceOf(Date);

    await admin.apiTokens.revoke({ id: created.id });
    const revoked = await echo({ auth: 'token' }, new Request('http://x/api/v1/echo', { headers: { authorization: `Bearer ${created.token}` } }));
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toContain('revoked');
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer fl_wrong' }],
    ['a malformed header', { authorization: 'Token abc' }],
  ])('answers 401 for %s', async (_label, headers) => {
    const response = await echo({ auth: 'token' }, new Request('http://x/api/v1/echo', { headers }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('UNAUTHORIZED');
  });

  it('answers 400 naming a query parameter of the wrong type', async () => {
    const response = await echo({ auth: 'public' }, new Request('http://x/api/v1/echo?limit=many'));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ field: 'limit', message: expect.stringMatching(/^Query parameter "limit": /) });
  });

  it('refuses a viewer and an editor making tokens', async () => {
    const editor = await callerWithRole(handle, 'editor');
    expect((await rejection(editor.apiTokens.create({ name: 'x' }))).code).toBe('FORBIDDEN');
  });
});

describe('JSON bodies', () => {
  const schema = z.object({ score: z.number().int().min(1).max(5) });
  const post = (body: string, headers: Record<string, string> = {}) => new Request('http://x', { method: 'POST', body, headers });

  it('parses a valid body and names the field of an invalid one', async () => {
    expect(await parseJsonBody(post('{"score":3}'), schema, { maxBytes: 100 })).toEqual({ score: 3 });
    await expect(parseJsonBody(post('{"score":9}'), schema, { maxBytes: 100 })).rejects.toThrow(/^Field "score": /);
    await expect(parseJsonBody(post('{nope'), schema, { maxBytes: 100 })).rejects.toThrow('not valid JSON');
  });

  it('refuses a body over the limit before reading it whole', async () => {
    await expect(parseJsonBody(post('x'.repeat(1000)), schema, { maxBytes: 100 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(parseJsonBody(post('{}', { 'content-length': '999999999' }), schema, { maxBytes: 100 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});

describe('rate limits', () => {
  it('allows the limit in a window, refuses past it with a wait, and starts again next window', async () => {
    const now = new Date('2026-11-26T10:00:05Z');
    for (let hit = 1; hit <= 3; hit += 1) await enforceRateLimit(handle.db, { bucket: 'test:a', limit: 3, windowSeconds: 60 }, now);
    await expect(enforceRateLimit(handle.db, { bucket: 'test:a', limit: 3, windowSeconds: 60 }, now)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests from here. Try again in 55 seconds.',
    });
    await expect(enforceRateLimit(handle.db, { bucket: 'test:b', limit: 3, windowSeconds: 60 }, now)).resolves.toBeUndefined();
    await expect(enforceRateLimit(handle.db, { bucket: 'test:a', limit: 3, windowSeconds: 60 }, new Date('2026-11-26T10:01:00Z'))).resolves.toBeUndefined();
  });
});
