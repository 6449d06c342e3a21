// Shadowing sessions: start, capture friction events at their offset, end, edit afterwards,
// timeline totals, evidence from an event, and the bad inputs (offsets past the end above all).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';
import { namedMessage } from '@/test/helpers/named-error';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let tomas: { id: string };
let archived: { id: string };

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
  tomas = await addParticipant(handle, { name: 'Tomás Rivera', teamName: 'Payments', tenureBand: '<1y' });
  archived = await addParticipant(handle, { name: 'Gone Person', isArchived: true });
});
afterAll(async () => handle.close());

/** A session that started `minutesAgo` minutes ago (and ended `endedAfter` minutes after it started). */
async function sessionStarted(minutesAgo: number, endedAfter?: number) {
  const { id } = await editor.shadowing.create({ participantId: tomas.id, scenario: 'onboarding-service', focus: 'Create the refunds service' });
  const startedAt = new Date(Date.now() - minutesAgo * 60_000);
  await handle.db
    .updateTable('shadowing_sessions')
    .set({ started_at: startedAt, ended_at: endedAfter === undefined ? null : new Date(startedAt.getTime() + endedAfter * 60_000) })
    .where('id', '=', id)
    .execute();
  return id;
}

const countEvents = async () => (await handle.db.selectFrom('friction_events').select('id').execute()).length;

describe('observing a session', () => {
  it('starts, captures events at their offsets, ends, and totals them per kind', async () => {
    const { id } = await editor.shadowing.create({ participantId: tomas.id, scenario: 'onboarding-service', focus: 'Create the refunds service' });
    expect((await viewer.shadowing.get({ id })).startedAt).toBeNull();
    await expect(editor.shadowing.addEvent({ id: randomUUID(), sessionId: id, offsetSeconds: 0, kind: 'waiting' })).rejects.toThrow(/has not started/);

    await editor.shadowing.start({ id });
    await expect(editor.shadowing.start({ id })).rejects.toThrow(/already started/);
    await handle.db.updateTable('shadowing_sessions').set({ started_at: new Date(Date.now() - 10 * 60_000) }).where('id', '=', id).execute();

    const events = [
      { offsetSeconds: 30, kind: 'tab-switch' as const, note: 'Wiki, Backstage and the repo in three tabs' },
      { offsetSeconds: 95, kind: 'copied-from-runbook' as const, note: 'Copied the Helm secrets block', minutesLost: 10 },
      { offsetSeconds: 200, kind: 'asked-for-help' as const, note: 'Asked #platform-help for a namespace', minutesLost: 5 },
      { offsetSeconds: 310, kind: 'waiting' as const, note: 'Waited for the namespace ticket', minutesLost: 40 },
      { offsetSeconds: 420, kind: 'waiting' as const, note: 'Waited for the pipeline', minutesLost: 12 },
    ];
    for (const event of events) await editor.shadowing.addEvent({ id: randomUUID(), sessionId: id, ...event });
    await editor.shadowing.end({ id });
    await expect(editor.shadowing.end({ id })).rejects.toThrow(/already ended/);

    const session = await viewer.shadowing.get({ id });
    expect(session.events.map((event) => event.offsetSeconds)).toEqual([30, 95, 200, 310, 420]);
    expect(session.totals).toEqual([
      { kind: 'tab-switch', label: 'Tab switch', count: 1, minutesLost: 0 },
      { kind: 'asked-for-help', label: 'Asked for help', count: 1, minutesLost: 5 },
      { kind: 'copied-from-runbook', label: 'Copied from a runbook', count: 1, minutesLost: 10 },
      { kind: 'waiting', label: 'Waiting', count: 2, minutesLost: 52 },
    ]);
    expect(session.endedAt!.getTime() - session.startedAt!.getTime()).toBeGreaterThanOrEqual(600_000 - 5_000);

    const list = await viewer.shadowing.list({});
    expect(list.rows.find((row) => row.id === id)).toMatchObject({ eventCount: 5, minutesLost: 67, participantName: 'Tomás Rivera' });
  });

  it('saves a capture retried after a lost connection once', async () => {
    const id = await sessionStarted(5);
    const event = { id: randomUUID(), sessionId: id, offsetSeconds: 60, kind: 'dead-end' as const, note: 'Pipeline failed' };
    expect(await editor.shadowing.addEvent(event)).toEqual({ id: event.id, isNew: true });
    expect(await editor.shadowing.addEvent(event)).toEqual({ id: event.id, isNew: false });
    expect((await editor.shadowing.get({ id })).events).toHaveLength(1);
  });

  it('lets events be edited and deleted afterwards', async () => {
    const id = await sessionStarted(30, 20);
    const eventId = randomUUID();
    await editor.shadowing.addEvent({ id: eventId, sessionId: id, offsetSeconds: 100, kind: 'other', note: 'Something odd' });
    await editor.shadowing.updateEvent({ id: eventId, offsetSeconds: 1199, kind: 'workaround', note: 'Pinned the library version', minutesLost: 5 });
    expect((await editor.shadowing.get({ id })).events[0]).toMatchObject({ offsetSeconds: 1199, kind: 'workaround', note: 'Pinned the library version', minutesLost: 5 });
    await editor.shadowing.deleteEvent({ id: eventId });
    expect((await editor.shadowing.get({ id })).events).toHaveLength(0);
  });

  it('changes the length of an ended session, never to before its last event', async () => {
    const id = await sessionStarted(60, 40);
    await editor.shadowing.addEvent({ id: randomUUID(), sessionId: id, offsetSeconds: 30 * 60, kind: 'waiting' });
    const error = await rejection(editor.shadowing.update({ id, participantId: tomas.id, scenario: 'onboarding-service', focus: 'x', durationMinutes: 20 }));
    expect(namedMessage(error)).toMatch(/^durationMinutes: A friction event was captured at 30:00/);
    await editor.shadowing.update({ id, participantId: tomas.id, scenario: 'first-ci-cd', focus: 'First pipeline', durationMinutes: 35 });
    const session = await editor.shadowing.get({ id });
    expect(session.scenario).toBe('first-ci-cd');
    expect((session.endedAt!.getTime() - session.startedAt!.getTime()) / 60_000).toBe(35);
  });

  it('saves notes and refuses to overwrite notes changed in another tab', async () => {
    const id = await sessionStarted(10);
    expect(await editor.shadowing.saveNotes({ id, base: '', value: 'He treats all of this as normal.' })).toEqual({ notes: 'He treats all of this as normal.', conflict: null });
    const stale = await editor.shadowing.saveNotes({ id, base: '', value: 'Second tab' });
    expect(stale.conflict).toEqual({ theirs: 'He treats all of this as normal.', yours: 'Second tab' });
    expect((await editor.shadowing.get({ id })).notes).toBe('He treats all of this as normal.');
  });
});

