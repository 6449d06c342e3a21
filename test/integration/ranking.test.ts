// The ranking over real rows: filters narrow the evidence exactly as DESIGN.md says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { getThemeNumbers, rankInventory } from '@/server/inventory/service-ranking';
import { createTestDb } from '@/test/helpers/db';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';

let handle: DbHandle;
let ids: Record<string, string>;

beforeAll(async () => {
  handle = await createTestDb();
  const ana = await addParticipant(handle, { name: 'Ana', teamName: 'Payments', tenureBand: '<1y', background: 'backend' });
  const bo = await addParticipant(handle, { name: 'Bo', teamName: 'Payments', tenureBand: '5y+', background: 'frontend' });
  const cy = await addParticipant(handle, { name: 'Cy', teamName: 'Search', tenureBand: '<1y', background: 'Backend' });
  await addParticipant(handle, { name: 'Old', teamName: 'Search', isArchived: true });
  const setup = await addTheme(handle, 'New services take two days');
  const ci = await addTheme(handle, 'CI is flaky');
  const archived = await addTheme(handle, 'Archived pain');
  await handle.db.updateTable('themes').set({ status: 'archived' }).where('id', '=', archived.id).execute();

  await addEvidence(handle, { themeIds: [setup.id], participantId: ana.id, minutesLost: 960, observedOn: '2026-03-01' });
  // A ticket the PM marked recurring (once a month); single occurrences have their own test below.
  await addEvidence(handle, { themeIds: [setup.id], participantId: bo.id, minutesLost: 480, observedOn: '2026-09-01', sourceKind: 'ticket', kind: 'recurring' });
  await addEvidence(handle, { themeIds: [setup.id], participantId: null, severity: 5, observedOn: '2026-09-02', sourceKind: 'survey' });
  await addEvidence(handle, { themeIds: [ci.id], participantId: cy.id, minutesLost: 30, occurrencesPerMonth: 20, observedOn: '2026-09-03' });
  await addEvidence(handle, { themeIds: [ci.id, archived.id], participantId: ana.id, severity: 2, observedOn: '2026-09-04' });
  ids = { setup: setup.id, ci: ci.id, ana: ana.id, payments: ana.team_id!, search: cy.team_id! };
});
afterAll(async () => handle.close());

describe('rankInventory', () => {
  it('ranks live themes over the whole directory', async () => {
    const { themes, directorySize } = await rankInventory(handle.db, {});
    expect(directorySize).toBe(3);
    expect(themes.map((t) => [t.title, t.affectedDevelopers, t.unattributedMentions, t.hoursPerDeveloperPerMonth, t.score])).toEqual([
      // setup: Ana 960, Bo 480 -> median 720 min = 12 h; 2 developers -> 24
      ['New services take two days', 2, 1, 12, 24],
      // ci: Cy 600, Ana 60 -> median 330 min = 5.5 h; 2 developers -> 11
      ['CI is flaky', 2, 0, 5.5, 11],
    ]);
    expect(themes[0]).toMatchObject({ reach: 2 / 3, sourceKinds: ['interview', 'ticket', 'survey'] });
  });

  it('narrows to a date window', async () => {
    const { themes } = await rankInventory(handle.db, { from: '2026-09-01', to: '2026-09-30' });
    const setup = themes.find((t) => t.themeId === ids.setup)!;
    expect(setup).toMatchObject({ affectedDevelopers: 1, unattributedMentions: 1, hoursPerDeveloperPerMonth: 8, score: 8 });
  });

  it('narrows to a segment, dropping unattributed evidence and measuring reach within it', async () => {
    const payments = await rankInventory(handle.db, { teamId: ids.payments });
    expect(payments.directorySize).toBe(2);
    const setup = payments.themes.find((t) => t.themeId === ids.setup)!;
    expect(setup).toMatchObject({ affectedDevelopers: 2, unattributedMentions: 0, reach: 1 });
    const ci = payments.themes.find((t) => t.themeId === ids.ci)!;
    expect(ci).toMatchObject({ affectedDevelopers: 1, hoursPerDeveloperPerMonth: 1, score: 1 });

    const backend = await rankInventory(handle.db, { background: 'BACKEND', tenureBand: '<1y' });
    expect(backend.directorySize).toBe(2);
    expect(backend.themes.find((t) => t.themeId === ids.ci)).toMatchObject({ affectedDevelopers: 2 });
  });

  it('spreads single occurrences over the window: the date filter, or the earliest evidence to today', async () => {
    const access = await addTheme(handle, 'Access requests take days');
    const tickets = [];
    for (const observedOn of ['2026-09-10', '2026-09-20', '2026-10-05']) {
      tickets.push(await addEvidence(handle, { themeIds: [access.id], participantId: ids.ana, minutesLost: 60, sourceKind: 'ticket', observedOn }));
    }
    try {
      // Unfiltered: 2026-03-01 (the earliest evidence in the workspace) to today, 2026-12-29: 304 days.
      const whole = await rankInventory(handle.db, { themeIds: [access.id] }, '2026-12-29');
      expect(whole.window).toEqual({ from: '2026-03-01', to: '2026-12-29', months: 304 / 30.44 });
      expect(whole.themes[0].hoursPerDeveloperPerMonth! * 60).toBeCloseTo(180 / (304 / 30.44), 9);
      // September alone: two tickets over one month.
      const september = await rankInventory(handle.db, { themeIds: [access.id], from: '2026-09-01', to: '2026-09-30' });
      expect(september.themes[0]).toMatchObject({ hoursPerDeveloperPerMonth: 2, score: 2 });
      // A week counts as a month, never less.
      const week = await rankInventory(handle.db, { themeIds: [access.id], from: '2026-09-08', to: '2026-09-14' });
      expect(week.themes[0]).toMatchObject({ hoursPerDeveloperPerMonth: 1 });
      // Her recurring estimate of the same pain is larger: it counts, not the sum.
      const estimate = await addEvidence(handle, { themeIds: [access.id], participantId: ids.ana, minutesLost: 45, occurrencesPerMonth: 4, observedOn: '2026-09-15' });
      tickets.push(estimate);
      expect((await rankInventory(handle.db, { themeIds: [access.id], from: '2026-09-01', to: '2026-09-30' })).themes[0]).toMatchObject({ hoursPerDeveloperPerMonth: 3 });
    } finally {
      await handle.db.deleteFrom('evidence').where('id', 'in', tickets.map((ticket) => ticket.id)).execute();
      await handle.db.deleteFrom('themes').where('id', '=', access.id).execute();
    }
  });

  it('narrows to source kinds', async () => {
    const { themes } = await rankInventory(handle.db, { sourceKinds: ['ticket'] });
    expect(themes.find((t) => t.themeId === ids.setup)).toMatchObject({ affectedDevelopers: 1, score: 8, isSingleSource: true });
    expect(themes.find((t) => t.themeId === ids.ci)).toMatchObject({ evidenceCount: 0, score: null });
  });

  it('gives the same numbers for a few themes as the full inventory does', async () => {
    const numbers = await getThemeNumbers(handle.db, { themeIds: [ids.ci] });
    expect([...numbers.keys()]).toEqual([ids.ci]);
    expect(numbers.get(ids.ci)).toMatchObject({ affectedDevelopers: 2, score: 11 });
    expect((await getThemeNumbers(handle.db, { themeIds: [] })).size).toBe(0);
  });
});
