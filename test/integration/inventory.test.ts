// The pain inventory: the SQL sums give the same ranking as the pure function, filters change the
// numbers, quotes, exports, frozen snapshots, share links (no names, revocable) and the REST API.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { rankThemes } from '@/server/inventory/rank-themes';
import { listRankableThemes, listRankingEvidence, countDirectory } from '@/server/inventory/queries';
import { findRankingWindow, rankInventory } from '@/server/inventory/service-ranking';
import { getInventoryJson } from '@/server/inventory/rest';
import { runRest } from '@/server/rest';
import { callerAs, callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let ids: Record<string, string>;

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
  const ana = await addParticipant(handle, { name: 'Ana Secretname', teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
  const bo = await addParticipant(handle, { name: 'Bo Hiddenname', teamName: 'Payments', tenureBand: '5y+', background: 'frontend' });
  const cy = await addParticipant(handle, { name: 'Cy Privatename', teamName: 'Search', tenureBand: '<1y', background: 'mobile' });
  await handle.db.updateTable('participants').set({ email: 'ana.secret@example.com' }).where('id', '=', ana.id).execute();
  const setup = await addTheme(handle, 'New services take two days');
  const ci = await addTheme(handle, 'CI is flaky');
  const docs = await addTheme(handle, 'Docs are out of date');
  await addTheme(handle, 'Nobody mentioned this yet');

  await addEvidence(handle, { themeIds: [setup.id], participantId: ana.id, minutesLost: 960, observedOn: '2026-03-01', excerpt: 'It took two days to get a database' });
  // A ticket the PM marked recurring (once a month), so the numbers below do not depend on today.
  await addEvidence(handle, { themeIds: [setup.id], participantId: bo.id, minutesLost: 480, sourceKind: 'ticket', kind: 'recurring', observedOn: '2026-09-01', excerpt: 'Waiting on four teams again' });
  await addEvidence(handle, { themeIds: [setup.id], participantId: null, severity: 1, sourceKind: 'survey', observedOn: '2026-09-02', excerpt: '=HYPERLINK("x") setup is slow' });
  await addEvidence(handle, { themeIds: [ci.id], participantId: cy.id, minutesLost: 30, occurrencesPerMonth: 20, observedOn: '2026-09-03', excerpt: 'I rerun the pipeline | twice a day' });
  await addEvidence(handle, { themeIds: [ci.id], participantId: ana.id, severity: 2, observedOn: '2026-09-04', excerpt: 'Flaky tests block my merge' });
  await addEvidence(handle, { themeIds: [docs.id], participantId: bo.id, observedOn: '2026-09-05', excerpt: 'The wiki page is from 2019' });
  ids = { setup: setup.id, ci: ci.id, docs: docs.id, ana: ana.id, payments: ana.team_id!, search: cy.team_id! };
});
afterAll(async () => handle.close());

describe('the SQL sums and the pure ranking agree', () => {
  it('on random evidence, single and recurring, for every filter (date, team, tenure, source)', async () => {
    const scratch = await createTestDb();
    try {
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      const pick = <T,>(values: T[]) => values[Math.floor(random() * values.length)];
      const people = [];
      for (let i = 0; i < 12; i += 1) {
        people.push(
          await addParticipant(scratch, { name: `P${i}`, teamName: pick(['A', 'B', 'C']), tenureBand: pick(['<1y', '1-3y', '3-5y', '5y+'] as const), background: pick(['backend', 'Frontend', 'data']) }),
        );
      }
      const themes = [];
      for (let i = 0; i < 6; i += 1) themes.push(await addTheme(scratch, `Theme ${i}`));
      // Two developers leave: their evidence counts, their reach does not.
      await scratch.db.updateTable('participants').set({ archived_at: new Date() }).where('id', 'in', [people[1].id, people[2].id]).execute();
      for (let i = 0; i < 150; i += 1) {
        const kind = random();
        const isSingle = random() < 0.5;
        await addEvidence(scratch, {
          themeIds: random() < 0.2 ? [pick(themes).id, pick(themes).id].filter((id, index, all) => all.indexOf(id) === index) : [pick(themes).id],
          participantId: random() < 0.15 ? null : pick(people).id,
          minutesLost: kind < 0.5 ? Math.round(random() * 600) / 4 : null,
          severity: kind >= 0.5 && kind < 0.8 ? 1 + Math.floor(random() * 5) : null,
          occurrencesPerMonth: isSingle ? 1 : pick([0.5, 1, 2, 4, 10]),
          kind: isSingle ? 'single' : 'recurring',
          sourceKind: isSingle ? pick(['ticket', 'shadowing', 'postmortem'] as const) : pick(['interview', 'survey', 'request'] as const),
          observedOn: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        });
      }
      const filters = [
        {},
        { teamId: people[0].team_id! },
        { tenureBand: '1-3y' as const, background: 'FRONTEND' },
        { from: '2026-03-01', to: '2026-06-30', sourceKinds: ['ticket' as const, 'survey' as const] },
        { from: '2026-05-01', teamId: people[3].team_id! },
        { to: '2026-04-15', tenureBand: '3-5y' as const },
        { sourceKinds: ['shadowing' as const, 'interview' as const, 'postmortem' as const], background: 'data' },
        { themeIds: [themes[1].id, themes[2].id] },
      ];
      const today = '2026-12-05';
      for (const filter of filters) {
        const [rankable, evidence, directorySize, window] = await Promise.all([
          listRankableThemes(scratch.db, filter),
          listRankingEvidence(scratch.db, filter),
          countDirectory(scratch.db, filter),
          findRankingWindow(scratch.db, filter, today),
        ]);
        expect(window.months).toBeGreaterThanOrEqual(1);
        const expected = rankThemes({ themes: rankable, evidence, directorySize, windowMonths: window.months });
        expect(expected.every((theme) => theme.reach === null || theme.reach <= 1)).toBe(true);
        const { themes: actual } = await rankInventory(scratch.db, filter, today);
        expect(actual.map((theme) => theme.themeId)).toEqual(expected.map((theme) => theme.themeId));
        actual.forEach((theme, index) => {
          const { hoursPerDeveloperPerMonth, score, ...rest } = expected[index];
          expect(theme).toMatchObject(rest);
          if (hoursPerDeveloperPerMonth === null) expect(theme.hoursPerDeveloperPerMonth).toBeNull();
          else expect(theme.hoursPerDeveloperPerMonth).toBeCloseTo(hoursPerDeveloperPerMonth, 9);
          if (score === null) expect(theme.score).toBeNull();
          else expect(theme.score).toBeCloseTo(score, 9);
        });
      }
    } finally {
      await scratch.close();
    }
  });
});

describe('the inventory page', () => {
  it('ranks themes with evidence, with quotes, flags and quadrants', async () => {
    const view = await viewer.inventory.view({});
    expect(view.themes.map((theme) => [theme.rank, theme.title, theme.affectedDevelopers, theme.unattributedMentions, theme.score])).toEqual([
      [1, 'New services take two days', 2, 1, 24],
      [2, 'CI is flaky', 2, 0, 11],
      [3, 'Docs are out of date', 1, 0, null],
    ]);
    expect(view).toMatchObject({ directorySize: 3, themesWithoutEvidence: 1, filterLabel: 'All evidence, whole directory', page: 1, pageCount: 1 });
    const [setup, ci, docs] = view.themes;
    expect(setup).toMatchObject({ reach: 2 / 3, sourceKinds: ['interview', 'ticket', 'survey'], isSingleSource: false, status: 'candidate' });
    expect(ci).toMatchObject({ isSingleSource: true });
    // Quotes: the costliest first; attributed by role, tenure and team; names for workspace readers.
    expect(setup.quotes.map((quote) => [quote.excerpt, quote.attribution, quote.participantName])).toEqual([
      ['It took two days to get a database', 'backend developer, 1-3 years, Team Payments', 'Ana Secretname'],
      ['Waiting on four teams again', 'frontend developer, 5+ years, Team Payments', 'Bo Hiddenname'],
    ]);
    expect(docs.quadrant).toBeNull();
    // Medians of the plotted themes: 2 developers, (12 + 5.5) / 2 hours.
    expect(view.splits).toEqual({ developers: 2, hours: 8.75 });
    expect([setup.quadrant, ci.quadrant]).toEqual(['do-first', 'widespread']);
  });

  it('changes the numbers with every filter, and sorts on request', async () => {
    const window = await viewer.inventory.view({ filter: { from: '2026-09-01', to: '2026-09-30' } });
    expect(window.themes.find((theme) => theme.themeId === ids.setup)).toMatchObject({ affectedDevelopers: 1, unattributedMentions: 1, score: 8 });
    expect(window.filterLabel).toBe('2026-09-01 to 2026-09-30');

    const payments = await viewer.inventory.view({ filter: { teamId: ids.payments } });
    expect(payments).toMatchObject({ directorySize: 2, filterLabel: 'Team Payments' });
    expect(payments.themes.find((theme) => theme.themeId === ids.setup)).toMatchObject({ affectedDevelopers: 2, unattributedMentions: 0, reach: 1 });
    expect(payments.themes.find((theme) => theme.themeId === ids.ci)).toMatchObject({ affectedDevelopers: 1, score: 1 });

    const juniors = await viewer.inventory.view({ filter: { tenureBand: '<1y' } });
    expect(juniors.themes.map((theme) => theme.title)).toEqual(['CI is flaky']);
    const frontend = await viewer.inventory.view({ filter: { background: 'FRONTEND' } });
    expect(frontend.themes.map((theme) => theme.title)).toEqual(['New services take two days', 'Docs are out of date']);
    const tickets = await viewer.inventory.view({ filter: { sourceKinds: ['ticket'] } });
    expect(tickets.themes.map((theme) => [theme.title, theme.score])).toEqual([['New services take two days', 8]]);
    expect(tickets.themesWithoutEvidence).toBe(3);

    const byConfidence = await viewer.inventory.view({ sort: 'confidence' });
    expect(byConfidence.themes.map((theme) => theme.rank)).toEqual([1, 2, 3]);
    const bySeverity = await viewer.inventory.view({ sort: 'severity' });
    expect(bySeverity.themes.map((theme) => theme.title)).toEqual(['New services take two days', 'CI is flaky', 'Docs are out of date']);
  });

  it('refuses filters of the wrong type, naming them', async () => {
    expect((await rejection(viewer.inventory.view({ filter: { from: 'last week' } }))).message).toBe('filter.from: Use a date like 2026-03-31');
    expect((await rejection(viewer.inventory.view({ filter: { teamId: 'payments' } }))).message).toBe('filter.teamId: Use the id of a team');
    expect((await rejection(viewer.inventory.view({ filter: { sourceKinds: ['email' as 'ticket'] } }))).message).toMatch(/^filter.sourceKinds.0: Use source kinds from/);
    expect((await rejection(viewer.inventory.view({ sort: 'loudest' as 'score' }))).message).toMatch(/^sort: Sort by one of/);
  });

  it('shows the MVP focus themes with the evidence that justifies them', async () => {
    await editor.themes.setMvpFocus({ id: ids.ci, isFocus: true });
    try {
      const view = await viewer.inventory.view({});
      expect(view.themes.filter((theme) => theme.isMvpFocus).map((theme) => [theme.title, theme.evidenceCount])).toEqual([['CI is flaky', 2]]);
    } finally {
      await editor.themes.setMvpFocus({ id: ids.ci, isFocus: false });
    }
  });
});

describe('exports', () => {
  it('writes Markdown and CSV with names hidden unless asked for', async () => {
    const markdown = await viewer.inventory.export({ format: 'markdown' });
    expect(markdown).toMatchObject({ contentType: 'text/markdown; charset=utf-8', filename: expect.stringMatching(/^pain-inventory-\d{4}-\d{2}-\d{2}\.md$/) });
    expect(markdown.body).toContain('| 1 | New services take two days | 2 | 1 | 67% | 12 | 24 | 3 (interview, ticket, survey) | Do first |');
    // Three developers in the directory: no attribution narrower than "a developer" keeps five matching.
    expect(markdown.body).toContain('> - a developer, interview, 2026-03-01');
    expect(markdown.body).toContain('I rerun the pipeline \\| twice a day');
    expect(markdown.body).not.toMatch(/Secretname|Hiddenname|Privatename|@example/);
    const named = await viewer.inventory.export({ format: 'markdown', hasNames: true });
    expect(named.body).toContain('Ana Secretname (backend developer, 1-3 years, Team Payments)');

    const csv = await viewer.inventory.export({ format: 'csv', filter: { teamId: ids.payments } });
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'rank,theme,status,mvp_focus,quadrant,affected_developers,unattributed_mentions,reach_percent,hours_lost_per_affected_developer_per_month,score_developer_hours_per_month,developers_with_time_data,evidence_items,source_kinds,single_source,quote_1,quote_1_by,quote_2,quote_2_by',
    );
    expect(lines[1]).toBe(
      '1,New services take two days,candidate,false,Do first,2,0,100,12,24,2,2,interview ticket,false,It took two days to get a database,a developer,Waiting on four teams again,a developer',
    );
    expect(csv.body).not.toMatch(/Secretname|Hiddenname/);
    const all = await viewer.inventory.export({ format: 'csv' });
    // A quote that starts like a formula is written as text.
    expect(all.body).not.toContain(',=HYPERLINK');
    expect((await rejection(viewer.inventory.export({ format: 'pdf' as 'csv' }))).message).toBe('format: Export as markdown or csv');
  });
});

