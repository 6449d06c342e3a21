// The roadmap editor and the public roadmap: lanes and ordering, publishing (stamps, history,
// what the public sees), votes beside pain, one vote per person, and bad input.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { runRest } from '@/server/rest';
import { roadmapApiSchema } from '@/server/roadmap/public-schemas';
import { getEditorBoard } from '@/server/roadmap/service';
import { getRoadmapFeed } from '@/server/roadmap/service-public';
import { getRoadmapJson } from '@/server/roadmap/rest';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection, untilRefused } from '@/test/helpers/errors';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';
import { cookiesOf, visitor } from '@/test/helpers/visitor';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let themes: { setup: string; ci: string };

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  const ada = await addParticipant(handle, { name: 'Ada Secretname', teamName: 'Payments' });
  const bo = await addParticipant(handle, { name: 'Bo Hiddenperson', teamName: 'Search' });
  const setup = await addTheme(handle, 'Setting up a new service takes two days');
  const ci = await addTheme(handle, 'CI is flaky on Mondays');
  await addEvidence(handle, { themeIds: [setup.id], participantId: ada.id, minutesLost: 960, excerpt: 'PRIVATE-QUOTE we begged the DBA team' });
  await addEvidence(handle, { themeIds: [setup.id], participantId: bo.id, minutesLost: 480 });
  await addEvidence(handle, { themeIds: [ci.id], participantId: bo.id, severity: 2, occurrencesPerMonth: 4 });
  themes = { setup: setup.id, ci: ci.id };
});
afterAll(async () => handle.close());
afterEach(async () => {
  await handle.db.deleteFrom('roadmap_requests').execute();
  await handle.db.deleteFrom('roadmap_items').execute();
  await handle.db.deleteFrom('roadmap_publications').execute();
  await handle.db.deleteFrom('rate_limits').execute();
});

type Lane = 'in_progress' | 'planned' | 'requested' | 'shipped' | 'declined';
const create = (title: string, lane: Lane, extra: Partial<Parameters<typeof editor.roadmap.create>[0]> = {}) =>
  editor.roadmap.create({ title, lane, isPublic: true, ...extra });

async function laneTitles(lane: Lane) {
  const board = await editor.roadmap.board();
  return board.items.filter((item) => item.lane === lane).sort((a, b) => a.position - b.position).map((item) => item.title);
}

