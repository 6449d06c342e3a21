// Correcting evidence after it was saved: every field, its history (who, what, when), the cached
// inventory following each edit and deletion, bad input refused with nothing written, and a
// removed tag put back by the toast's Undo.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { evidenceSources } from '@/server/evidence-intake/service-sources';
import { callerAs, callerWithRole, createUser } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: ReturnType<typeof callerAs>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let editorName: string;
let ada: { id: string };
let bo: { id: string };

const SOURCE_TEXT = 'We wait two days for a staging database every time, and the DNS entry takes another day.';
let realInterviewLoader: typeof evidenceSources.interview;

beforeAll(async () => {
  handle = await createTestDb();
  const user = await createUser(handle, 'editor', 'Priya Platform');
  editorName = user.name;
  editor = callerAs(handle, user);
  viewer = await callerWithRole(handle, 'viewer');
  ada = await addParticipant(handle, { name: 'Ada', teamName: 'Payments', background: SOURCE_TEXT });
  bo = await addParticipant(handle, { name: 'Bo', teamName: 'Payments' });
  // An interview stand-in: the participant's background is the source text.
  realInterviewLoader = evidenceSources.interview;
  evidenceSources.interview = async (db, input) => {
    const row = await db.selectFrom('participants').select(['id', 'background']).where('id', '=', input.sourceId).executeTakeFirst();
    return row ? { text: row.background ?? '', path: `/interviews/${row.id}#${input.anchor ?? 'notes'}`, participantId: row.id, observedOn: '2026-09-15' } : null;
  };
});
afterAll(async () => {
  evidenceSources.interview = realInterviewLoader;
  await handle.close();
});
afterEach(async () => {
  await handle.db.deleteFrom('evidence').execute();
  await handle.db.deleteFrom('themes').execute();
});

async function savedInterviewItem(themeId: string) {
  return editor.evidence.create({
    sourceKind: 'interview',
    sourceId: ada.id,
    anchor: 'q-2',
    excerpt: 'wait two days for a staging database',
    minutesLost: 120,
    occurrencesPerMonth: 2,
    themeIds: [themeId],
  });
}

const scoreOf = async (themeId: string) => (await editor.inventory.view({})).themes.find((theme) => theme.themeId === themeId)?.score ?? null;
const stored = (id: string) =>
  handle.db
    .selectFrom('evidence')
    .select(['excerpt', 'participant_id', 'kind', 'minutes_lost', 'minutes_origin', 'occurrences_per_month', 'severity'])
    .where('id', '=', id)
    .executeTakeFirst();
const historyCount = async () => (await handle.db.selectFrom('evidence_history').select('id').execute()).length;

