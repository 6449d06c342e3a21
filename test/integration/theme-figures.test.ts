// The ranking's maintained figures (theme_developer_figures and theme_figures, migrations 0860 and
// 0930) equal a full recomputation after every kind of write: tag, untag and its undo, create, correct, cost edit, delete, merge and
// its undo, split, archive a theme, a ticket import turned into evidence, a re-import and its
// rollback, a category rule re-pricing, a team rename, a developer moved or archived, a bulk edit
// straight in SQL (as another process would). Checked three ways: the stored rows against a
// recomputation, the ranking from them against the ranking from the evidence under every
// filter they answer, and the stored quotes against the quotes chosen afresh.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { listStoredQuotes, listStrongestQuotes, type InventoryFilter } from '@/server/inventory/queries';
import { currentWindowMonths, findDriftedThemeFigures, markThemesStale, STORED_QUOTES_PER_THEME, UNATTRIBUTED_KEY } from '@/server/inventory/queries-figures';
import { computeRanking, todayIso } from '@/server/inventory/service-ranking';
import { importFromRequest } from '@/server/imports/rest';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';
import { bulkIssues, jiraCsv } from '@/test/helpers/ticket-exports';
import { uploadRequest } from '@/test/helpers/uploads';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  const ana = await addParticipant(handle, { name: 'Ana', teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
  const ben = await addParticipant(handle, { name: 'Ben', teamName: 'Search', tenureBand: '<1y', background: 'frontend' });
  const cem = await addParticipant(handle, { name: 'Cem', teamName: 'Payments', tenureBand: '5y+', background: 'Backend' });
  Object.assign(ids, { ana: ana.id, ben: ben.id, cem: cem.id, payments: ana.team_id!, search: ben.team_id! });
  const ci = await addTheme(handle, 'CI is slow');
  const access = await addTheme(handle, 'Waiting for access');
  const staging = await addTheme(handle, 'No staging environment');
  Object.assign(ids, { ci: ci.id, access: access.id, staging: staging.id });
  await addEvidence(handle, { themeIds: [ci.id], participantId: ana.id, minutesLost: 30, occurrencesPerMonth: 4, kind: 'recurring' });
  await addEvidence(handle, { themeIds: [ci.id], participantId: ana.id, minutesLost: 60, sourceKind: 'ticket', kind: 'single', observedOn: '2026-03-02' });
  await addEvidence(handle, { themeIds: [ci.id, access.id], participantId: ben.id, severity: 3, sourceKind: 'survey' });
  await addEvidence(handle, { themeIds: [access.id], participantId: null, minutesLost: 90, sourceKind: 'postmortem', kind: 'single' });
  await addEvidence(handle, { themeIds: [access.id], participantId: cem.id, sourceKind: 'rating', kind: 'single' });
  await addEvidence(handle, { themeIds: [staging.id], participantId: cem.id, minutesLost: 480, occurrencesPerMonth: 1, kind: 'recurring', observedOn: '2025-11-20' });
});
afterAll(async () => handle.close());

const FILTERS = (): InventoryFilter[] => [
  {},
  { teamId: ids.payments },
  { teamId: ids.search },
  { tenureBand: '5y+' },
  { background: 'backend' },
  { themeIds: [ids.access, ids.staging] },
  { teamId: ids.payments, themeIds: [ids.ci] },
];

/** The maintained figures, the ranking read from them and their quotes equal a full recomputation. */
async function expectSound(step: string) {
  expect(await findDriftedThemeFigures(handle.db), step).toEqual([]);
  const today = todayIso();
  for (const filter of FILTERS()) {
    const stored = await computeRanking(handle.db, { filter, today, source: 'auto' });
    const fresh = await computeRanking(handle.db, { filter, today, source: 'evidence' });
    expect(stored, `${step}: ${JSON.stringify(filter)}`).toEqual(fresh);
  }
  const themeIds = (await handle.db.selectFrom('themes').select('id').where('merged_into_id', 'is', null).where('status', '!=', 'archived').execute()).map((theme) => theme.id);
  const storedQuotes = await listStoredQuotes(handle.db, { themeIds });
  const freshQuotes = await listStrongestQuotes(handle.db, { filter: {}, themeIds, perTheme: STORED_QUOTES_PER_THEME });
  expect(storedQuotes, `${step}: quotes`).toEqual(freshQuotes);
}