describe('lanes and ordering', () => {
  it('appends new items to their lane and moves them within and between lanes', async () => {
    const a = await create('A', 'planned');
    const b = await create('B', 'planned');
    const c = await create('C', 'planned');
    await create('X', 'in_progress');
    expect(await laneTitles('planned')).toEqual(['A', 'B', 'C']);

    await editor.roadmap.move({ id: c.id, lane: 'planned', index: 0 });
    expect(await laneTitles('planned')).toEqual(['C', 'A', 'B']);
    await editor.roadmap.move({ id: a.id, lane: 'in_progress', index: 0 });
    expect(await laneTitles('planned')).toEqual(['C', 'B']);
    expect(await laneTitles('in_progress')).toEqual(['A', 'X']);
    // Past the end means at the end.
    expect(await editor.roadmap.move({ id: b.id, lane: 'in_progress', index: 99 })).toEqual({ lane: 'in_progress', index: 2 });
    expect(await laneTitles('in_progress')).toEqual(['A', 'X', 'B']);

    const board = await editor.roadmap.board();
    for (const lane of ['planned', 'in_progress'] as const) {
      expect(board.items.filter((item) => item.lane === lane).map((item) => item.position).sort()).toEqual(
        board.items.filter((item) => item.lane === lane).map((_, index) => index),
      );
    }
  });

  it('keeps positions a clean sequence when moves run at the same time', async () => {
    const items = [];
    for (const title of ['1', '2', '3', '4', '5']) items.push(await create(title, 'planned'));
    await Promise.all(items.map((item, i) => editor.roadmap.move({ id: item.id, lane: i % 2 ? 'requested' : 'planned', index: 0 })));
    const board = await editor.roadmap.board();
    for (const lane of ['planned', 'requested'] as const) {
      const positions = board.items.filter((item) => item.lane === lane).map((item) => item.position).sort((x, y) => x - y);
      expect(positions).toEqual(positions.map((_, index) => index));
    }
    expect(board.items).toHaveLength(5);
  });

  it('puts an item edited into another lane at the end of that lane', async () => {
    await create('Q', 'in_progress');
    const p = await create('P', 'planned');
    await editor.roadmap.update({ id: p.id, title: 'P2', lane: 'in_progress', isPublic: false, themeIds: [themes.ci] });
    expect(await laneTitles('in_progress')).toEqual(['Q', 'P2']);
    const item = (await editor.roadmap.board()).items.find((row) => row.id === p.id)!;
    expect(item).toMatchObject({ isPublic: false, themes: [{ id: themes.ci, title: 'CI is flaky on Mondays' }] });
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title'],
    ['a 121-character title', { title: 'x'.repeat(121) }, 'title'],
    ['a quarter like Q3', { targetQuarter: 'Q3' }, 'targetQuarter'],
    ['a fifth quarter', { targetQuarter: '2026-Q5' }, 'targetQuarter'],
    ['an unknown lane', { lane: 'doing' }, 'lane'],
    ['a 5,001-character description', { description: 'x'.repeat(5001) }, 'description'],
    ['eleven themes', { themeIds: Array.from({ length: 11 }, () => '00000000-0000-4000-8000-000000000001') }, 'themeIds'],
  ])('refuses %s and writes nothing', async (_label, change, field) => {
    const error = await rejection(editor.roadmap.create({ title: 'Fine', lane: 'planned', ...change } as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message.startsWith(`${field}`)).toBe(true);
    expect(await handle.db.selectFrom('roadmap_items').select('id').execute()).toEqual([]);
  });

  it('refuses a theme that does not exist, naming the field', async () => {
    const error = await rejection(create('T', 'planned', { themeIds: ['00000000-0000-4000-8000-00000000abcd'] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await handle.db.selectFrom('roadmap_items').select('id').execute()).toEqual([]);
  });
});

describe('publishing', () => {
  it('shows nothing publicly until published, then stamps last updated and the history', async () => {
    const anon = visitor(handle);
    const item = await create('Preview environments', 'planned', { themeIds: [themes.setup], internalNote: 'INTERNAL-NOTE do not share' });
    expect((await anon.roadmap.publicBoard()).lanes.flatMap((lane) => lane.items)).toEqual([]);
    expect((await rejection(anon.roadmap.publicItem({ id: item.id }))).code).toBe('NOT_FOUND');

    const before = await editor.roadmap.board();
    expect(before.pendingChanges).toEqual([{ itemId: item.id, kind: 'added', text: '“Preview environments” appears in Planned' }]);
    expect(before.lastPublishedAt).toBeNull();

    const published = await editor.roadmap.publish();
    expect(published.changes).toEqual(['“Preview environments” appears in Planned']);
    const board = await anon.roadmap.publicBoard();
    expect(board.updatedAt).toEqual(published.publishedAt);
    expect(board.lanes.find((lane) => lane.lane === 'planned')!.items).toEqual([
      {
        id: item.id,
        title: 'Preview environments',
        lane: 'planned',
        targetQuarter: null,
        votes: 0,
        isVotable: true,
        themes: [{ title: 'Setting up a new service takes two days', affectedDevelopers: 2 }],
      },
    ]);

    // A draft edit and a move wait for the next publish.
    await editor.roadmap.update({ id: item.id, title: 'Preview environments per PR', lane: 'planned', isPublic: true, themeIds: [themes.setup], targetQuarter: '2026-Q3' });
    await editor.roadmap.move({ id: item.id, lane: 'in_progress', index: 0 });
    expect((await anon.roadmap.publicItem({ id: item.id })).title).toBe('Preview environments');
    expect((await editor.roadmap.board()).pendingChanges.map((change) => change.text)).toEqual([
      '“Preview environments per PR” moves from Planned to In progress',
    ]);
    await editor.roadmap.publish();
    const page = await anon.roadmap.publicItem({ id: item.id });
    expect(page).toMatchObject({ title: 'Preview environments per PR', lane: 'in_progress', targetQuarter: '2026-Q3', isVotable: true });
    expect(page.history.map((row) => [row.fromLane, row.toLane])).toEqual([
      [null, 'planned'],
      ['planned', 'in_progress'],
    ]);
  });

  it('takes a withdrawn item off the public roadmap and refuses to delete a once-public item', async () => {
    const item = await create('Going private', 'planned');
    await editor.roadmap.publish();
    await editor.roadmap.update({ id: item.id, title: 'Going private', lane: 'planned', isPublic: false, themeIds: [] });
    expect((await editor.roadmap.board()).pendingChanges.map((change) => change.kind)).toEqual(['withdrawn']);
    await editor.roadmap.publish();
    expect((await rejection(visitor(handle).roadmap.publicItem({ id: item.id }))).code).toBe('NOT_FOUND');

    expect((await rejection(editor.roadmap.delete({ id: item.id }))).code).toBe('CONFLICT');
    const draft = await create('Never shown', 'requested', { isPublic: false });
    await editor.roadmap.delete({ id: draft.id });
    expect((await editor.roadmap.board()).items.map((row) => row.title)).toEqual(['Going private']);
  });

  it('lists shipped items as a changelog by the quarter they shipped in', async () => {
    const early = await create('Shipped in Q1', 'shipped');
    await editor.roadmap.publish();
    await handle.db.updateTable('roadmap_items').set({ shipped_at: new Date('2026-02-10T10:00:00Z') }).where('id', '=', early.id).execute();
    await create('Shipped now', 'shipped');
    await create('Declined one', 'declined');
    await editor.roadmap.publish();
    const board = await visitor(handle).roadmap.publicBoard();
    expect(board.shipped.at(-1)).toMatchObject({ quarter: '2026-Q1', label: 'Q1 2026', items: [{ title: 'Shipped in Q1', isVotable: false }] });
    expect(board.shipped.flatMap((quarter) => quarter.items.map((item) => item.title))).toEqual(['Shipped now', 'Shipped in Q1']);
    expect(board.lanes.flatMap((lane) => lane.items)).toEqual([]);
  });

  it('counts a publish with no change as a review, and nudges after a quarter without one', async () => {
    await create('Reviewed', 'planned');
    expect((await getEditorBoard(handle.db)).isReviewOverdue).toBe(true);
    await editor.roadmap.publish();
    const second = await editor.roadmap.publish();
    expect(second.changes).toEqual([]);
    const board = await getEditorBoard(handle.db);
    expect(board.lastPublishedAt).toEqual(second.publishedAt);
    expect(board.isReviewOverdue).toBe(false);
    const fourMonthsLater = new Date(second.publishedAt.getTime() + 122 * 86_400_000);
    expect((await getEditorBoard(handle.db, fourMonthsLater)).isReviewOverdue).toBe(true);
  });

  it('shows the editor votes beside the pain score of the linked themes', async () => {
    const popular = await create('Popular but mild', 'planned', { themeIds: [themes.ci] });
    await create('Painful', 'planned', { themeIds: [themes.setup, themes.ci] });
    await editor.roadmap.publish();
    for (let i = 0; i < 3; i += 1) await visitor(handle).roadmap.vote({ target: { kind: 'item', id: popular.id } });
    const board = await editor.roadmap.board();
    const byTitle = Object.fromEntries(board.items.map((item) => [item.title, item]));
    // ci: Bo, severity 2 (60 min) x 4 a month = 4 h, 1 developer -> 4 developer-hours a month.
    expect(byTitle['Popular but mild']).toMatchObject({ votes: 3, painScore: 4 });
    // setup: Ada 16 h, Bo 8 h -> median 12 h x 2 developers = 24; plus ci's 4.
    expect(byTitle.Painful).toMatchObject({ votes: 0, painScore: 28 });
    expect(byTitle.Painful.themes.map((theme) => [theme.title, theme.affectedDevelopers])).toEqual([
      ['Setting up a new service takes two days', 2],
      ['CI is flaky on Mondays', 1],
    ]);
  });
});

describe('votes', () => {
  it('counts one vote per browser, one per email when given, and lets a voter undo', async () => {
    const item = await create('Faster CI', 'planned');
    await editor.roadmap.publish();
    const target = { kind: 'item' as const, id: item.id };
    const ana = visitor(handle);
    expect(await ana.roadmap.vote({ target })).toEqual({ votes: 1 });
    expect(cookiesOf(ana).get('frictionlog_voter')).toMatch(/^[\w-]{32}\.[\w-]{43}$/);
    const twice = await rejection(ana.roadmap.vote({ target }));
    expect([twice.code, twice.message]).toEqual(['CONFLICT', 'You have already voted for this: a vote counts once.']);
    expect(await ana.roadmap.myVotes({ itemIds: [item.id] })).toEqual({ itemIds: [item.id], requestIds: [] });

    expect(await visitor(handle).roadmap.vote({ target, email: 'bo@example.com' })).toEqual({ votes: 2 });
    // The same email from another browser is the same person.
    expect((await rejection(visitor(handle).roadmap.vote({ target, email: ' BO@example.com ' }))).code).toBe('CONFLICT');

    expect(await ana.roadmap.unvote({ target })).toEqual({ votes: 1 });
    expect((await rejection(ana.roadmap.unvote({ target }))).code).toBe('NOT_FOUND');
    expect(await ana.roadmap.myVotes({ itemIds: [item.id] })).toEqual({ itemIds: [], requestIds: [] });
    expect(await ana.roadmap.vote({ target })).toEqual({ votes: 2 });
  });

  it('refuses votes on private, declined, shipped and unknown items, and malformed ids', async () => {
    const hidden = await create('Private', 'planned', { isPublic: false });
    const declined = await create('Declined', 'declined');
    const shipped = await create('Shipped', 'shipped');
    await editor.roadmap.publish();
    const anon = visitor(handle);
    const vote = (id: string) => rejection(anon.roadmap.vote({ target: { kind: 'item', id } }));
    expect((await vote(hidden.id)).code).toBe('NOT_FOUND');
    expect(await vote(declined.id)).toMatchObject({ code: 'BAD_REQUEST', message: 'This item is declined, so it takes no more votes.' });
    expect(await vote(shipped.id)).toMatchObject({ code: 'BAD_REQUEST', message: 'This item is shipped, so it takes no more votes.' });
    expect((await vote('00000000-0000-4000-8000-00000000dead')).code).toBe('NOT_FOUND');
    expect(await vote('1; drop table roadmap_votes')).toMatchObject({ code: 'BAD_REQUEST', message: 'target.id: This id is not valid' });
    expect(await handle.db.selectFrom('roadmap_votes').select('id').execute()).toEqual([]);
  });

  it('refuses votes past 60 a minute from one client, and loses none below the limit', async () => {
    const item = await create('Rate limited', 'planned');
    await editor.roadmap.publish();
    // Each vote from a new browser behind the same address. The limit is 60 a minute in fixed
    // windows; should the minute turn during the loop, the next window refuses its 61st instead.
    const { accepted, error } = await untilRefused(() => visitor(handle, { clientKey: 'one-office' }).roadmap.vote({ target: { kind: 'item', id: item.id } }), 130);
    expect(accepted).toBeGreaterThanOrEqual(60);
    expect((error as Error).message).toMatch(/^Too many requests from here\. Try again in \d+ seconds\.$/);
    expect((await visitor(handle).roadmap.publicItem({ id: item.id })).votes).toBe(accepted);
  });
});

describe('what the public sees', () => {
  it('never shows internal notes, quotes, participant names or emails', async () => {
    const item = await create('<script>alert(1)</script> ![x](http://tracker.example/p.png)', 'planned', {
      description: 'Public words. ![pixel](http://tracker.example/p.png)',
      internalNote: 'INTERNAL-NOTE ask Ada Secretname first',
      themeIds: [themes.setup],
    });
    await editor.roadmap.publish();
    await visitor(handle).roadmap.vote({ target: { kind: 'item', id: item.id }, email: 'voter-secret@example.com' });
    const anon = visitor(handle);
    const responses = [
      await anon.roadmap.publicBoard(),
      await anon.roadmap.publicItem({ id: item.id }),
      await anon.roadmap.myVotes({ itemIds: [item.id] }),
      await (await runRest(handle.db, new Request('http://x/api/v1/roadmap'), { auth: 'public' }, getRoadmapJson)).json(),
      await getRoadmapFeed(handle.db),
    ];
    const text = JSON.stringify(responses);
    for (const secret of ['INTERNAL-NOTE', 'Secretname', 'Hiddenperson', 'PRIVATE-QUOTE', 'voter-secret', '@example.com', 'internal']) {
      expect(text, secret).not.toContain(secret);
    }
    // Titles stay text: the feed escapes them, the API carries them verbatim.
    expect(responses[4]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(responses[4]).not.toContain('<script>');
  });

  it('serves GET /api/v1/roadmap in its own schema with absolute links', async () => {
    const item = await create('API item', 'in_progress', { targetQuarter: '2026-Q4', themeIds: [themes.ci] });
    await editor.roadmap.publish();
    const response = await runRest(handle.db, new Request('http://x/api/v1/roadmap'), { auth: 'public' }, getRoadmapJson);
    expect(response.status).toBe(200);
    const body = roadmapApiSchema.parse(await response.json());
    expect(body.lanes.map((lane) => lane.lane)).toEqual(['in_progress', 'planned', 'requested']);
    expect(body.lanes[0].items[0]).toEqual({
      id: item.id,
      title: 'API item',
      lane: 'in_progress',
      targetQuarter: '2026-Q4',
      votes: 0,
      isVotable: true,
      themes: [{ title: 'CI is flaky on Mondays', affectedDevelopers: 1 }],
      url: `http://localhost:3000/roadmap/items/${item.id}`,
    });
  });

  it('writes an Atom feed of lane changes', async () => {
    const item = await create('Feed item', 'planned');
    await editor.roadmap.publish();
    await editor.roadmap.move({ id: item.id, lane: 'shipped', index: 0 });
    await editor.roadmap.publish();
    const feed = await getRoadmapFeed(handle.db);
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain('<title type="text">Feed item: Planned → Shipped</title>');
    expect(feed).toContain(`href="http://localhost:3000/roadmap/items/${item.id}"`);
  });
});