describe('snapshots', () => {
  it('freezes the ranking; later evidence changes do not change it; compare shows the moves', async () => {
    const frozen = await editor.inventory.freeze({ title: 'Baseline before the MVP' });
    const before = await viewer.inventory.snapshot({ id: frozen.id });
    expect(before.frozen.map((theme) => [theme.rank, theme.title, theme.score])).toEqual([
      [1, 'New services take two days', 24],
      [2, 'CI is flaky', 11],
      [3, 'Docs are out of date', null],
    ]);
    expect(before.comparison.added).toEqual([]);
    expect(before.comparison.resolved).toEqual([]);
    expect(before.comparison.ranked.map((row) => row.rankMove)).toEqual([0, 0, 0]);

    // Later: CI gets much worse, docs are archived, a new pain appears.
    const extra = await addEvidence(handle, { themeIds: [ids.ci], participantId: ids.ana, minutesLost: 6000, observedOn: '2026-10-01' });
    await editor.themes.update({ id: ids.docs, title: 'Docs are out of date', description: '', status: 'archived' });
    const fresh = await addTheme(handle, 'Secrets rotation breaks deploys');
    const freshEvidence = await addEvidence(handle, { themeIds: [fresh.id], participantId: ids.ana, severity: 1 });
    try {
      const after = await viewer.inventory.snapshot({ id: frozen.id });
      expect(after.frozen).toEqual(before.frozen);
      expect(after.comparison.ranked.map((row) => [row.title, row.rankThen, row.rankNow, row.rankMove])).toEqual([
        ['CI is flaky', 2, 1, 1],
        ['New services take two days', 1, 2, -1],
      ]);
      const ci = after.comparison.ranked[0];
      // CI now: Cy 600, Ana the larger of 60 and 6000 -> median 3300 min = 55 h x 2 developers = 110.
      expect(ci).toMatchObject({ scoreThen: 11, scoreNow: 110, scoreChange: 99 });
      expect(after.comparison.added.map((row) => row.title)).toEqual(['Secrets rotation breaks deploys']);
      expect(after.comparison.resolved.map((row) => [row.title, row.reason])).toEqual([['Docs are out of date', { kind: 'archived' }]]);

      // Nothing can change a snapshot, not even SQL.
      await expect(sql`update inventory_snapshots set title = 'changed'`.execute(handle.db)).rejects.toThrow(/immutable/);
      expect((await viewer.inventory.snapshots()).map((row) => [row.title, row.themeCount, row.filterLabel])).toEqual([
        ['Baseline before the MVP', 3, 'All evidence, whole directory'],
      ]);
    } finally {
      await handle.db.deleteFrom('evidence').where('id', 'in', [extra.id, freshEvidence.id]).execute();
      await handle.db.deleteFrom('themes').where('id', '=', fresh.id).execute();
      await editor.themes.update({ id: ids.docs, title: 'Docs are out of date', description: '', status: 'candidate' });
    }
  });

  it('keeps the filter it was taken with, and names merged themes as resolved', async () => {
    const a = await addTheme(handle, 'Merge me');
    const evidence = await addEvidence(handle, { themeIds: [a.id], participantId: ids.ana, minutesLost: 5, observedOn: '2026-09-10' });
    const frozen = await editor.inventory.freeze({ title: 'September, Payments', filter: { teamId: ids.payments, from: '2026-09-01' } });
    const merge = await editor.themes.merge({ sourceId: a.id, targetId: ids.ci });
    try {
      const compared = await viewer.inventory.snapshot({ id: frozen.id });
      expect(compared.filterLabel).toBe('Team Payments, since 2026-09-01');
      expect(compared.comparison.resolved).toMatchObject([{ title: 'Merge me', reason: { kind: 'merged', intoThemeId: ids.ci, intoTitle: 'CI is flaky' } }]);
    } finally {
      await editor.themes.undoMerge({ mergeId: merge.mergeId });
      await handle.db.deleteFrom('evidence').where('id', '=', evidence.id).execute();
      await handle.db.deleteFrom('themes').where('id', '=', a.id).execute();
    }
  });

  it('refuses a nameless snapshot and a viewer, writing nothing', async () => {
    const count = (await viewer.inventory.snapshots()).length;
    expect((await rejection(editor.inventory.freeze({ title: '  ' }))).message).toMatch(/^title: Name the snapshot/);
    expect((await rejection(viewer.inventory.freeze({ title: 'Viewer' }))).code).toBe('FORBIDDEN');
    expect((await viewer.inventory.snapshots()).length).toBe(count);
    expect((await rejection(viewer.inventory.snapshot({ id: '00000000-0000-4000-8000-000000000321' }))).code).toBe('NOT_FOUND');
  });
});

