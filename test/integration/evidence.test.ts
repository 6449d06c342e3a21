// Evidence from any source: saved with its time cost, tagged into themes, all-or-nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { evidenceSources } from '@/server/evidence-intake/service-sources';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let ada: { id: string };
let realInterviewLoader: typeof evidenceSources.interview;

// A source for this test: a participant's background text stands in for an interview answer.
beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  ada = await addParticipant(handle, { name: 'Ada', teamName: 'Payments', background: 'We wait two days for a staging database every time.' });
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

const countEvidence = async () => (await handle.db.selectFrom('evidence').select('id').execute()).length;

describe('saving evidence', () => {
  it('saves an excerpt with the source developer, date, link and a new theme', async () => {
    const result = await editor.evidence.create({
      sourceKind: 'interview',
      sourceId: ada.id,
      anchor: 'q-2',
      excerpt: '  wait TWO days for a staging   database ',
      minutesLost: 960,
      occurrencesPerMonth: 0.5,
      newThemeTitle: 'Getting a staging database takes two days',
    });
    const saved = await editor.evidence.get({ id: result.id });
    expect(saved).toMatchObject({
      participantId: ada.id,
      participantName: 'Ada',
      teamName: 'Payments',
      sourcePath: `/interviews/${ada.id}#q-2`,
      observedOn: '2026-09-15',
      minutesLost: 960,
      occurrencesPerMonth: 0.5,
      themes: [{ title: 'Getting a staging database takes two days' }],
    });
  });

  it('can save evidence unattributed', async () => {
    const result = await editor.evidence.create({ sourceKind: 'interview', sourceId: ada.id, excerpt: 'staging database', participantId: null, severity: 3 });
    expect(await editor.evidence.get({ id: result.id })).toMatchObject({ participantId: null, severity: 3, minutesLost: null });
  });

  it.each([
    ['an empty excerpt', { excerpt: '   ' }, /^excerpt: The excerpt is empty/],
    ['an excerpt that is not in the source', { excerpt: 'deploys are fast' }, /must be words from the source/],
    ['negative minutes', { excerpt: 'staging database', minutesLost: -5 }, /^minutesLost: Minutes lost cannot be negative/],
    ['more than a month per occurrence', { excerpt: 'staging database', minutesLost: 50_000 }, /^minutesLost: More than a month/],
    ['a severity of 6', { excerpt: 'staging database', severity: 6 }, /^severity: Choose a severity from 1 to 5/],
    ['an empty new theme statement', { excerpt: 'staging database', newThemeTitle: ' ' }, /^newThemeTitle: Write the pain as a statement/],
    ['a 2,000-character theme statement', { excerpt: 'staging database', newThemeTitle: 'x'.repeat(2000) }, /^newThemeTitle: Keep the statement under 200/],
  ])('refuses %s and writes nothing', async (_label, overrides, message) => {
    const error = await rejection(editor.evidence.create({ sourceKind: 'interview', sourceId: ada.id, ...overrides }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
    expect(await countEvidence()).toBe(0);
    expect(await handle.db.selectFrom('themes').select('id').execute()).toHaveLength(0);
  });

  it('refuses a missing source', async () => {
    const missing = await rejection(
      editor.evidence.create({ sourceKind: 'interview', sourceId: '00000000-0000-4000-8000-000000000999', excerpt: 'staging' }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(await countEvidence()).toBe(0);
  });

  it('refuses a theme that no longer exists, and keeps nothing of the evidence', async () => {
    const error = await rejection(
      editor.evidence.create({ sourceKind: 'interview', sourceId: ada.id, excerpt: 'staging', themeIds: ['00000000-0000-4000-8000-000000000777'] }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(await countEvidence()).toBe(0);
  });
});

describe('tagging evidence', () => {
  it('tags in bulk without duplicates, follows merged themes, and untags', async () => {
    const target = await addTheme(handle, 'Staging environments are slow to get');
    const merged = await addTheme(handle, 'Staging DB wait');
    await handle.db.updateTable('themes').set({ merged_into_id: target.id }).where('id', '=', merged.id).execute();
    const first = await addEvidence(handle, { themeIds: [] });
    const second = await addEvidence(handle, { themeIds: [target.id] });

    expect(await editor.evidence.tag({ evidenceIds: [first.id, second.id], themeIds: [merged.id] })).toEqual({ added: 1 });
    const tagged = await editor.evidence.list({ themeId: target.id });
    expect(tagged.total).toBe(2);
    expect((await editor.evidence.list({ isUntagged: true })).total).toBe(0);

    await editor.evidence.untag({ evidenceId: first.id, themeId: target.id });
    expect((await editor.evidence.list({ isUntagged: true })).rows.map((row) => row.id)).toEqual([first.id]);
  });

  it('refuses tagging evidence that no longer exists, and tags nothing', async () => {
    const theme = await addTheme(handle, 'CI is flaky');
    const kept = await addEvidence(handle, { themeIds: [] });
    const gone = await addEvidence(handle, { themeIds: [] });
    await handle.db.deleteFrom('evidence').where('id', '=', gone.id).execute();
    const error = await rejection(editor.evidence.tag({ evidenceIds: [kept.id, gone.id], themeIds: [theme.id] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('no longer exist');
    expect(await handle.db.selectFrom('evidence_themes').select('evidence_id').execute()).toHaveLength(0);
  });

  it('filters the evidence list by source kind, developer, team and date', async () => {
    const theme = await addTheme(handle, 'Docs are out of date');
    const bo = await addParticipant(handle, { name: 'Bo', teamName: 'Search' });
    await addEvidence(handle, { themeIds: [theme.id], participantId: ada.id, sourceKind: 'interview', observedOn: '2026-01-10' });
    await addEvidence(handle, { themeIds: [theme.id], participantId: bo.id, sourceKind: 'ticket', observedOn: '2026-06-10' });
    await addEvidence(handle, { themeIds: [], participantId: null, sourceKind: 'survey', observedOn: '2026-06-11' });
    expect((await editor.evidence.list({ sourceKinds: ['ticket', 'survey'] })).total).toBe(2);
    expect((await editor.evidence.list({ participantId: ada.id })).total).toBe(1);
    expect((await editor.evidence.list({ teamId: bo.team_id! })).rows.map((row) => row.participantName)).toEqual(['Bo']);
    expect((await editor.evidence.list({ from: '2026-06-01', to: '2026-06-10' })).total).toBe(1);
    const error = await rejection(editor.evidence.list({ from: '10/06/2026' }));
    expect(error.message).toMatch(/^from: Use a date like/);
  });
});
