// The demo workspace: loads in one action with evidence tagged into themes the ranking sees,
// refuses a second load, and its removal removes exactly what it created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { rankInventory } from '@/server/inventory/service-ranking';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';

let handle: DbHandle;
let admin: Awaited<ReturnType<typeof callerWithRole>>;
let editor: Awaited<ReturnType<typeof callerWithRole>>;

beforeAll(async () => {
  handle = await createTestDb();
  admin = await callerWithRole(handle, 'admin');
  editor = await callerWithRole(handle, 'editor');
});
afterAll(async () => handle.close());

const countRows = async () => {
  const tables = ['teams', 'participants', 'interviews', 'interview_answers', 'shadowing_sessions', 'friction_events', 'evidence', 'themes', 'evidence_themes'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = (await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return counts;
};

describe('demo workspace', () => {
  it('loads teams, developers, interviews, sessions and evidence ranked into themes, and removes exactly them', async () => {
    // Someone's own data before the demo: a team the demo also uses and a developer.
    const own = await addParticipant(handle, { name: 'Real Person', teamName: 'Payments', tenureBand: '3-5y' });
    const before = await countRows();

    expect(await admin.demo.status()).toMatchObject({ isLoaded: false });
    const status = await admin.demo.load();
    expect(status).toMatchObject({ isLoaded: true, developers: 12, interviews: 8, shadowingSessions: 3, themes: 6 });
    expect(status.evidence).toBeGreaterThanOrEqual(30);

    const ranking = await rankInventory(handle.db, {});
    expect(ranking.themes).toHaveLength(6);
    expect(ranking.themes.every((theme) => theme.affectedDevelopers >= 2 && theme.score !== null)).toBe(true);
    // Ada's half a day per deploy, four times a month, leads; new services follow (each developer
    // counts their largest estimate, not the sum of every story they told).
    expect(ranking.themes.slice(0, 2).map((theme) => theme.title)).toEqual([expect.stringMatching(/approval/), expect.stringMatching(/new service/)]);
    expect((await editor.evidence.list({ isUntagged: true })).total).toBe(2);
    const coverage = await editor.coverage.get();
    expect(coverage).toMatchObject({ interviewedDevelopers: 8, shadowedDevelopers: 3 });
    expect(coverage.gapCount).toBeGreaterThan(0);
    expect((await editor.search.query({ text: 'FinOps' })).total).toBeGreaterThan(0);

    expect((await rejection(admin.demo.load())).message).toMatch(/already loaded/);

    // Someone works on top of the demo: evidence from a demo interview into their own theme,
    // their own evidence into a demo theme, their own interview with a demo developer.
    const interviews = await editor.interviews.list({});
    const demoInterview = interviews.rows.find((row) => row.participantName === 'Ada Okafor')!;
    const theme = await editor.themes.create({ title: 'Their own theme' });
    await editor.evidence.create({ sourceKind: 'interview', sourceId: demoInterview.id, anchor: 'q-1', excerpt: 'watched Grafana for twenty minutes', themeIds: [theme.id] });
    const demoTheme = (await editor.themes.options()).find((option) => option.title.startsWith('Production deploys'))!;
    const ownInterview = await editor.interviews.create({ participantId: own.id, interviewedOn: '2026-01-05' });
    await editor.interviews.save({ id: ownInterview.id, changes: [{ field: 'answer:2', base: '', value: 'Approvals take all afternoon.' }] });
    await editor.evidence.create({ sourceKind: 'interview', sourceId: ownInterview.id, anchor: 'q-2', excerpt: 'Approvals take all afternoon', themeIds: [demoTheme.id] });
    const tomas = (await editor.participants.list({ search: 'Tomás' })).rows[0];
    const keptInterview = await editor.interviews.create({ participantId: tomas.id, interviewedOn: '2026-01-06' });

    const removed = await admin.demo.remove();
    expect(removed).toMatchObject({ interviews: 8, shadowingSessions: 3, themes: 5, keptThemes: 1, developers: 11, keptDevelopers: 1, teams: 3 });
    expect(removed.evidence).toBe(status.evidence + 1);
    expect(await admin.demo.status()).toMatchObject({ isLoaded: false });

    // What people made themselves is still there; nothing of the demo's own is.
    const after = await countRows();
    expect(after.interviews).toBe(before.interviews + 2);
    expect(after.participants).toBe(before.participants + 1);
    expect(after.teams).toBe(before.teams);
    expect(after.themes).toBe(before.themes + 2);
    expect(after.evidence).toBe(before.evidence + 1);
    expect(after.shadowing_sessions).toBe(before.shadowing_sessions);
    expect(await editor.interviews.get({ id: keptInterview.id })).toMatchObject({ participantName: 'Tomás Rivera' });
    expect((await editor.participants.get({ id: own.id }))?.teamName).toBe('Payments');

    expect((await rejection(admin.demo.remove())).code).toBe('NOT_FOUND');
  });

  it('is for admins only', async () => {
    expect((await rejection(editor.demo.load())).code).toBe('FORBIDDEN');
    expect((await rejection(editor.demo.remove())).code).toBe('FORBIDDEN');
  });
});

describe('demo workspace dates', () => {
  it('spreads what it made over the last twelve weeks, so Home compares weeks that mean something', async () => {
    await admin.demo.load();
    const now = Date.now();
    const day = 86_400_000;
    const demoIds = (entity: string) => handle.db.selectFrom('demo_records').select('record_id').where('entity', '=', entity as never);
    const evidence = await handle.db.selectFrom('evidence').select(['created_at', 'observed_on']).where('id', 'in', demoIds('evidence')).execute();
    const created = evidence.map((row) => row.created_at.getTime());
    expect(Math.min(...created)).toBeGreaterThanOrEqual(now - 85 * day);
    expect(Math.max(...created)).toBeLessThanOrEqual(now);
    // Saved the day it was observed, across at least eight different weeks.
    for (const row of evidence) expect(row.created_at.toISOString().slice(0, 10)).toBe(String(row.observed_on).slice(0, 10));
    expect(new Set(created.map((time) => Math.floor((time / day + 3) / 7))).size).toBeGreaterThanOrEqual(8);

    const review = await editor.home.weeklyReview();
    expect(review.changes.evidence.thisWeek + review.changes.evidence.lastWeek).toBeLessThan(evidence.length / 2);

    const participants = await handle.db.selectFrom('participants').select('created_at').where('id', 'in', demoIds('participants')).execute();
    for (const row of participants) expect(Math.round((now - row.created_at.getTime()) / day)).toBeGreaterThanOrEqual(83);
    const themes = await handle.db.selectFrom('themes').select('created_at').where('id', 'in', demoIds('themes')).execute();
    // Each theme dates from its first evidence: none is "new this week".
    for (const row of themes) expect(row.created_at.getTime()).toBeLessThan(now - 3 * day);
    await admin.demo.remove();
  });
});
