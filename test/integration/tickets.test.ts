// The Tickets page's data on a real database: top categories, weekly volume, editable category
// rules, repeat-question clusters (pg_trgm), and a cluster turned into evidence whose theme numbers
// the ranking computes exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { importTicketStream } from '@/server/imports/service-tickets';
import { rankInventory } from '@/server/inventory/service-ranking';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { byteChunks, helpDeskIssues, jiraCsv, STAGING_QUESTION } from '@/test/helpers/ticket-exports';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  const report = await importTicketStream(handle.db, {
    format: 'jira',
    fileName: 'helpdesk.csv',
    chunks: byteChunks(jiraCsv(helpDeskIssues())),
    isSkipBadRows: false,
    via: 'page',
    createdBy: null,
  });
  expect(report).toMatchObject({ status: 'completed', inserted: 78 });
});
afterAll(async () => handle.close());

describe('tickets overview', () => {
  it('shows the top categories and the weekly volume by category', async () => {
    const viewer = await callerWithRole(handle, 'viewer');
    const overview = await viewer.tickets.overview({});
    expect(overview.summary).toMatchObject({ ticketCount: 78, openCount: 0 });
    expect(overview.categories.map((row) => [row.category, row.ticketCount])).toEqual([
      ['Access', 37],
      ['General', 20],
      ['CI/CD', 12],
      ['Kubernetes', 9],
    ]);
    expect(overview.categories[0].requesterCount).toBe(29);
    expect(overview.weekly.reduce((sum, row) => sum + row.ticketCount, 0)).toBe(78);
    expect(overview.weekly[0].week).toBe('2025-06-02');
    const filtered = await viewer.tickets.overview({ category: 'CI/CD' });
    expect(filtered.summary.ticketCount).toBe(12);
  });

  it('re-categorises every ticket when a keyword or label rule is added or removed', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const keyword = await editor.tickets.addRule({ matchOn: 'keyword', pattern: 'Namespace', category: 'Namespaces' });
    expect(keyword.recategorized).toBe(9);
    const label = await editor.tickets.addRule({ matchOn: 'label', pattern: 'CI', category: 'Build pipelines' });
    expect(label.recategorized).toBe(12);
    const categories = (await editor.tickets.overview({})).categories.map((row) => row.category);
    expect(categories).toEqual(['Access', 'General', 'Build pipelines', 'Namespaces']);
    await editor.tickets.removeRule({ id: keyword.id });
    expect((await editor.tickets.rules()).map((rule) => rule.pattern)).toEqual(['CI']);
    expect((await editor.tickets.overview({ category: 'Kubernetes' })).summary.ticketCount).toBe(9);
    await editor.tickets.removeRule({ id: label.id });
    expect((await rejection(editor.tickets.addRule({ matchOn: 'keyword', pattern: ' ', category: 'x' }))).message).toBe('pattern: Enter the keyword or label to match');
  });
});