describe('bad input', () => {
  it.each([
    ['an offset past the end of an ended session', 21 * 60, /^offsetSeconds: The offset 21:00 is after the session ended \(at 20:00\)/],
    ['a negative offset', -5, /^offsetSeconds: The offset cannot be before the session started/],
    ['a fractional offset', 2.5, /^offsetSeconds: Enter the offset in whole seconds/],
    ['an offset of two days', 172_800, /^offsetSeconds: The offset is more than 12 hours/],
  ])('refuses %s when capturing and when editing', async (_label, offsetSeconds, message) => {
    const id = await sessionStarted(30, 20);
    const before = await countEvents();
    expect(namedMessage(await rejection(editor.shadowing.addEvent({ id: randomUUID(), sessionId: id, offsetSeconds, kind: 'waiting' })))).toMatch(message);
    expect(await countEvents()).toBe(before);

    const eventId = randomUUID();
    await editor.shadowing.addEvent({ id: eventId, sessionId: id, offsetSeconds: 60, kind: 'waiting' });
    expect(namedMessage(await rejection(editor.shadowing.updateEvent({ id: eventId, offsetSeconds, kind: 'waiting', note: '' })))).toMatch(message);
    expect((await editor.shadowing.get({ id })).events[0].offsetSeconds).toBe(60);
  });

  it('refuses an offset later than now in a running session', async () => {
    const id = await sessionStarted(5);
    const error = await rejection(editor.shadowing.addEvent({ id: randomUUID(), sessionId: id, offsetSeconds: 60 * 60, kind: 'waiting' }));
    expect(namedMessage(error)).toMatch(/^offsetSeconds: The offset 1:00:00 is later than now/);
  });

  it.each([
    ['negative minutes lost', { minutesLost: -3 }, /^minutesLost: Minutes lost cannot be negative/],
    ['over a month of minutes lost', { minutesLost: 50_000 }, /^minutesLost: More than a month/],
    ['an unknown kind', { kind: 'coffee' }, /^kind: Choose a kind of friction/],
    ['a 2,001-character note', { note: 'x'.repeat(2001) }, /^note: Keep the note under 2,000 characters/],
  ])('refuses an event with %s', async (_label, overrides, message) => {
    const id = await sessionStarted(5);
    const before = await countEvents();
    const input = { id: randomUUID(), sessionId: id, offsetSeconds: 10, kind: 'waiting', ...overrides } as Parameters<typeof editor.shadowing.addEvent>[0];
    expect(namedMessage(await rejection(editor.shadowing.addEvent(input)))).toMatch(message);
    expect(await countEvents()).toBe(before);
  });

  it.each([
    ['an archived developer', () => ({ participantId: archived.id, scenario: 'other' }), /^participantId: Gone Person is archived/],
    ['a missing developer', () => ({ participantId: randomUUID(), scenario: 'other' }), /^participantId: This developer is not in the directory/],
    ['an unknown scenario', () => ({ participantId: tomas.id, scenario: 'lunch' }), /^scenario: Choose a scenario/],
    ['a 201-character focus', () => ({ participantId: tomas.id, scenario: 'other', focus: 'x'.repeat(201) }), /^focus: Keep what they worked on under 200/],
  ])('refuses a session for %s', async (_label, input, message) => {
    const before = (await handle.db.selectFrom('shadowing_sessions').select('id').execute()).length;
    const error = await rejection(editor.shadowing.create(input() as Parameters<typeof editor.shadowing.create>[0]));
    expect(namedMessage(error)).toMatch(message);
    expect((await handle.db.selectFrom('shadowing_sessions').select('id').execute()).length).toBe(before);
  });

  it('keeps HTML and script in notes and events as text', async () => {
    const id = await sessionStarted(5);
    const script = '<script>alert(1)</script><b onclick="x()">hi</b>';
    await editor.shadowing.saveNotes({ id, base: '', value: script });
    await editor.shadowing.addEvent({ id: randomUUID(), sessionId: id, offsetSeconds: 1, kind: 'other', note: script });
    await editor.shadowing.update({ id, participantId: tomas.id, scenario: 'other', focus: script });
    const session = await editor.shadowing.get({ id });
    expect(session.notes).toBe(script);
    expect(session.events[0].note).toBe(script);
    expect(session.focus).toBe(script);
  });
});

