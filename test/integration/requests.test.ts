// Developers' requests: public submission (limits, honeypot, rate limit), duplicate suggestions,
// and triage: merge (votes move exactly once), accept, decline, and evidence from a request.
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { addParticipant, addTheme } from '@/test/helpers/fixtures';
import { cookiesOf, visitor } from '@/test/helpers/visitor';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
startWorkspace({ clear: ['evidence', 'roadmap_requests', 'roadmap_items', 'rate_limits'] }, (ws) => ({ handle, editor } = ws));

const countRequests = async () => (await handle.db.selectFrom('roadmap_requests').select('id').execute()).length;
const countVotes = async () => (await handle.db.selectFrom('roadmap_votes').select('id').execute()).length;

async function publishedItem(title: string, lane: 'planned' | 'in_progress' | 'requested' = 'planned') {
  const item = await editor.roadmap.create({ title, lane, isPublic: true });
  await editor.roadmap.publish();
  return item;
}

describe('submitting a request', () => {
  it('stores the words as text, counts the submitter’s vote and never shows the email', async () => {
    const dev = visitor(handle);
    const title = '<script>alert("x")</script> ![p](http://tracker.example/p.png) Faster builds';
    const { id } = await dev.requests.submit({ title, details: '**Builds** take 40 minutes.\n<img src=x onerror=alert(1)>', email: 'dev-secret@example.com' });
    expect(cookiesOf(dev).get('frictionlog_voter')).toBeTruthy();
    const page = await visitor(handle).requests.publicGet({ id });
    expect(page).toMatchObject({ title, details: '**Builds** take 40 minutes.\n<img src=x onerror=alert(1)>', status: 'open', votes: 1, isVotable: true, item: null });
    expect(JSON.stringify(page)).not.toContain('dev-secret');
    // The submitter's first vote is theirs already.
    expect((await rejection(dev.roadmap.vote({ target: { kind: 'request', id } }))).code).toBe('CONFLICT');
    expect(await visitor(handle).roadmap.vote({ target: { kind: 'request', id } })).toEqual({ votes: 2 });
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title: Say in a few words what you need'],
    ['a 121-character title', { title: 'x'.repeat(121) }, 'title: Keep the title under 120 characters; put the rest in the details'],
    ['10,000 characters of details', { details: 'x'.repeat(10_000) }, 'details: Keep the details under 4,000 characters'],
    ['a malformed email', { email: 'not-an-email' }, 'email: Enter a valid email address, like ana@example.com'],
    ['a filled honeypot', { website: 'http://spam.example' }, 'This request could not be sent. Leave the last field of the form empty and try again.'],
  ])('refuses %s with a clear message and writes nothing', async (_label, change, message) => {
    const error = await rejection(visitor(handle).requests.submit({ title: 'Fine', details: '', ...change }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message.startsWith(message)).toBe(true);
    expect(await countRequests()).toBe(0);
    expect(await countVotes()).toBe(0);
  });

  it('takes 10 requests from one client in the window, refuses the rest with “try again”, and loses none', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        visitor(handle, { clientKey: 'one-laptop' })
          .requests.submit({ title: `Request ${i}`, details: '', email: null })
          .then(
            (result) => result.id,
            (error: Error) => error.message,
          ),
      ),
    );
    const accepted = outcomes.filter((outcome) => /^[0-9a-f-]{36}$/.test(outcome));
    // 10 in a 10-minute window; 20 at most should the window turn during the burst.
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    expect(accepted.length).toBeLessThanOrEqual(20);
    const refusals = outcomes.filter((outcome) => !accepted.includes(outcome));
    expect(refusals.every((message) => /^Too many requests from here\. Try again in \d+ seconds\.$/.test(message))).toBe(true);
    expect(await countRequests()).toBe(accepted.length);
    // Another client is not affected.
    expect((await visitor(handle, { clientKey: 'other' }).requests.submit({ title: 'Other', details: '', email: null })).id).toBeTruthy();
  });
});

describe('duplicate suggestions while typing', () => {
  it('suggests public items and open requests with a similar title, and nothing private', async () => {
    const item = await publishedItem('Preview environments for every pull request');
    await editor.roadmap.create({ title: 'Preview environments, secret draft', lane: 'planned', isPublic: false });
    const open = await visitor(handle).requests.submit({ title: 'Preview env per PR' });
    const declined = await visitor(handle).requests.submit({ title: 'Preview environment on my laptop' });
    await editor.requests.decline({ id: declined.id, reason: 'Out of scope' });

    const anon = visitor(handle);
    const similar = await anon.requests.similar({ title: 'preview environment' });
    expect(similar.items).toEqual([{ id: item.id, title: 'Preview environments for every pull request', lane: 'planned', votes: 0, isVotable: true }]);
    expect(similar.requests).toEqual([{ id: open.id, title: 'Preview env per PR', votes: 1 }]);
    expect(await anon.requests.similar({ title: 'pr' })).toEqual({ items: [], requests: [] });
    expect(await anon.requests.similar({ title: 'kubernetes quota' })).toEqual({ items: [], requests: [] });
  });
});

