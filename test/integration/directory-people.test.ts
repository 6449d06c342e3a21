// The developer directory beyond one row at a time (issue 18): a developer's page with the
// ranking's numbers for their themes, bulk archive and move to team, deleting a team (moving its
// developers first, in one transaction), and the CSV import's tenure forms and "skip bad rows".
import { beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { rankInventory } from '@/server/inventory/service-ranking';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';
import { namedMessage } from '@/test/helpers/named-error';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
let viewer: Caller;
startWorkspace({ roles: ['editor', 'viewer'] }, (ws) => ({ handle, editor, viewer } = ws));

/** Empties what refers to developers, then the directory itself. */
async function clearDirectory() {
  for (const table of ['evidence', 'interviews', 'shadowing_sessions', 'tickets', 'participants', 'teams'] as const) await handle.db.deleteFrom(table).execute();
}

const participantRows = () => handle.db.selectFrom('participants').select(['id', 'display_name', 'team_id', 'archived_at', 'tenure_band']).orderBy('display_name').execute();

describe("a developer's page", () => {
  beforeEach(async () => {
    await handle.db.deleteFrom('evidence').execute();
    await handle.db.deleteFrom('themes').execute();
  });

  it('shows their interviews, sessions, tickets, evidence and themes with the numbers the ranking uses', async () => {
    const ada = await addParticipant(handle, { name: 'Ada Page', teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
    const bo = await addParticipant(handle, { name: 'Bo Page', teamName: 'Payments', tenureBand: '<1y' });
    const deploys = await addTheme(handle, 'Deploys wait for approval');
    const staging = await addTheme(handle, 'Staging takes a ticket');
    const today = new Date().toISOString().slice(0, 10);
    // Ada: a recurring estimate (120 min a month) and a single 90-minute ticket on deploys; Bo: 600 a month.
    await addEvidence(handle, { themeIds: [deploys.id], participantId: ada.id, minutesLost: 30, occurrencesPerMonth: 4, kind: 'recurring', observedOn: today });
    await addEvidence(handle, { themeIds: [deploys.id], participantId: ada.id, minutesLost: 90, kind: 'single', sourceKind: 'ticket', observedOn: today });
    await addEvidence(handle, { themeIds: [deploys.id], participantId: bo.id, minutesLost: 150, occurrencesPerMonth: 4, kind: 'recurring', observedOn: today });
    await addEvidence(handle, { themeIds: [staging.id], participantId: ada.id, severity: 2, kind: 'single', observedOn: today });
    await addEvidence(handle, { themeIds: [], participantId: ada.id, excerpt: 'Untagged words', observedOn: today });
    const interview = await editor.interviews.create({ participantId: ada.id, interviewedOn: today });
    const session = await editor.shadowing.create({ participantId: ada.id, scenario: 'first-ci-cd', focus: 'First pipeline' });
    await handle.db
      .insertInto('tickets')
      .values({ source: 'csv', external_key: 'OPS-1', title: 'Need a staging namespace', title_norm: 'need a staging namespace', participant_id: ada.id, content_hash: 'h1', opened_at: '2026-11-02T10:00:00Z' })
      .execute();

    const profile = await viewer.participants.profile({ id: ada.id });
    expect(profile.developer).toMatchObject({ displayName: 'Ada Page', teamName: 'Payments', tenureBand: '1-3y', background: 'backend', archivedAt: null });
    expect(profile.interviews.map((row) => row.id)).toEqual([interview.id]);
    expect(profile.sessions).toMatchObject([{ id: session.id, scenario: 'first-ci-cd', eventCount: 0, minutesLost: 0 }]);
    expect(profile.tickets).toMatchObject({ total: 1, rows: [{ externalKey: 'OPS-1', title: 'Need a staging namespace' }] });
    expect(profile.evidence.total).toBe(4);
    expect(profile.evidence.rows.find((row) => row.excerpt === 'Untagged words')?.themes).toEqual([]);
    expect(profile.evidence.rows.filter((row) => row.themes.some((theme) => theme.title === deploys.title))).toHaveLength(2);

    // The theme numbers are the ranking's, and "their time" is the per-developer figure its median is taken over.
    const ranking = await rankInventory(handle.db, {});
    const ranked = new Map(ranking.themes.map((theme) => [theme.themeId, theme]));
    expect(profile.themes.map((theme) => theme.themeId)).toEqual([deploys.id, staging.id]);
    const [deployRow, stagingRow] = profile.themes;
    expect(deployRow).toMatchObject({
      rank: ranked.get(deploys.id)!.rank,
      affectedDevelopers: 2,
      hoursPerDeveloperPerMonth: ranked.get(deploys.id)!.hoursPerDeveloperPerMonth,
      score: ranked.get(deploys.id)!.score,
      evidenceCount: 2,
      monthlyMinutes: 120,
      larger: 'recurring',
    });
    // Median of 120 and 600 = 360 minutes = 6 h; 2 developers x 6 h = 12.
    expect(deployRow.hoursPerDeveloperPerMonth).toBe(6);
    expect(deployRow.score).toBe(12);
    expect(stagingRow).toMatchObject({ affectedDevelopers: 1, evidenceCount: 1, monthlyMinutes: 60, larger: 'single' });
  });

  it('answers NOT_FOUND for a developer who is not in the directory, and refuses a malformed id', async () => {
    expect((await rejection(viewer.participants.profile({ id: '00000000-0000-4000-8000-000000000999' }))).code).toBe('NOT_FOUND');
    expect(namedMessage(await rejection(viewer.participants.profile({ id: 'nope' })))).toMatch(/^id: /);
  });
});

describe('bulk actions', () => {
  beforeEach(clearDirectory);

  it('archives, restores and moves selected developers in one request', async () => {
    const a = await addParticipant(handle, { name: 'A', teamName: 'Old' });
    const b = await addParticipant(handle, { name: 'B', teamName: 'Old' });
    const c = await addParticipant(handle, { name: 'C' });
    const target = await editor.teams.create({ name: 'New' });

    expect(await editor.participants.archiveMany({ ids: [a.id, b.id], isArchived: true })).toEqual({ changed: 2, selected: 2 });
    expect((await participantRows()).map((row) => row.archived_at !== null)).toEqual([true, true, false]);
    // Already archived rows keep their date; only C changes.
    expect(await editor.participants.archiveMany({ ids: [a.id, c.id], isArchived: true })).toEqual({ changed: 1, selected: 2 });
    expect(await editor.participants.archiveMany({ ids: [a.id, b.id, c.id], isArchived: false })).toEqual({ changed: 3, selected: 3 });

    expect(await editor.participants.moveToTeam({ ids: [a.id, c.id], teamId: target.id })).toEqual({ changed: 2, selected: 2 });
    expect((await participantRows()).map((row) => row.team_id === target.id)).toEqual([true, false, true]);
    expect(await editor.participants.moveToTeam({ ids: [a.id, b.id], teamId: null })).toEqual({ changed: 2, selected: 2 });
    expect((await participantRows()).map((row) => row.team_id)).toEqual([null, null, target.id]);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const a = await addParticipant(handle, { name: 'A' });
    const gone = '00000000-0000-4000-8000-000000000777';
    const missing = await rejection(editor.participants.archiveMany({ ids: [a.id, gone], isArchived: true }));
    expect(namedMessage(missing)).toMatch(/^ids: 1 of the selected developers is no longer in the directory/);
    expect((await participantRows())[0].archived_at).toBeNull();

    const noTeam = await rejection(editor.participants.moveToTeam({ ids: [a.id], teamId: gone }));
    expect(namedMessage(noTeam)).toMatch(/^teamId: This team does not exist any more/);
    expect(namedMessage(await rejection(editor.participants.archiveMany({ ids: [], isArchived: true })))).toMatch(/^ids: Select at least one developer/);
    const tooMany = Array.from({ length: 501 }, () => a.id);
    expect(namedMessage(await rejection(editor.participants.moveToTeam({ ids: tooMany, teamId: null })))).toMatch(/^ids: Select at most 500/);
    expect((await rejection(viewer.participants.archiveMany({ ids: [a.id], isArchived: true }))).code).toBe('FORBIDDEN');
    expect((await participantRows())[0]).toMatchObject({ archived_at: null, team_id: null });
  });
});

describe('deleting a team', () => {
  beforeEach(clearDirectory);

  it('deletes an empty team, and a team with developers only once told where to move them', async () => {
    const empty = await editor.teams.create({ name: 'Empty' });
    expect(await editor.teams.delete({ id: empty.id })).toEqual({ name: 'Empty', moved: 0 });

    const a = await addParticipant(handle, { name: 'A', teamName: 'Leaving' });
    await addParticipant(handle, { name: 'B', teamName: 'Leaving', isArchived: true });
    const leaving = a.team_id!;
    const stays = await editor.teams.create({ name: 'Stays' });
    expect((await editor.teams.list()).find((team) => team.id === leaving)).toMatchObject({ developerCount: 1, totalDeveloperCount: 2 });

    const refused = await rejection(editor.teams.delete({ id: leaving }));
    expect(refused.code).toBe('CONFLICT');
    expect(namedMessage(refused)).toMatch(/^moveMembersTo: Leaving has 2 developers\. Choose where to move them first\./);
    expect(namedMessage(await rejection(editor.teams.delete({ id: leaving, moveMembersTo: leaving })))).toMatch(/^moveMembersTo: /);
    expect(namedMessage(await rejection(editor.teams.delete({ id: leaving, moveMembersTo: '00000000-0000-4000-8000-000000000555' })))).toMatch(
      /^moveMembersTo: The team to move the developers to does not exist/,
    );
    expect((await participantRows()).every((row) => row.team_id === leaving)).toBe(true);

    expect(await editor.teams.delete({ id: leaving, moveMembersTo: stays.id })).toEqual({ name: 'Leaving', moved: 2 });
    expect((await participantRows()).every((row) => row.team_id === stays.id)).toBe(true);
    expect((await editor.teams.list()).map((team) => team.name)).toEqual(['Stays']);
    expect(await editor.teams.delete({ id: stays.id, moveMembersTo: null })).toEqual({ name: 'Stays', moved: 2 });
    expect((await participantRows()).every((row) => row.team_id === null)).toBe(true);
    expect((await rejection(editor.teams.delete({ id: stays.id }))).code).toBe('NOT_FOUND');
  });

  it('keeps a team that platform metrics group deployments under', async () => {
    const team = await editor.teams.create({ name: 'Shipping' });
    await handle.db.insertInto('delivery_services').values({ key: 'ship-api', team_id: team.id }).execute();
    const refused = await rejection(editor.teams.delete({ id: team.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Shipping has 1 deployments, services or platform tasks/);
    expect((await editor.teams.list()).map((row) => row.name)).toEqual(['Shipping']);
    await handle.db.deleteFrom('delivery_services').execute();
  });
});

describe('directory import: tenure and skipping bad rows', () => {
  beforeEach(clearDirectory);
  const header = 'name,email,team,tenure,background';

  it('reads tenure as a band, a length or a date of joining', async () => {
    const text = [header, 'A,a@example.com,Core,2 years,', 'B,b@example.com,Core,6 months,', 'C,c@example.com,Core,18m,', 'D,d@example.com,Core,1y 6m,', 'E,e@example.com,Core,2015-01-10,', 'F,f@example.com,Core,3-5y,'].join('\n');
    expect(await editor.participants.import({ text })).toMatchObject({ inserted: 6, skippedRows: 0 });
    expect((await participantRows()).map((row) => row.tenure_band)).toEqual(['1-3y', '<1y', '1-3y', '1-3y', '5y+', '3-5y']);
  });

  it('without skipping, one bad row refuses the whole file naming row and column; with skipping, it names each skipped row', async () => {
    const text = [header, 'Good One,g1@example.com,Core,2 years,', 'Bad Tenure,bt@example.com,Core,forever,', 'Good Two,g2@example.com,Core,,', 'Bad Email,not-an-email,Core,1y,'].join('\n');
    const refused = await rejection(editor.participants.import({ text }));
    expect(refused.message).toMatch(/Nothing was imported: the file has 2 problems\. First: row 3, column "tenure": "forever" is not a tenure/);
    expect(await participantRows()).toHaveLength(0);
    expect(await handle.db.selectFrom('teams').select('id').execute()).toHaveLength(0);

    const preview = await editor.participants.previewImport({ text });
    expect(preview).toMatchObject({ toInsert: 2, badRows: 2, isFileRefused: false });

    const result = await editor.participants.import({ text, skipBadRows: true });
    expect(result).toMatchObject({ inserted: 2, skippedRows: 2, teamsCreated: 1 });
    expect(result.skipped).toEqual([
      expect.objectContaining({ row: 3, column: 'tenure' }),
      expect.objectContaining({ row: 5, column: 'email' }),
    ]);
    expect((await participantRows()).map((row) => row.display_name)).toEqual(['Good One', 'Good Two']);
  });

  it('still refuses a file whose problem is the file itself, or whose every row is bad, even with skipping', async () => {
    expect((await rejection(editor.participants.import({ text: 'name,email\nA,a@example.com', skipBadRows: true }))).message).toMatch(/missing "team", "tenure", "background"/);
    expect((await rejection(editor.participants.import({ text: `${header}\nA,a@example.com,,2027-01-01 and on,`, skipBadRows: true }))).message).toMatch(/row 2, column "tenure"/);
    expect(await participantRows()).toHaveLength(0);
  });
});