describe('repeat questions into the pain inventory', () => {
  it('clusters the staging-database question: asked 37 times by 29 developers', async () => {
    const viewer = await callerWithRole(handle, 'viewer');
    const { clusters } = await viewer.tickets.repeatQuestions({});
    expect(clusters.map((cluster) => [cluster.title, cluster.askedCount, cluster.developerCount])).toEqual([
      [STAGING_QUESTION, 37, 29],
      ['CI runner fails with no space left on device', 12, 10],
      ['Please create a new Kubernetes namespace for our team', 9, 9],
    ]);
    expect(clusters[0].variants).toEqual([STAGING_QUESTION, '[Access] How do I get access to the staging databases?']);
    expect(clusters[0].category).toBe('Access');
    const strict = await viewer.tickets.repeatQuestions({ similarity: 'strict', minAsked: 10 });
    expect(strict.clusters.map((cluster) => cluster.askedCount)).toEqual([37, 12]);
  });

  it('turns a whole cluster into evidence of a theme, each ticket attributed to its requester, with no time of its own (the wait is not time lost)', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const [cluster] = (await editor.tickets.repeatQuestions({})).clusters;
    const result = await editor.tickets.toEvidence({ ticketIds: cluster.ticketIds, newThemeTitle: 'Getting staging database access takes days' });
    expect(result).toMatchObject({ created: 37, alreadyEvidence: 0 });

    // Tickets are single occurrences; without minutes entered they count for frequency only.
    const { themes } = await rankInventory(handle.db, {});
    const theme = themes.find((entry) => entry.title === 'Getting staging database access takes days')!;
    expect(theme).toMatchObject({ evidenceCount: 37, affectedDevelopers: 29, unattributedMentions: 0, hoursPerDeveloperPerMonth: null, score: null, sourceKinds: ['ticket'], isSingleSource: true });
    expect(result.themes[0]).toMatchObject({ affectedDevelopers: 29, score: null });
    const stored = await handle.db.selectFrom('evidence').select(['kind', 'minutes_lost', 'minutes_origin']).where('source_kind', '=', 'ticket').execute();
    expect(new Set(stored.map((row) => JSON.stringify(row)))).toEqual(new Set([JSON.stringify({ kind: 'single', minutes_lost: null, minutes_origin: null })]));

    // Doing it again, or into a second theme, keeps one evidence item per ticket.
    const again = await editor.tickets.toEvidence({ ticketIds: cluster.ticketIds, themeIds: [theme.themeId] });
    expect(again).toMatchObject({ created: 0, alreadyEvidence: 37 });
    const second = await editor.tickets.toEvidence({ ticketIds: cluster.ticketIds.slice(0, 3), newThemeTitle: 'Database access needs a ticket', minutesLost: 30 });
    expect(second).toMatchObject({ created: 0, alreadyEvidence: 3 });
    const after = await rankInventory(handle.db, {});
    expect(after.themes.find((entry) => entry.themeId === theme.themeId)).toMatchObject({ evidenceCount: 37, affectedDevelopers: 29 });
    expect(after.themes.find((entry) => entry.title === 'Database access needs a ticket')).toMatchObject({ evidenceCount: 3, affectedDevelopers: 3 });

    // The cluster now shows the theme it feeds, with the inventory's numbers.
    const [shown] = (await editor.tickets.repeatQuestions({})).clusters;
    expect(shown.ticketsInThemes).toBe(37);
    expect(shown.themes.find((entry) => entry.id === theme.themeId)).toMatchObject({ affectedDevelopers: 29, evidenceCount: 37 });
  });

  it('uses the minutes the PM enters instead of the wait, and refuses bad input', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const [, runner] = (await editor.tickets.repeatQuestions({})).clusters;
    await editor.tickets.toEvidence({ ticketIds: runner.ticketIds, newThemeTitle: 'CI runners run out of disk', minutesLost: 45 });
    const { themes, window } = await rankInventory(handle.db, {});
    const theme = themes.find((entry) => entry.title === 'CI runners run out of disk')!;
    // 12 tickets by 10 developers: two developers asked twice (90 min), eight once (45 min). Tickets
    // are single occurrences, spread over the window (DESIGN.md): the median developer's 45 minutes
    // divided by the window's months.
    expect(theme).toMatchObject({ affectedDevelopers: 10, evidenceCount: 12 });
    expect(window.months).toBeGreaterThan(1);
    expect(theme.hoursPerDeveloperPerMonth).toBeCloseTo(45 / window.months / 60, 2);
    expect((await rejection(editor.tickets.toEvidence({ ticketIds: runner.ticketIds }))).message).toBe('Choose a pain theme, or write a new one.');
    expect((await rejection(editor.tickets.toEvidence({ ticketIds: [], newThemeTitle: 'x' }))).message).toBe('ticketIds: Select at least one ticket');
    expect((await rejection(editor.tickets.toEvidence({ ticketIds: runner.ticketIds, newThemeTitle: 'x', minutesLost: -5 }))).message).toBe('minutesLost: Minutes lost cannot be negative');
    const viewer = await callerWithRole(handle, 'viewer');
    expect((await rejection(viewer.tickets.toEvidence({ ticketIds: runner.ticketIds, newThemeTitle: 'x' }))).code).toBe('FORBIDDEN');
  });

  it('saves words of one ticket as evidence through the shared evidence form', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const { rows } = await editor.tickets.list({ search: 'Redis' });
    const ticket = await editor.tickets.get({ id: rows[0].id });
    expect(ticket.waitMinutes).toBe(120);
    const saved = await editor.evidence.create({ sourceKind: 'ticket', sourceId: ticket.id, excerpt: 'I tried the wiki first', minutesLost: ticket.waitMinutes, newThemeTitle: 'The wiki does not answer questions' });
    const evidence = await editor.evidence.get({ id: saved.id });
    expect(evidence).toMatchObject({ sourcePath: `/tickets/${ticket.id}`, participantId: ticket.participantId, observedOn: ticket.openedAt?.toISOString().slice(0, 10) });
    expect((await rejection(editor.evidence.create({ sourceKind: 'ticket', sourceId: ticket.id, excerpt: 'words that are not there' }))).message).toMatch(/excerpt must be words from the source/);
  });
});