const evidenceOf = async (themeId: string) =>
  (await handle.db.selectFrom('evidence_themes').select('evidence_id').where('theme_id', '=', themeId).orderBy('evidence_id').execute()).map((row) => row.evidence_id);

describe('maintained ranking figures', () => {
  it('start equal to a recomputation, and a read refreshes only what a write marked', async () => {
    await expectSound('seeded');
    expect(await handle.db.selectFrom('theme_figures_stale').select('theme_id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('theme_figures_stale_pairs').select('theme_id').execute()).toEqual([]);
    await editor.teams.rename({ id: ids.payments, name: 'Payments platform' });
    expect(await handle.db.selectFrom('theme_figures_stale').select('theme_id').execute()).toEqual([]);
    await expectSound('team renamed');
  });

  it('are reported when they drift (what `npm run check:figures` looks for)', async () => {
    await handle.db.updateTable('theme_figures').set({ evidence_count: 99 }).where('theme_id', '=', ids.ci).execute();
    expect(await findDriftedThemeFigures(handle.db)).toEqual([ids.ci]);
    await handle.db.insertInto('theme_figures_stale').values({ theme_id: ids.ci }).execute();
    await expectSound('recomputed after drift');

    await handle.db.updateTable('theme_developer_figures').set({ largest_recurring: 1 }).where('theme_id', '=', ids.access).where('participant_key', '=', ids.ben).execute();
    expect(await findDriftedThemeFigures(handle.db)).toEqual([ids.access]);
    await markThemesStale(handle.db, [ids.access]);
    await expectSound('pair recomputed after drift');
  });

  it('mark the pairs a tag touches, not whole themes, and refold every theme when the window moves', async () => {
    const [first] = await evidenceOf(ids.staging);
    await editor.evidence.tag({ evidenceIds: [first], themeIds: [ids.ci] });
    expect(await handle.db.selectFrom('theme_figures_stale').select('theme_id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('theme_figures_stale_pairs').select(['theme_id', 'participant_key']).execute()).toEqual([{ theme_id: ids.ci, participant_key: ids.cem }]);
    await editor.evidence.untag({ evidenceId: first, themeId: ids.ci });
    await expectSound('tag and untag');

    // As when the day changes: figures folded with another window are refolded on the next read.
    await sql`update theme_figures set window_months = 1, median_low = 0, median_high = 0`.execute(handle.db);
    await expectSound('window moved');
    expect(await handle.db.selectFrom('theme_figures').select('window_months').distinct().execute()).toEqual([{ window_months: await currentWindowMonths(handle.db) }]);
  });

  it('keep unattributed evidence apart from every developer', async () => {
    const created = await addEvidence(handle, { themeIds: [ids.ci], participantId: null, minutesLost: 5000, occurrencesPerMonth: 1, kind: 'recurring', sourceKind: 'shadowing' });
    expect(await handle.db.selectFrom('theme_figures_stale_pairs').select('participant_key').execute()).toEqual([{ participant_key: UNATTRIBUTED_KEY }]);
    await expectSound('unattributed added');
    await editor.evidence.delete({ id: created.id });
    await expectSound('unattributed deleted');
  });

  it('follow tags, untags and their undo, new evidence, corrections, cost edits and deletes', async () => {
    const [first] = await evidenceOf(ids.staging);
    await editor.evidence.tag({ evidenceIds: [first], themeIds: [ids.ci] });
    await expectSound('tagged');
    const removed = await editor.evidence.untag({ evidenceId: first, themeId: ids.ci });
    await expectSound('untagged');
    await editor.evidence.restoreTag({ evidenceId: first, themeId: ids.ci, createdAt: removed.removed!.createdAt });
    await expectSound('untag undone');

    const created = await addEvidence(handle, { themeIds: [ids.ci], participantId: ids.ben, minutesLost: 120, occurrencesPerMonth: 2, kind: 'recurring', sourceKind: 'request' });
    await expectSound('created and tagged');
    const item = await editor.evidence.get({ id: created.id });
    await editor.evidence.correct({ id: created.id, excerpt: item!.excerpt, participantId: ids.cem, kind: 'single', minutesLost: 200, occurrencesPerMonth: null, severity: null });
    await expectSound('corrected');
    await editor.evidence.correct({ id: created.id, excerpt: item!.excerpt, participantId: null, kind: 'single', minutesLost: null, occurrencesPerMonth: null, severity: 5 });
    await expectSound('cost edited');
    await editor.evidence.delete({ id: created.id });
    await expectSound('deleted');
  });

  it('follow merges and their undo, splits and archived themes', async () => {
    const merged = await editor.themes.merge({ sourceId: ids.staging, targetId: ids.access });
    await expectSound('merged');
    await editor.themes.undoMerge({ mergeId: merged.mergeId });
    await expectSound('merge undone');
    const [moved] = await evidenceOf(ids.access);
    await editor.themes.split({ themeId: ids.access, evidenceIds: [moved], title: 'Access to production logs' });
    await expectSound('split');
    await editor.themes.update({ id: ids.staging, title: 'No staging environment', description: '', status: 'archived' });
    await expectSound('archived');
    await editor.themes.update({ id: ids.staging, title: 'No staging environment', description: '', status: 'confirmed' });
    await expectSound('restored');
  });

  it('follow an import turned into evidence, a re-import and its rollback, and a category rule', async () => {
    const issues = [...bulkIssues(20, { seed: 3 })];
    const upload = (name: string, list: typeof issues) => importFromRequest(handle.db, uploadRequest({ format: 'jira' }, [{ name, content: jiraCsv(list) }]), { createdBy: null, via: 'api' });
    const first = await upload('a.csv', issues);
    expect(first).toMatchObject({ status: 'completed', inserted: 20 });
    const tickets = await handle.db.selectFrom('tickets').select(['id', 'category']).orderBy('id').execute();
    await editor.tickets.toEvidence({ ticketIds: tickets.slice(0, 12).map((ticket) => ticket.id), themeIds: [ids.access, ids.ci], minutesLost: 45, timeChoice: 'entered' });
    await expectSound('tickets to evidence');

    const changed = issues.map((issue, index) => (index < 3 ? { ...issue, summary: `${issue.summary} (edited)` } : issue));
    const update = await upload('b.csv', changed);
    await expectSound('re-imported');
    await editor.imports.rollback({ id: update.batchId });
    await expectSound('rolled back');

    const category = tickets.find((ticket) => ticket.category)?.category;
    if (category) {
      await editor.tickets.setCategoryCost({ category, minutesPerTicket: 75 });
      await expectSound('category rule');
    }
  });

  it('follow developers moved, archived and restored, and bulk writes straight in SQL', async () => {
    await editor.participants.setArchived({ id: ids.cem, isArchived: true });
    await expectSound('developer archived');
    await handle.db.updateTable('participants').set({ team_id: ids.search }).where('id', '=', ids.ana).execute();
    await expectSound('developer moved');
    await editor.participants.setArchived({ id: ids.cem, isArchived: false });
    await sql`update evidence set minutes_lost = minutes_lost * 2 where minutes_lost is not null`.execute(handle.db);
    await expectSound('bulk edit');
    await sql`delete from evidence where participant_id = ${ids.ben}`.execute(handle.db);
    await expectSound('bulk delete');
    await sql`delete from themes where id = ${ids.staging}`.execute(handle.db);
    await expectSound('theme deleted');
  });
});
