// Pain themes: statements, status, MVP focus, merge with undo, split, tagging from a theme's page,
// and the evidence behind a theme's numbers. Every refusal writes nothing.
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
let viewer: Caller;
startWorkspace({ roles: ['editor', 'viewer'], clear: ['evidence', 'themes'] }, (ws) => ({ handle, editor, viewer } = ws));

const countThemes = async () => (await handle.db.selectFrom('themes').select('id').execute()).length;

/** Every evidence-theme link, as "evidence:theme" strings, sorted. */
async function links(): Promise<string[]> {
  const rows = await handle.db.selectFrom('evidence_themes').select(['evidence_id', 'theme_id']).execute();
  return rows.map((row) => `${row.evidence_id}:${row.theme_id}`).sort();
}

async function themeEvidenceIds(themeId: string): Promise<string[]> {
  const rows = await handle.db.selectFrom('evidence_themes').select('evidence_id').where('theme_id', '=', themeId).execute();
  return rows.map((row) => row.evidence_id).sort();
}

describe('theme statements', () => {
  it('creates a theme with a statement and description, lists and edits it', async () => {
    const created = await editor.themes.create({
      title: '  Setting up a new service takes two days and needs manual steps from four teams ',
      description: 'Seen in onboarding interviews.',
    });
    expect(created.title).toBe('Setting up a new service takes two days and needs manual steps from four teams');
    const [listed] = await viewer.themes.list({});
    expect(listed).toMatchObject({ id: created.id, status: 'candidate', evidenceCount: 0, isMvpFocus: false });

    await editor.themes.update({ id: created.id, title: 'New services take two days', description: '', status: 'confirmed' });
    expect(await viewer.themes.list({ status: 'confirmed' })).toHaveLength(1);
    expect(await viewer.themes.list({ search: 'two DAYS' })).toHaveLength(1);
    expect(await viewer.themes.list({ status: 'archived' })).toHaveLength(0);
  });

  it.each([
    ['an empty statement', '   ', /^title: Write the pain as a statement/],
    ['a 2,000-character statement', 'x'.repeat(2000), /^title: Keep the statement under 200 characters/],
  ])('refuses %s and writes nothing', async (_label, title, message) => {
    const error = await rejection(editor.themes.create({ title }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
    expect(await countThemes()).toBe(0);

    const theme = await addTheme(handle, 'Docs are out of date');
    const update = await rejection(editor.themes.update({ id: theme.id, title, description: '', status: 'candidate' }));
    expect(update.message).toMatch(message);
    expect((await viewer.themes.list({}))[0].title).toBe('Docs are out of date');
  });

  it('refuses an unknown status and a viewer', async () => {
    const theme = await addTheme(handle, 'CI is flaky');
    const error = await rejection(editor.themes.update({ id: theme.id, title: 'CI is flaky', description: '', status: 'done' as 'archived' }));
    expect(error.message).toMatch(/^status: Choose candidate, confirmed or archived/);
    expect((await rejection(viewer.themes.create({ title: 'Viewers cannot' }))).code).toBe('FORBIDDEN');
  });
});

describe('MVP focus', () => {
  it('allows one or two themes, refuses a third, and drops the focus when archived', async () => {
    const [a, b, c] = await Promise.all(['A pain', 'B pain', 'C pain'].map((title) => addTheme(handle, title)));
    await editor.themes.setMvpFocus({ id: a.id, isFocus: true });
    await editor.themes.setMvpFocus({ id: b.id, isFocus: true });
    await editor.themes.setMvpFocus({ id: b.id, isFocus: true });
    const error = await rejection(editor.themes.setMvpFocus({ id: c.id, isFocus: true }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('"A pain" and "B pain"');
    expect((await viewer.themes.list({})).filter((theme) => theme.isMvpFocus).map((theme) => theme.title)).toEqual(['A pain', 'B pain']);

    await editor.themes.update({ id: a.id, title: 'A pain', description: '', status: 'archived' });
    await editor.themes.setMvpFocus({ id: c.id, isFocus: true });
    const archived = await rejection(editor.themes.setMvpFocus({ id: a.id, isFocus: true }));
    expect(archived.message).toContain('Only a live theme');
  });
});

describe('merging themes', () => {
  it('gives A all of B’s evidence once, forwards B to A, and undoes exactly', async () => {
    const a = await addTheme(handle, 'Staging environments are slow to get');
    const b = await addTheme(handle, 'Waiting two days for a staging database');
    const other = await addTheme(handle, 'Docs are out of date');
    const shared = await addEvidence(handle, { themeIds: [a.id, b.id] });
    const onlyB = await addEvidence(handle, { themeIds: [b.id, other.id] });
    const onlyA = await addEvidence(handle, { themeIds: [a.id] });
    await editor.themes.setMvpFocus({ id: b.id, isFocus: true });
    const before = await links();

    const merge = await editor.themes.merge({ sourceId: b.id, targetId: a.id });
    expect(merge).toMatchObject({ targetId: a.id, added: 1 });
    expect(await themeEvidenceIds(a.id)).toEqual([shared.id, onlyB.id, onlyA.id].sort());
    expect(await themeEvidenceIds(b.id)).toEqual([]);
    expect(await themeEvidenceIds(other.id)).toEqual([onlyB.id]);
    expect(await viewer.themes.live({ id: b.id })).toEqual({ id: a.id, title: a.title });
    expect((await viewer.themes.list({ status: 'merged' })).map((theme) => [theme.title, theme.mergedIntoTitle])).toEqual([[b.title, a.title]]);
    expect((await viewer.themes.list({})).map((theme) => theme.title)).not.toContain(b.title);
    // The merged theme is no longer the MVP focus; tags into it land on A.
    expect((await viewer.themes.get({ id: b.id }))?.theme.isMvpFocus).toBe(false);
    const fresh = await addEvidence(handle, { themeIds: [] });
    await editor.evidence.tag({ evidenceIds: [fresh.id], themeIds: [b.id] });
    expect(await themeEvidenceIds(a.id)).toContain(fresh.id);
    await editor.evidence.untag({ evidenceId: fresh.id, themeId: a.id });

    const detail = await viewer.themes.get({ id: a.id });
    expect(detail?.mergesIn).toMatchObject([{ id: merge.mergeId, sourceTitle: b.title, evidenceCount: 2 }]);

    expect(await editor.themes.undoMerge({ mergeId: merge.mergeId })).toEqual({ sourceId: b.id, targetId: a.id });
    expect(await links()).toEqual(before);
    expect(await viewer.themes.live({ id: b.id })).toEqual({ id: b.id, title: b.title });
    const again = await rejection(editor.themes.undoMerge({ mergeId: merge.mergeId }));
    expect(again.message).toBe('This merge was already undone.');
  });

  it('refuses merging into itself, into a merged theme, or a theme already merged, writing nothing', async () => {
    const a = await addTheme(handle, 'A pain');
    const b = await addTheme(handle, 'B pain');
    const c = await addTheme(handle, 'C pain');
    await addEvidence(handle, { themeIds: [a.id] });
    await addEvidence(handle, { themeIds: [b.id] });
    await editor.themes.merge({ sourceId: b.id, targetId: a.id });
    const before = await links();

    const self = await rejection(editor.themes.merge({ sourceId: a.id, targetId: a.id }));
    expect(self).toMatchObject({ code: 'BAD_REQUEST', message: 'A theme cannot be merged into itself. Choose another theme.' });
    // a -> b would close a loop (b already forwards to a): b is merged elsewhere, so it is refused.
    const intoMerged = await rejection(editor.themes.merge({ sourceId: c.id, targetId: b.id }));
    expect(intoMerged).toMatchObject({ code: 'CONFLICT', message: '"B pain" was itself merged into another theme. Merge into that theme instead.' });
    const loop = await rejection(editor.themes.merge({ sourceId: a.id, targetId: b.id }));
    expect(loop.code).toBe('CONFLICT');
    const twice = await rejection(editor.themes.merge({ sourceId: b.id, targetId: c.id }));
    expect(twice.message).toBe('"B pain" is already merged into another theme. Undo that merge first.');
    const unknown = await rejection(editor.themes.merge({ sourceId: c.id, targetId: '00000000-0000-4000-8000-000000000555' }));
    expect(unknown.code).toBe('NOT_FOUND');
    const malformed = await rejection(editor.themes.merge({ sourceId: c.id, targetId: '' }));
    expect(malformed.message).toBe('targetId: Choose the theme to merge into');
    expect(await links()).toEqual(before);
    expect(await viewer.themes.live({ id: c.id })).toEqual({ id: c.id, title: 'C pain' });
  });

  it('follows merge chains and undoes them in order', async () => {
    const a = await addTheme(handle, 'A pain');
    const b = await addTheme(handle, 'B pain');
    const c = await addTheme(handle, 'C pain');
    const eb = await addEvidence(handle, { themeIds: [b.id] });
    const ec = await addEvidence(handle, { themeIds: [c.id] });
    const before = await links();
    const bIntoC = await editor.themes.merge({ sourceId: b.id, targetId: c.id });
    const cIntoA = await editor.themes.merge({ sourceId: c.id, targetId: a.id });
    expect(await themeEvidenceIds(a.id)).toEqual([eb.id, ec.id].sort());
    expect(await viewer.themes.live({ id: b.id })).toEqual({ id: a.id, title: 'A pain' });

    const blocked = await rejection(editor.themes.undoMerge({ mergeId: bIntoC.mergeId }));
    expect(blocked.message).toBe('"C pain" has since been merged into "A pain". Undo that merge first.');
    await editor.themes.undoMerge({ mergeId: cIntoA.mergeId });
    await editor.themes.undoMerge({ mergeId: bIntoC.mergeId });
    expect(await links()).toEqual(before);
  });

  it('refuses merging into an archived theme', async () => {
    const a = await addTheme(handle, 'A pain');
    const b = await addTheme(handle, 'B pain');
    await editor.themes.update({ id: a.id, title: 'A pain', description: '', status: 'archived' });
    const error = await rejection(editor.themes.merge({ sourceId: b.id, targetId: a.id }));
    expect(error.message).toBe('"A pain" is archived. Restore it before merging into it.');
  });
});

describe('splitting a theme', () => {
  it('moves the selected evidence into a new theme', async () => {
    const a = await addTheme(handle, 'Deploys are slow and flaky');
    const slow = await addEvidence(handle, { themeIds: [a.id] });
    const flaky = await addEvidence(handle, { themeIds: [a.id] });
    const split = await editor.themes.split({ themeId: a.id, evidenceIds: [flaky.id], title: 'Deploys fail randomly' });
    expect(split).toMatchObject({ title: 'Deploys fail randomly', moved: 1 });
    expect(await themeEvidenceIds(a.id)).toEqual([slow.id]);
    expect(await themeEvidenceIds(split.id)).toEqual([flaky.id]);
  });

  it('refuses evidence no longer in the theme, or a bad statement, and writes nothing', async () => {
    const a = await addTheme(handle, 'Deploys are slow and flaky');
    const inTheme = await addEvidence(handle, { themeIds: [a.id] });
    const elsewhere = await addEvidence(handle, { themeIds: [] });
    const before = await links();
    const error = await rejection(editor.themes.split({ themeId: a.id, evidenceIds: [inTheme.id, elsewhere.id], title: 'Deploys fail' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '1 of the selected evidence items are no longer in this theme. Reload and select again.' });
    const empty = await rejection(editor.themes.split({ themeId: a.id, evidenceIds: [inTheme.id], title: '' }));
    expect(empty.message).toMatch(/^title: Write the pain as a statement/);
    const none = await rejection(editor.themes.split({ themeId: a.id, evidenceIds: [], title: 'Deploys fail' }));
    expect(none.message).toBe('evidenceIds: Select the evidence to move into the new theme');
    expect(await links()).toEqual(before);
    expect(await countThemes()).toBe(1);
  });
});

describe('tagging from a theme page and the inbox', () => {
  it('tags evidence into a new theme in one step, and refuses evidence that is gone without creating the theme', async () => {
    const one = await addEvidence(handle, { themeIds: [] });
    const two = await addEvidence(handle, { themeIds: [] });
    await editor.evidence.tag({ evidenceIds: [one.id, two.id], themeIds: [], newThemeTitle: 'Nobody knows who owns DNS' });
    const [theme] = await viewer.themes.list({});
    expect(theme).toMatchObject({ title: 'Nobody knows who owns DNS', evidenceCount: 2 });

    const gone = await addEvidence(handle, { themeIds: [] });
    await handle.db.deleteFrom('evidence').where('id', '=', gone.id).execute();
    const error = await rejection(editor.evidence.tag({ evidenceIds: [gone.id], themeIds: [], newThemeTitle: 'Should not exist' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await countThemes()).toBe(1);
    const nothing = await rejection(editor.evidence.tag({ evidenceIds: [one.id], themeIds: [] }));
    expect(nothing.message).toBe('Choose at least one theme, or write the statement of a new one.');
  });

  it('lists evidence outside a theme, untagged only or all', async () => {
    const a = await addTheme(handle, 'A pain');
    const b = await addTheme(handle, 'B pain');
    await addEvidence(handle, { themeIds: [a.id] });
    const inB = await addEvidence(handle, { themeIds: [b.id] });
    const untagged = await addEvidence(handle, { themeIds: [] });
    expect((await viewer.themes.evidenceOutside({ id: a.id })).rows.map((row) => row.id)).toEqual([untagged.id]);
    const all = await viewer.themes.evidenceOutside({ id: a.id, isUntaggedOnly: false });
    expect(all.rows.map((row) => row.id).sort()).toEqual([inB.id, untagged.id].sort());
    expect(all.rows.find((row) => row.id === inB.id)?.themes).toEqual([{ id: b.id, title: 'B pain' }]);
  });
});

describe('the evidence behind a theme’s numbers', () => {
  it('shows the numbers, the developers and the evidence within the filter', async () => {
    const ana = await addParticipant(handle, { name: 'Ana', teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
    const bo = await addParticipant(handle, { name: 'Bo', teamName: 'Search' });
    const theme = await addTheme(handle, 'New services take two days');
    await addEvidence(handle, { themeIds: [theme.id], participantId: ana.id, minutesLost: 60, occurrencesPerMonth: 2, sourceKind: 'interview' });
    await addEvidence(handle, { themeIds: [theme.id], participantId: ana.id, severity: 2, sourceKind: 'ticket' });
    // A ticket the PM marked recurring (once a month): Bo's figure does not depend on today.
    await addEvidence(handle, { themeIds: [theme.id], participantId: bo.id, minutesLost: 30, sourceKind: 'ticket', kind: 'recurring', observedOn: '2025-01-01' });
    await addEvidence(handle, { themeIds: [theme.id], participantId: null, minutesLost: 999, sourceKind: 'survey' });

    const detail = await viewer.themes.get({ id: theme.id });
    // Ana: the larger of her recurring 120 min a month and one 60-minute ticket spread over the
    // window = 120; Bo 30 min: median 75 min = 1.25 h; 2 developers.
    expect(detail?.numbers).toMatchObject({ rank: 1, affectedDevelopers: 2, unattributedMentions: 1, hoursPerDeveloperPerMonth: 1.25, score: 2.5 });
    expect(detail?.directorySize).toBe(2);
    const explained = await viewer.themes.explain({ id: theme.id });
    expect(explained).toMatchObject({ affectedDevelopers: 2, unattributedMentions: 1, medianMinutes: 75, hoursPerDeveloperPerMonth: 1.25, score: 2.5, directorySize: 2 });
    expect(explained.developers).toMatchObject([
      { name: 'Ana', monthlyMinutes: 120, largestRecurring: 120, singleMinutes: 60, larger: 'recurring' },
      { name: 'Bo', monthlyMinutes: 30, largestRecurring: 30, singleMinutes: null, larger: 'recurring' },
    ]);
    expect(explained.developers[0].items.map((item) => [item.sourceKind, item.kind, item.value])).toEqual([
      ['interview', 'recurring', 120],
      ['ticket', 'single', 60],
    ]);
    const evidence = await viewer.themes.evidence({ id: theme.id });
    expect(evidence.total).toBe(4);
    expect(evidence.rows.map((row) => row.monthlyMinutes)).toEqual([999, 120, 60, 30]);
    expect((await viewer.themes.evidence({ id: theme.id, who: 'unattributed' })).total).toBe(1);
    expect((await viewer.themes.evidence({ id: theme.id, sourceKind: 'ticket' })).total).toBe(2);
    expect((await viewer.themes.evidence({ id: theme.id, participantId: ana.id })).total).toBe(2);

    const since = { from: '2026-01-01' };
    expect((await viewer.themes.get({ id: theme.id, filter: since }))?.numbers).toMatchObject({ affectedDevelopers: 1, score: 2 });
    expect((await viewer.themes.evidence({ id: theme.id, filter: since })).total).toBe(3);
    const payments = { teamId: ana.team_id! };
    expect((await viewer.themes.explain({ id: theme.id, filter: payments })).developers.map((row) => row.name)).toEqual(['Ana']);
    expect((await viewer.themes.evidence({ id: theme.id, filter: payments })).total).toBe(2);

    const bad = await rejection(viewer.themes.get({ id: theme.id, filter: { from: '2026-05-01', to: '2026-01-01' } }));
    expect(bad.message).toBe('filter.to: The end date is before the start date');
    expect(await viewer.themes.get({ id: '00000000-0000-4000-8000-000000000123' })).toBeNull();
  });
});