describe('share links', () => {
  const anonymous = () => callerAs(handle, null);
  const tokenOf = (path: string) => path.split('/').pop()!;

  it('shows the inventory without names, emails or ids to anyone with the link, until revoked', async () => {
    const share = await editor.inventory.createShare({ label: 'Leadership review', filter: { teamId: ids.payments } });
    expect(share.path).toMatch(/^\/share\/inventory\/[\w-]{43}$/);
    const stored = await handle.db.selectFrom('inventory_shares').select(['token_hash']).where('id', '=', share.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(tokenOf(share.path));

    const view = await anonymous().sharedInventory.view({ token: tokenOf(share.path) });
    expect(view.label).toBe('Leadership review');
    expect(view.inventory.filterLabel).toBe('Team Payments');
    expect(view.inventory.themes[0]).toMatchObject({ rank: 1, title: 'New services take two days', affectedDevelopers: 2 });
    expect(view.inventory.themes[0].quotes[0]).toEqual({
      excerpt: 'It took two days to get a database',
      attribution: 'a developer',
      sourceKind: 'interview',
      observedOn: '2026-03-01',
    });
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/Secretname|Hiddenname|Privatename|@example|themeId|evidenceId|sourcePath|participant/);
    expect(text).not.toContain(ids.setup);

    const list = await editor.inventory.shares();
    expect(list[0]).toMatchObject({ label: 'Leadership review', filterLabel: 'Team Payments', revokedAt: null });
    expect(list[0].lastViewedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(list)).not.toContain(tokenOf(share.path));

    await editor.inventory.revokeShare({ id: share.id });
    expect((await rejection(anonymous().sharedInventory.view({ token: tokenOf(share.path) }))).code).toBe('NOT_FOUND');
    expect((await rejection(editor.inventory.revokeShare({ id: share.id }))).code).toBe('NOT_FOUND');
  });

  it('answers a malformed or unknown token with not found or bad request, and no data', async () => {
    expect((await rejection(anonymous().sharedInventory.view({ token: 'abc' }))).code).toBe('BAD_REQUEST');
    expect((await rejection(anonymous().sharedInventory.view({ token: '<script>alert(1)</script>-----------' }))).code).toBe('BAD_REQUEST');
    expect((await rejection(anonymous().sharedInventory.view({ token: 'a'.repeat(43) }))).code).toBe('NOT_FOUND');
  });

  it('refuses a share without a label and a viewer making one', async () => {
    expect((await rejection(editor.inventory.createShare({ label: '' }))).message).toMatch(/^label: Say who the link is for/);
    expect((await rejection(viewer.inventory.createShare({ label: 'x' }))).code).toBe('FORBIDDEN');
    expect((await rejection(viewer.inventory.shares())).code).toBe('FORBIDDEN');
  });
});