describe('evidence from shadowing', () => {
  it('saves words of a friction event with a link to the event and its minutes', async () => {
    const id = await sessionStarted(30, 25);
    const eventId = randomUUID();
    await editor.shadowing.addEvent({ id: eventId, sessionId: id, offsetSeconds: 300, kind: 'dead-end', note: 'Pipeline failed: the Jenkins shared library no longer exists.', minutesLost: 25 });
    const saved = await editor.evidence.create({ sourceKind: 'shadowing', sourceId: id, anchor: `event-${eventId}`, excerpt: 'the Jenkins shared library no longer exists', minutesLost: 25 });
    expect(await editor.evidence.get({ id: saved.id })).toMatchObject({ sourcePath: `/shadowing/${id}#event-${eventId}`, participantId: tomas.id, minutesLost: 25 });

    const wrongSpot = await rejection(editor.evidence.create({ sourceKind: 'shadowing', sourceId: id, anchor: `event-${randomUUID()}`, excerpt: 'Jenkins' }));
    expect(wrongSpot.message).toMatch(/must be words from the source/);

    // Deleting the event removes the evidence taken from it.
    await editor.shadowing.deleteEvent({ id: eventId });
    expect(await editor.evidence.get({ id: saved.id })).toBeNull();
  });

  it('saves an event without a note as evidence: its kind and minutes are the excerpt, checked by the loader', async () => {
    const id = await sessionStarted(30, 25);
    const eventId = randomUUID();
    await editor.shadowing.addEvent({ id: eventId, sessionId: id, offsetSeconds: 120, kind: 'waiting', minutesLost: 20 });
    const anchor = `event-${eventId}`;
    const saved = await editor.evidence.create({ sourceKind: 'shadowing', sourceId: id, anchor, excerpt: 'Waiting, 20 minutes lost', minutesLost: 20 });
    expect(await editor.evidence.get({ id: saved.id })).toMatchObject({ excerpt: 'Waiting, 20 minutes lost', sourcePath: `/shadowing/${id}#${anchor}`, participantId: tomas.id });

    // Words the event does not say are refused like any other excerpt, naming the field; nothing is written.
    const before = (await handle.db.selectFrom('evidence').select('id').execute()).length;
    const wrongMinutes = await rejection(editor.evidence.create({ sourceKind: 'shadowing', sourceId: id, anchor, excerpt: 'Waiting, 90 minutes lost' }));
    expect(namedMessage(wrongMinutes)).toMatch(/^excerpt: The excerpt must be words from the source/);
    const wrongKind = await rejection(editor.evidence.create({ sourceKind: 'shadowing', sourceId: id, anchor, excerpt: 'Dead end / error' }));
    expect(wrongKind.message).toMatch(/must be words from the source/);
    expect((await handle.db.selectFrom('evidence').select('id').execute()).length).toBe(before);

    // Without minutes the kind alone is the excerpt.
    const bare = randomUUID();
    await editor.shadowing.addEvent({ id: bare, sessionId: id, offsetSeconds: 200, kind: 'asked-for-help' });
    const kindOnly = await editor.evidence.create({ sourceKind: 'shadowing', sourceId: id, anchor: `event-${bare}`, excerpt: 'Asked for help' });
    expect((await editor.evidence.get({ id: kindOnly.id }))?.excerpt).toBe('Asked for help');
  });

  it('saves words of the session notes', async () => {
    const id = await sessionStarted(30, 25);
    await editor.shadowing.saveNotes({ id, base: '', value: 'With **traces** this would have been a ten minute diagnosis.' });
    const saved = await editor.evidence.create({ sourceKind: 'shadowing', sourceId: id, anchor: 'notes', excerpt: 'With traces this would have been a ten minute diagnosis' });
    expect((await editor.evidence.get({ id: saved.id }))?.sourcePath).toBe(`/shadowing/${id}#notes`);
    expect(await editor.shadowing.delete({ id })).toEqual({ evidenceRemoved: 1 });
  });
});