describe('correcting an evidence item', () => {
  it('changes every field, keeps who changed what and when, and moves the cached score', async () => {
    const theme = await addTheme(handle, 'Staging databases take days');
    const { id } = await savedInterviewItem(theme.id);
    // 120 min x 2 a month = 240 min = 4 h, one developer: score 4.
    expect(await scoreOf(theme.id)).toBe(4);

    const result = await editor.evidence.correct({
      id,
      excerpt: 'the DNS entry takes another day',
      participantId: bo.id,
      kind: 'recurring',
      minutesLost: 45,
      occurrencesPerMonth: 4,
      severity: 2,
    });
    expect(result.changed.sort()).toEqual(['excerpt', 'minutes_lost', 'occurrences_per_month', 'participant_id', 'severity']);
    expect(await stored(id)).toMatchObject({ excerpt: 'the DNS entry takes another day', participant_id: bo.id, minutes_lost: 45, occurrences_per_month: 4, severity: 2, minutes_origin: 'entered' });
    // The inventory is cached under the change log: the edit moved it. 45 x 4 = 180 min = 3 h.
    expect(await scoreOf(theme.id)).toBe(3);

    const history = await viewer.evidence.history({ id });
    expect(history.map((row) => [row.field, row.from, row.to, row.changedBy])).toEqual(
      expect.arrayContaining([
        ['minutes_lost', '120 min', '45 min', editorName],
        ['occurrences_per_month', '2 a month', '4 a month', editorName],
        ['participant_id', 'Ada', 'Bo', editorName],
        ['severity', 'no severity', '2 of 5', editorName],
        ['excerpt', '“wait two days for a staging database”', '“the DNS entry takes another day”', editorName],
      ]),
    );
    expect(history).toHaveLength(5);
    expect(history.every((row) => row.changedAt instanceof Date)).toBe(true);

    // Marking it a single occurrence drops its rate: 45 min once, dated in the window.
    await editor.evidence.correct({ id, excerpt: 'the DNS entry takes another day', participantId: bo.id, kind: 'single', minutesLost: 45, occurrencesPerMonth: null, severity: 2 });
    expect(await stored(id)).toMatchObject({ kind: 'single', occurrences_per_month: 1 });
    expect((await viewer.evidence.history({ id })).slice(0, 2).map((row) => [row.field, row.from, row.to])).toEqual(
      expect.arrayContaining([
        ['kind', 'recurring estimate', 'single occurrence'],
        ['occurrences_per_month', '4 a month', '1 a month'],
      ]),
    );
  });

  it('writes no history for an edit that changes nothing, and keeps unchanged minutes’ origin', async () => {
    const theme = await addTheme(handle, 'Access requests');
    const item = await addEvidence(handle, { themeIds: [theme.id], sourceKind: 'ticket', participantId: ada.id, minutesLost: 45 });
    await handle.db.updateTable('evidence').set({ minutes_origin: 'category_rule' }).where('id', '=', item.id).execute();
    const before = await stored(item.id);
    const result = await editor.evidence.correct({ id: item.id, excerpt: before!.excerpt, participantId: ada.id, kind: 'single', minutesLost: 45, occurrencesPerMonth: 1, severity: null });
    expect(result.changed).toEqual([]);
    expect(await historyCount()).toBe(0);
    expect(await stored(item.id)).toMatchObject({ minutes_origin: 'category_rule' });
    // Typed minutes are a person's figure from then on.
    await editor.evidence.correct({ id: item.id, excerpt: before!.excerpt, participantId: ada.id, kind: 'single', minutesLost: 30, occurrencesPerMonth: null, severity: null });
    expect(await stored(item.id)).toMatchObject({ minutes_lost: 30, minutes_origin: 'entered' });
  });

  it.each([
    ['minutes below 0', { minutesLost: -1 }, /^minutesLost: Minutes lost cannot be negative/],
    ['minutes above 43,200', { minutesLost: 43_201 }, /^minutesLost: More than a month/],
    ['occurrences of 0', { occurrencesPerMonth: 0 }, /^occurrencesPerMonth: It must happen more than 0 times a month/],
    ['occurrences above 10,000', { occurrencesPerMonth: 10_001 }, /^occurrencesPerMonth: Keep occurrences under 10000/],
    ['an empty excerpt', { excerpt: '  ' }, /^excerpt: The excerpt is empty/],
    ['an excerpt not in its source', { excerpt: 'deploys are instant' }, /excerpt must be words from its source/],
    ['an unknown developer', { participantId: '00000000-0000-4000-8000-000000000999' }, /no longer in the directory/],
  ])('refuses %s, naming the field, and writes nothing', async (_label, overrides, message) => {
    const theme = await addTheme(handle, 'Staging databases take days');
    const { id } = await savedInterviewItem(theme.id);
    const before = await stored(id);
    const error = await rejection(
      editor.evidence.correct({ id, excerpt: 'wait two days for a staging database', participantId: ada.id, kind: 'recurring', minutesLost: 60, occurrencesPerMonth: 3, severity: null, ...overrides }),
    );
    expect(error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND').toBe(true);
    expect(error.message).toMatch(message);
    expect(await stored(id)).toEqual(before);
    expect(await historyCount()).toBe(0);
  });

  it('refuses a ticket marked recurring without a rate, and a rate on a single occurrence', async () => {
    const theme = await addTheme(handle, 'Access requests');
    const item = await addEvidence(handle, { themeIds: [theme.id], sourceKind: 'ticket', participantId: ada.id, minutesLost: 45 });
    const before = await stored(item.id);
    const recurring = await rejection(
      editor.evidence.correct({ id: item.id, excerpt: before!.excerpt, participantId: ada.id, kind: 'recurring', minutesLost: 45, occurrencesPerMonth: null, severity: null }),
    );
    expect(recurring.message).toMatch(/occurrences per month/);
    expect((recurring.cause as { field?: string }).field).toBe('kind');
    const rated = await rejection(
      editor.evidence.correct({ id: item.id, excerpt: before!.excerpt, participantId: ada.id, kind: 'single', minutesLost: 45, occurrencesPerMonth: 3, severity: null }),
    );
    expect((rated.cause as { field?: string }).field).toBe('occurrencesPerMonth');
    expect(await stored(item.id)).toEqual(before);
    expect(await historyCount()).toBe(0);
    // With a rate, a ticket may stand for a recurring pain.
    await editor.evidence.correct({ id: item.id, excerpt: before!.excerpt, participantId: ada.id, kind: 'recurring', minutesLost: 45, occurrencesPerMonth: 2, severity: null });
    expect(await stored(item.id)).toMatchObject({ kind: 'recurring', occurrences_per_month: 2 });
  });

  it('keeps a viewer out', async () => {
    const theme = await addTheme(handle, 'Staging databases take days');
    const { id } = await savedInterviewItem(theme.id);
    const error = await rejection(viewer.evidence.correct({ id, excerpt: 'x', participantId: null, kind: 'single', minutesLost: 1, occurrencesPerMonth: null, severity: null }));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('deleting an evidence item', () => {
  it('removes the item, its tags and its history, and the score follows', async () => {
    const theme = await addTheme(handle, 'Staging databases take days');
    const { id } = await savedInterviewItem(theme.id);
    await addEvidence(handle, { themeIds: [theme.id], participantId: bo.id, minutesLost: 60, occurrencesPerMonth: 1 });
    await editor.evidence.correct({ id, excerpt: 'wait two days for a staging database', participantId: ada.id, kind: 'recurring', minutesLost: 180, occurrencesPerMonth: 2, severity: null });
    // Ada 360, Bo 60: median 210 min = 3.5 h x 2 developers = 7.
    expect(await scoreOf(theme.id)).toBe(7);
    await editor.evidence.delete({ id });
    expect(await stored(id)).toBeUndefined();
    expect(await historyCount()).toBe(0);
    expect(await scoreOf(theme.id)).toBe(1);
    expect((await rejection(editor.evidence.delete({ id }))).code).toBe('NOT_FOUND');
  });
});

describe('removing a tag, and undoing it', () => {
  it('puts the tag back as it was', async () => {
    const theme = await addTheme(handle, 'Staging databases take days');
    const { id } = await savedInterviewItem(theme.id);
    const [tag] = await handle.db.selectFrom('evidence_themes').select('created_at').where('evidence_id', '=', id).execute();
    const { removed } = await editor.evidence.untag({ evidenceId: id, themeId: theme.id });
    expect(removed).toMatchObject({ evidenceId: id, themeId: theme.id });
    expect(await scoreOf(theme.id)).toBeNull();
    const restored = await editor.evidence.restoreTag({ evidenceId: id, themeId: theme.id, createdAt: removed!.createdAt });
    expect(restored).toEqual({ themeId: theme.id, isRestored: true });
    const [back] = await handle.db.selectFrom('evidence_themes').select('created_at').where('evidence_id', '=', id).execute();
    expect(back.created_at.getTime()).toBe(tag.created_at.getTime());
    expect(await scoreOf(theme.id)).toBe(4);
    // Removing a tag that is not there says so instead of failing.
    await editor.evidence.untag({ evidenceId: id, themeId: theme.id });
    expect((await editor.evidence.untag({ evidenceId: id, themeId: theme.id })).removed).toBeNull();
  });

  it('restores into the theme a merged theme forwards to, and refuses evidence that is gone', async () => {
    const source = await addTheme(handle, 'Staging is slow');
    const target = await addTheme(handle, 'Staging databases take days');
    const { id } = await savedInterviewItem(source.id);
    const { removed } = await editor.evidence.untag({ evidenceId: id, themeId: source.id });
    await editor.themes.merge({ sourceId: source.id, targetId: target.id });
    expect(await editor.evidence.restoreTag({ evidenceId: id, themeId: source.id, createdAt: removed!.createdAt })).toEqual({ themeId: target.id, isRestored: true });
    await editor.evidence.delete({ id });
    const error = await rejection(editor.evidence.restoreTag({ evidenceId: id, themeId: target.id, createdAt: removed!.createdAt }));
    expect(error.code).toBe('NOT_FOUND');
  });
});