describe('GET /api/v1/inventory', () => {
  let token: string;
  beforeAll(async () => {
    const admin = await callerWithRole(handle, 'admin');
    token = (await admin.apiTokens.create({ name: 'portal' })).token;
  });
  const call = (query: string, authorization: string | null = `Bearer ${token}`) =>
    runRest(handle.db, new Request(`http://x/api/v1/inventory${query}`, { headers: authorization ? { authorization } : {} }), { auth: 'token' }, getInventoryJson);

  it('returns the ranked themes with their numbers, filtered by query parameters', async () => {
    const response = await call('');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ directorySize: 3, sort: 'score', filter: {}, themesWithoutEvidence: 1 });
    expect(body.themes[0]).toMatchObject({
      rank: 1,
      id: ids.setup,
      statement: 'New services take two days',
      affectedDevelopers: 2,
      unattributedMentions: 1,
      hoursLostPerAffectedDeveloperPerMonth: 12,
      score: 24,
      confidence: { sourceKinds: ['interview', 'ticket', 'survey'], isSingleSource: false },
      quadrant: 'do-first',
      url: expect.stringMatching(new RegExp(`/themes/${ids.setup}$`)),
    });
    expect(JSON.stringify(body)).not.toMatch(/Secretname|@example/);

    const filtered = await (await call(`?teamId=${ids.payments}&sourceKinds=interview,ticket&from=2026-01-01&sort=affected`)).json();
    expect(filtered).toMatchObject({ directorySize: 2, sort: 'affected', filter: { teamId: ids.payments, sourceKinds: ['interview', 'ticket'] } });
    expect(filtered.themes.map((theme: { statement: string }) => theme.statement)).toEqual(['New services take two days', 'CI is flaky', 'Docs are out of date']);
    const repeated = await (await call('?sourceKinds=ticket&sourceKinds=survey&tenureBand=5y%2B&background=frontend')).json();
    expect(repeated.themes.map((theme: { statement: string }) => theme.statement)).toEqual(['New services take two days']);
  });

  it.each([
    ['?from=yesterday', 'from', 'Query parameter "from": Use a date like 2026-03-31'],
    ['?teamId=payments', 'teamId', 'Query parameter "teamId": Use the id of a team'],
    ['?sourceKinds=interview,email', 'sourceKinds', 'Query parameter "sourceKinds.1": Use source kinds from: interview, shadowing, ticket, postmortem, survey, rating, request'],
    ['?tenureBand=10y', 'tenureBand', 'Query parameter "tenureBand": Use a tenure band: <1y, 1-3y, 3-5y, 5y+'],
    ['?sort=loudest', 'sort', 'Query parameter "sort": Sort by one of: score, affected, reach, severity, confidence'],
    ['?from=2026-05-01&to=2026-01-01', 'to', 'Query parameter "to": The end date is before the start date'],
    ['?team=payments', 'team', 'Query parameter "team" is not known. Use: from, to, teamId, tenureBand, background, sourceKinds, sort.'],
  ])('answers 400 for %s, naming the parameter', async (query, field, message) => {
    const response = await call(query);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toBe(message);
    expect(error.field?.split('.')[0]).toBe(field);
  });

  it('answers 401 for no token, a wrong token and a revoked token', async () => {
    expect((await call('', null)).status).toBe(401);
    expect((await call('', 'Bearer fl_not-a-real-token')).status).toBe(401);
    const admin = await callerWithRole(handle, 'admin');
    const revoked = await admin.apiTokens.create({ name: 'old portal' });
    await admin.apiTokens.revoke({ id: revoked.id });
    const response = await call('', `Bearer ${revoked.token}`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('UNAUTHORIZED');
  });
});