describe('triage', () => {
  it('merges a request into an item: its votes move once, and never twice', async () => {
    const item = await publishedItem('Faster CI');
    const ana = visitor(handle);
    const bo = visitor(handle);
    const { id } = await ana.requests.submit({ title: 'CI takes forever' });
    await bo.roadmap.vote({ target: { kind: 'request', id } });
    await visitor(handle).roadmap.vote({ target: { kind: 'request', id }, email: 'cy@example.com' });
    // Bo already voted for the item, and Cy's email did too from another browser.
    await bo.roadmap.vote({ target: { kind: 'item', id: item.id } });
    await visitor(handle).roadmap.vote({ target: { kind: 'item', id: item.id }, email: 'CY@example.com' });

    const merged = await editor.requests.merge({ id, itemId: item.id });
    // Ana's vote arrives; Bo's and Cy's were already there.
    expect(merged).toEqual({ movedVotes: 1, itemVotes: 3 });
    expect((await rejection(editor.requests.merge({ id, itemId: item.id }))).code).toBe('CONFLICT');
    expect((await visitor(handle).roadmap.publicItem({ id: item.id })).votes).toBe(3);
    expect(await countVotes()).toBe(3);

    const page = await visitor(handle).requests.publicGet({ id });
    expect(page).toMatchObject({ status: 'merged', votes: 0, isVotable: false, item: { id: item.id, title: 'Faster CI', lane: 'planned' } });
    expect((await rejection(ana.roadmap.vote({ target: { kind: 'request', id } }))).message).toBe(
      'This request was moved onto the roadmap: vote for the item instead.',
    );
  });

  it('moves votes exactly once when two editors merge the same request at the same time', async () => {
    const first = await publishedItem('First');
    const second = await publishedItem('Second');
    const { id } = await visitor(handle).requests.submit({ title: 'Merge me' });
    for (let i = 0; i < 4; i += 1) await visitor(handle).roadmap.vote({ target: { kind: 'request', id } });
    const other = await callerWithRole(handle, 'editor');
    const outcomes = await Promise.allSettled([editor.requests.merge({ id, itemId: first.id }), other.requests.merge({ id, itemId: second.id })]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const counts = await Promise.all([first, second].map(async (item) => (await visitor(handle).roadmap.publicItem({ id: item.id })).votes));
    expect(counts.sort()).toEqual([0, 5]);
    expect(await countVotes()).toBe(5);
  });

  it('accepts a request as a new item in Requested, shown publicly once published', async () => {
    const { id } = await visitor(handle).requests.submit({ title: 'Self-service DNS', details: 'Tickets for DNS take a week.' });
    const accepted = await editor.requests.accept({ id, title: 'Self-service DNS records', description: 'Create records from the portal.' });
    const board = await editor.roadmap.board();
    expect(board.items).toEqual([expect.objectContaining({ id: accepted.itemId, lane: 'requested', votes: 1, isPublic: true, publicLane: null })]);
    expect((await visitor(handle).requests.publicGet({ id })).item).toBeNull();
    await editor.roadmap.publish();
    expect((await visitor(handle).requests.publicGet({ id })).item).toEqual({ id: accepted.itemId, title: 'Self-service DNS records', lane: 'requested' });
    expect((await rejection(editor.requests.decline({ id, reason: 'Too late' }))).code).toBe('CONFLICT');
  });

  it('declines with a public reason, which is required', async () => {
    const { id } = await visitor(handle).requests.submit({ title: 'Rewrite everything in Rust' });
    const empty = await rejection(editor.requests.decline({ id, reason: '  ' }));
    expect(empty.message).toMatch(/^reason: Explain why/);
    expect((await visitor(handle).requests.publicGet({ id })).status).toBe('open');
    await editor.requests.decline({ id, reason: 'The platform team does not own application code.' });
    const page = await visitor(handle).requests.publicGet({ id });
    expect(page).toMatchObject({ status: 'declined', declineReason: 'The platform team does not own application code.', isVotable: false });
    expect((await rejection(visitor(handle).roadmap.vote({ target: { kind: 'request', id } }))).message).toBe('This request was declined.');
  });

  it('refuses to merge into an item that does not exist, and changes nothing', async () => {
    const { id } = await visitor(handle).requests.submit({ title: 'Orphan' });
    const error = await rejection(editor.requests.merge({ id, itemId: '00000000-0000-4000-8000-0000000000ff' }));
    expect(error.code).toBe('NOT_FOUND');
    expect((await visitor(handle).requests.publicGet({ id })).status).toBe('open');
    expect(await countVotes()).toBe(1);
  });

  it('turns a request into evidence of a pain theme, attributed to the developer the directory knows', async () => {
    const ada = await addParticipant(handle, { name: 'Ada Okafor', teamName: 'Payments' });
    await handle.db.updateTable('participants').set({ email: 'ada@example.com' }).where('id', '=', ada.id).execute();
    const theme = await addTheme(handle, 'Getting a database takes days');
    const { id } = await visitor(handle).requests.submit({ title: 'Databases on demand', details: 'I waited three days for a Postgres database.', email: 'ADA@example.com' });
    const inbox = await editor.requests.list({});
    expect(inbox.rows[0]).toMatchObject({ id, email: 'ADA@example.com', participant: { id: ada.id, name: 'Ada Okafor' }, evidenceCount: 0 });

    const bad = await rejection(editor.evidence.create({ sourceKind: 'request', sourceId: id, excerpt: 'words the developer never wrote', themeIds: [theme.id] }));
    expect(bad.message).toMatch(/^The excerpt must be words from the source/);

    const evidence = await editor.evidence.create({ sourceKind: 'request', sourceId: id, excerpt: 'waited three days for a Postgres database', minutesLost: 240, themeIds: [theme.id] });
    const saved = await editor.evidence.get({ id: evidence.id });
    expect(saved).toMatchObject({ participantId: ada.id, sourcePath: `/manage/requests?request=${id}`, themes: [{ title: 'Getting a database takes days' }] });

    expect((await editor.requests.list({})).rows).toEqual([]);
    expect((await editor.requests.list({ filter: 'evidence' })).rows.map((row) => row.id)).toEqual([id]);
    const page = await visitor(handle).requests.publicGet({ id });
    expect(page).toMatchObject({ status: 'open', isInPainInventory: true });
    expect(JSON.stringify(page)).not.toContain('Ada');
  });
});
