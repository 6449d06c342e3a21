// Open requests on the public board: listing, sorting, search and paging in the cached HTML page,
// votes from its plain forms (no JavaScript), merges of a request into a request (votes counted
// once per voter across the chain, cycles refused), ETag/304, and no private field on it.
import { afterEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { listPublicRequests } from '@/server/roadmap/service-board-requests';
import { runRest } from '@/server/rest';
import { getRoadmapJson } from '@/server/roadmap/rest';
import { forgetBoardVersion } from '@/server/roadmap/service-board-cache';
import { myVotes, serveBoard, voteFromForm } from '@/server/roadmap/service-board-rest';
import { createContextInner } from '@/server/trpc';
import { callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { visitor } from '@/test/helpers/visitor';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
startWorkspace({}, (ws) => ({ handle, editor } = ws));
afterEach(async () => {
  await handle.db.deleteFrom('roadmap_requests').execute();
  await handle.db.deleteFrom('roadmap_items').execute();
  await handle.db.deleteFrom('rate_limits').execute();
  forgetBoardVersion(handle.db);
});

const BASE = 'http://localhost:3000';

async function board(path = '/roadmap', headers: Record<string, string> = {}) {
  forgetBoardVersion(handle.db);
  const response = await serveBoard(handle.db, new Request(`${BASE}${path}`, { headers }));
  return { response, html: response.status === 304 ? '' : await response.text() };
}

async function submit(title: string, options: { details?: string; email?: string } = {}) {
  const dev = visitor(handle);
  const { id } = await dev.requests.submit({ title, details: options.details ?? '', email: options.email ?? null });
  return { id, dev };
}

const votesOf = async (id: string) => (await visitor(handle).requests.publicGet({ id })).votes;

/** A browser posting the board's vote form, with its own cookie jar. */
function formVoter() {
  const jar = new Map<string, string>();
  const ctx = createContextInner({
    db: handle.db,
    clientKey: `form-${Math.random()}`,
    cookies: { get: (name) => jar.get(name), set: (name, value) => jar.set(name, value), clear: (name) => jar.delete(name) },
  });
  return {
    post: async (target: string, action = 'vote', referer = `${BASE}/roadmap?sort=newest`) => {
      const body = new URLSearchParams({ target, do: action });
      const response = await voteFromForm(ctx, new Request(`${BASE}/roadmap/vote`, { method: 'POST', body, headers: { referer, origin: BASE } }));
      return { status: response.status, location: response.headers.get('location') };
    },
    mine: async (query: string) => (await myVotes(ctx, new Request(`${BASE}/roadmap/my-votes?${query}`))).json(),
  };
}

describe('open requests on the board', () => {
  it('lists open requests in the Requested lane, most votes first or newest first, searched and paged', async () => {
    const quiet = await submit('Faster CI caches');
    const popular = await submit('Preview environments for every pull request');
    await visitor(handle).roadmap.vote({ target: { kind: 'request', id: popular.id }, email: null });
    await visitor(handle).roadmap.vote({ target: { kind: 'request', id: popular.id }, email: null });
    const newest = await submit('Self-service database branches');

    const byVotes = await listPublicRequests(handle.db, { status: 'open', sort: 'votes', search: '', page: 1, pageSize: 10 });
    expect(byVotes.rows.map((row) => [row.title, row.votes])).toEqual([
      ['Preview environments for every pull request', 3],
      ['Self-service database branches', 1],
      ['Faster CI caches', 1],
    ]);
    const byNewest = await listPublicRequests(handle.db, { status: 'open', sort: 'newest', search: '', page: 1, pageSize: 10 });
    expect(byNewest.rows.map((row) => row.id)).toEqual([newest.id, popular.id, quiet.id]);

    const { response, html } = await board();
    expect(response.status).toBe(200);
    expect(html).toContain('Requested — not yet prioritized <span>(3)</span>');
    expect(html).toContain('Open requests from developers (3)');
    expect(html.indexOf('Preview environments')).toBeLessThan(html.indexOf('Faster CI caches'));
    // Every request is votable in place by a plain form.
    expect(html).toContain(`<input type="hidden" name="target" value="request:${quiet.id}">`);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Platform roadmap changes" href="/roadmap/feed.xml">');

    const searched = (await board('/roadmap?q=database')).html;
    expect(searched).toContain('Open requests from developers (1)');
    expect(searched).toContain('Self-service database branches');
    expect(searched).not.toContain('Faster CI caches');
    expect((await board('/roadmap?q=nothing-like-it')).html).toContain('No open request matches “nothing-like-it”.');
  });

  it('pages requests ten at a time with Previous and Next links', async () => {
    for (let i = 1; i <= 12; i++) await submit(`Request number ${String(i).padStart(2, '0')}`);
    const first = (await board('/roadmap?sort=newest')).html;
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain('href="/roadmap?sort=newest&amp;page=2#requests"');
    expect(first).toContain('Request number 12');
    expect(first).not.toContain('Request number 02<');
    const second = (await board('/roadmap?sort=newest&page=2')).html;
    expect(second).toContain('Request number 01');
    expect(second).toContain('rel="prev"');
  });

  it('shows declined requests with the team’s public reason, and never an email or a private note', async () => {
    const { id } = await submit('A second Kubernetes cluster per team', { email: 'secret-dev@example.com', details: 'We want isolation.' });
    await editor.requests.decline({ id, reason: 'One cluster with namespaces covers it; see the isolation guide.' });
    const open = (await board()).html;
    expect(open).toContain('Declined requests, with the team’s reasons (1)');
    const declined = (await board('/roadmap?requests=declined')).html;
    expect(declined).toContain('A second Kubernetes cluster per team');
    expect(declined).toContain('One cluster with namespaces covers it; see the isolation guide.');
    for (const html of [open, declined]) expect(html).not.toContain('secret-dev');
  });

  it('escapes what developers typed', async () => {
    await submit('<script>alert(1)</script> & "quotes"');
    const { html } = await board();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('refuses a malformed query naming the parameter', async () => {
    const { response, html } = await board('/roadmap?page=zero');
    expect(response.status).toBe(400);
    expect(html).toContain('Query parameter &quot;page&quot;: Give a page number.');
    expect((await board('/roadmap?sort=oldest')).html).toContain('Sort by &quot;votes&quot; or &quot;newest&quot;');
  });
});

describe('the cached page', () => {
  it('answers 304 to its ETag and changes when a vote arrives', async () => {
    const { id } = await submit('Faster CI caches');
    const first = await board('/roadmap', { 'accept-encoding': 'gzip, br' });
    // Compression is the server's (next start): a route handler's own Content-Encoding is dropped by Next.js.
    expect(first.response.headers.get('content-encoding')).toBeNull();
    expect(first.response.headers.get('cache-control')).toBe('public, no-cache');
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);

    const again = await board('/roadmap', { 'if-none-match': etag });
    expect(again.response.status).toBe(304);

    // The JSON API's body is kept the same way.
    const api = await runRest(handle.db, new Request(`${BASE}/api/v1/roadmap`), { auth: 'public' }, getRoadmapJson);
    expect(api.headers.get('content-type')).toBe('application/json');
    const apiAgain = await runRest(
      handle.db,
      new Request(`${BASE}/api/v1/roadmap`, { headers: { 'if-none-match': api.headers.get('etag')! } }),
      { auth: 'public' },
      getRoadmapJson,
    );
    expect(apiAgain.status).toBe(304);

    await visitor(handle).roadmap.vote({ target: { kind: 'request', id }, email: null });
    const after = await board('/roadmap', { 'if-none-match': etag });
    expect(after.response.status).toBe(200);
    expect(after.html).toContain('2 votes');
  });
});

describe('voting from the board without JavaScript', () => {
  it('counts a form vote once, redirects back to the same board view, and undoes it', async () => {
    const { id } = await submit('Faster CI caches');
    const browser = formVoter();
    expect(await browser.post(`request:${id}`)).toEqual({ status: 303, location: `/roadmap?sort=newest&notice=voted#r-${id}` });
    expect(await votesOf(id)).toBe(2);
    expect(await browser.mine(`requests=${id}`)).toEqual({ itemIds: [], requestIds: [id] });
    expect((await browser.post(`request:${id}`)).location).toBe(`/roadmap?sort=newest&notice=already-voted#r-${id}`);
    expect(await votesOf(id)).toBe(2);
    expect((await board('/roadmap?notice=already-voted')).html).toContain('You have already voted for this: a vote counts once.');

    expect((await browser.post(`request:${id}`, 'unvote')).location).toBe(`/roadmap?sort=newest&notice=unvoted#r-${id}`);
    expect(await votesOf(id)).toBe(1);
  });

  it('refuses a vote for a declined request, a malformed target, and a form from another site', async () => {
    const { id } = await submit('Faster CI caches');
    await editor.requests.decline({ id, reason: 'Not now.' });
    const browser = formVoter();
    expect((await browser.post(`request:${id}`)).location).toBe(`/roadmap?sort=newest&notice=not-votable#r-${id}`);
    expect((await browser.post('request:not-an-id')).location).toBe('/roadmap?sort=newest&notice=failed#requests');
    const ctx = createContextInner({ db: handle.db });
    const forged = await voteFromForm(
      ctx,
      new Request(`${BASE}/roadmap/vote`, { method: 'POST', body: new URLSearchParams({ target: `request:${id}` }), headers: { origin: 'https://evil.example' } }),
    );
    expect(forged.status).toBe(403);
    expect(await votesOf(id)).toBe(1);
  });
});

describe('merging a request into a request', () => {
  it('moves votes once per voter along a chain, points each page to the one it joined, and lists merges on the item', async () => {
    const a = await submit('CI is slow');
    const b = await submit('Faster CI pipelines');
    const c = await submit('Cache dependencies in CI');
    // One developer voted for all three; they count once at the end of the chain.
    const both = visitor(handle);
    for (const id of [a.id, b.id, c.id]) await both.roadmap.vote({ target: { kind: 'request', id }, email: null });
    // The submitter of A also votes for C.
    await a.dev.roadmap.vote({ target: { kind: 'request', id: c.id }, email: null });

    expect(await editor.requests.mergeIntoRequest({ id: a.id, intoId: b.id })).toEqual({ movedVotes: 1, requestVotes: 3 });
    // B's voters: its submitter, A's submitter, and the one who voted for all; only B's submitter is new to C.
    expect(await editor.requests.mergeIntoRequest({ id: b.id, intoId: c.id })).toEqual({ movedVotes: 1, requestVotes: 4 });
    // Four developers in all: the three submitters and the one who voted everywhere.
    expect(await votesOf(c.id)).toBe(4);
    expect(await handle.db.selectFrom('roadmap_votes').select('id').execute()).toHaveLength(4);

    const pageA = await visitor(handle).requests.publicGet({ id: a.id });
    expect(pageA).toMatchObject({ status: 'merged', isVotable: false, mergedInto: { id: b.id, title: 'Faster CI pipelines' }, item: null });
    const pageC = await visitor(handle).requests.publicGet({ id: c.id });
    expect(pageC.mergedRequests.map((request) => request.title).sort()).toEqual(['CI is slow', 'Faster CI pipelines']);

    const item = await editor.roadmap.create({ title: 'CI caching', lane: 'planned', isPublic: true });
    await editor.requests.merge({ id: c.id, itemId: item.id });
    await editor.roadmap.publish();
    const itemPage = await visitor(handle).roadmap.publicItem({ id: item.id });
    expect(itemPage.votes).toBe(4);
    expect(itemPage.requests.map((request) => request.title).sort()).toEqual(['CI is slow', 'Cache dependencies in CI', 'Faster CI pipelines']);
  });

  it('refuses a merge into itself, into a request merged elsewhere and into a decided one, writing nothing', async () => {
    const a = await submit('CI is slow');
    const b = await submit('Faster CI pipelines');
    const c = await submit('Cache dependencies in CI');
    const d = await submit('Declined one');
    await editor.requests.mergeIntoRequest({ id: a.id, intoId: b.id });
    await editor.requests.decline({ id: d.id, reason: 'No.' });
    const before = await handle.db.selectFrom('roadmap_requests').select(['id', 'status', 'merged_into_request_id']).orderBy('id').execute();
    const votesBefore = await handle.db.selectFrom('roadmap_votes').select(['id', 'request_id']).orderBy('id').execute();

    const itself = await rejection(editor.requests.mergeIntoRequest({ id: c.id, intoId: c.id }));
    expect([itself.code, itself.message]).toEqual(['BAD_REQUEST', 'A request cannot be merged into itself. Pick another request.']);
    // B is open with A merged into it; merging B into A would be a cycle: A is merged, so refused.
    const cycle = await rejection(editor.requests.mergeIntoRequest({ id: b.id, intoId: a.id }));
    expect([cycle.code, cycle.message]).toEqual([
      'BAD_REQUEST',
      'The request to merge into was itself merged elsewhere: merge into the request it joined. Only open requests take merges.',
    ]);
    const decided = await rejection(editor.requests.mergeIntoRequest({ id: c.id, intoId: d.id }));
    expect(decided.message).toBe('The request to merge into is declined. Only open requests take merges.');
    const merged = await rejection(editor.requests.mergeIntoRequest({ id: a.id, intoId: c.id }));
    expect([merged.code, merged.message]).toEqual(['CONFLICT', 'This request was already merged; reload the inbox.']);

    expect(await handle.db.selectFrom('roadmap_requests').select(['id', 'status', 'merged_into_request_id']).orderBy('id').execute()).toEqual(before);
    expect(await handle.db.selectFrom('roadmap_votes').select(['id', 'request_id']).orderBy('id').execute()).toEqual(votesBefore);
  });

  it('is for editors only', async () => {
    const a = await submit('CI is slow');
    const b = await submit('Faster CI pipelines');
    const viewer = await callerWithRole(handle, 'viewer');
    expect((await rejection(viewer.requests.mergeIntoRequest({ id: a.id, intoId: b.id }))).code).toBe('FORBIDDEN');
  });
});

describe('boards (categories)', () => {
  afterEach(async () => {
    await handle.db.deleteFrom('roadmap_boards').execute();
  });

  it('lets editors define boards, a request pick one, and the board page filter by it', async () => {
    const ci = await editor.requests.createBoard({ name: 'CI/CD' });
    const docs = await editor.requests.createBoard({ name: 'Docs & guides', description: 'Internal platform docs' });
    expect([ci.slug, docs.slug]).toEqual(['ci-cd', 'docs-guides']);
    expect((await visitor(handle).requests.boards()).map((board) => [board.name, board.openRequests])).toEqual([
      ['CI/CD', 0],
      ['Docs & guides', 0],
    ]);

    const dev = visitor(handle);
    await dev.requests.submit({ title: 'Faster CI caches', boardId: ci.id });
    await dev.requests.submit({ title: 'A search box on the docs', boardId: docs.id });
    await dev.requests.submit({ title: 'Anything else' });

    const all = (await board()).html;
    expect(all).toContain('Open requests from developers (3)');
    expect(all).toContain('href="/roadmap?board=ci-cd#requests">CI/CD (1)</a>');
    const filtered = (await board('/roadmap?board=ci-cd')).html;
    expect(filtered).toContain('Open requests from developers in CI/CD (1)');
    expect(filtered).toContain('Faster CI caches');
    expect(filtered).not.toContain('A search box on the docs');
    expect(filtered).toContain('<input type="hidden" name="board" value="ci-cd">');
  });

  it('refuses a board that does not exist: on the page, in a request, and twice the same name', async () => {
    await editor.requests.createBoard({ name: 'CI/CD' });
    const page = await board('/roadmap?board=nope');
    expect(page.response.status).toBe(400);
    expect(page.html).toContain('Query parameter &quot;board&quot;: there is no board &quot;nope&quot;. Boards: ci-cd.');

    const ghost = await rejection(visitor(handle).requests.submit({ title: 'Faster CI caches', boardId: '00000000-0000-4000-8000-000000000000' }));
    expect([ghost.code, ghost.message]).toEqual(['BAD_REQUEST', 'This board does not exist (any more). Pick one from the list, or none.']);
    expect(await handle.db.selectFrom('roadmap_requests').select('id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('roadmap_votes').select('id').execute()).toEqual([]);

    const twice = await rejection(editor.requests.createBoard({ name: 'ci/cd' }));
    expect([twice.code, twice.message]).toEqual(['CONFLICT', 'A board named like “ci/cd” already exists.']);
    expect((await rejection(editor.requests.createBoard({ name: '  ' }))).message).toContain('Name the board');
    const viewer = await callerWithRole(handle, 'viewer');
    expect((await rejection(viewer.requests.createBoard({ name: 'Docs' }))).code).toBe('FORBIDDEN');
    expect(await visitor(handle).requests.boards()).toHaveLength(1);
  });

  it('keeps requests when their board is removed', async () => {
    const ci = await editor.requests.createBoard({ name: 'CI/CD' });
    const { id } = await submit('Faster CI caches');
    await handle.db.updateTable('roadmap_requests').set({ board_id: ci.id }).where('id', '=', id).execute();
    await editor.requests.deleteBoard({ id: ci.id });
    expect((await board()).html).toContain('Faster CI caches');
    expect((await rejection(editor.requests.deleteBoard({ id: ci.id }))).code).toBe('NOT_FOUND');
  });
});