describe('attribution outside the workspace', () => {
  it('is only as precise as at least five active developers of the directory match, on share links and exports without names', async () => {
    const share = await editor.inventory.createShare({ label: 'Anonymity check', filter: {} });
    const token = share.path.split('/').pop()!;
    const added: string[] = [];
    const add = async (count: number, values: { teamName: string; tenureBand: '<1y' | '1-3y' | '3-5y' | '5y+'; background: string }) => {
      for (let index = 0; index < count; index += 1) added.push((await addParticipant(handle, { name: `Extra ${added.length}`, ...values })).id);
    };
    const quoteBy = async () => {
      const view = await callerAs(handle, null).sharedInventory.view({ token });
      const markdown = await viewer.inventory.export({ format: 'markdown' });
      const shared = view.inventory.themes.find((theme) => theme.title === 'New services take two days')!.quotes[0];
      expect(shared.excerpt).toBe('It took two days to get a database');
      // The export without names says the same as the share link.
      expect(markdown.body).toContain(`> - ${shared.attribution}, interview, 2026-03-01`);
      return shared.attribution;
    };
    try {
      expect(await quoteBy()).toBe('a developer');
      await add(2, { teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
      await add(2, { teamName: 'Search', tenureBand: '5y+', background: 'Backend' });
      expect(await quoteBy()).toBe('backend developer');
      await add(2, { teamName: 'Search', tenureBand: '1-3y', background: 'backend' });
      expect(await quoteBy()).toBe('backend developer, 1-3 years');
      await add(2, { teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
      expect(await quoteBy()).toBe('backend developer, 1-3 years, Team Payments');
      // Archived developers do not keep anyone hidden.
      await handle.db.updateTable('participants').set({ archived_at: new Date() }).where('id', '=', added.at(-1)!).execute();
      expect(await quoteBy()).toBe('backend developer, 1-3 years');
      // Signed-in readers who ask for names get the full attribution.
      const named = await viewer.inventory.export({ format: 'markdown', hasNames: true });
      expect(named.body).toContain('Ana Secretname (backend developer, 1-3 years, Team Payments)');
    } finally {
      await handle.db.deleteFrom('participants').where('id', 'in', added).execute();
      await editor.inventory.revokeShare({ id: share.id });
    }
  });
});

describe('reach', () => {
  it('never exceeds 100%: active developers on both sides, while an archived developer’s evidence still counts', async () => {
    const scratch = await createTestDb();
    try {
      const theme = await addTheme(scratch, 'Flaky staging');
      const people = [];
      for (let index = 0; index < 3; index += 1) people.push(await addParticipant(scratch, { name: `R${index}`, teamName: 'Core', tenureBand: '1-3y', background: 'backend' }));
      for (const person of people) await addEvidence(scratch, { themeIds: [theme.id], participantId: person.id, minutesLost: 60 });
      await scratch.db.updateTable('participants').set({ archived_at: new Date() }).where('id', 'in', [people[0].id, people[1].id]).execute();
      const [ranked] = (await rankInventory(scratch.db, {})).themes;
      expect(ranked).toMatchObject({ affectedDevelopers: 3, reach: 1, score: 3 });
      const explained = await callerWithRole(scratch, 'viewer').then((caller) => caller.themes.explain({ id: theme.id }));
      expect(explained).toMatchObject({ affectedDevelopers: 3, activeAffectedDevelopers: 1, directorySize: 1, reach: 1 });
    } finally {
      await scratch.close();
    }
  });
});
