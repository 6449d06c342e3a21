// The weekly review on the home page: one call returns the loop at a glance. Seeded through the
// app's own procedures where they exist; the week is fixed by faking only the clock the service
// reads (Thursday 12 March 2026, so this week is 9-16 March and last week 2-9 March, UTC).
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { insertRatingForFlow } from '@/server/ratings/queries';
import { quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { callerAs, callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';

const NOW = new Date('2026-03-12T12:00:00Z');

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let admin: Awaited<ReturnType<typeof callerWithRole>>;

beforeAll(async () => {
  handle = await createTestDb();
  [editor, viewer, admin] = await Promise.all([callerWithRole(handle, 'editor'), callerWithRole(handle, 'viewer'), callerWithRole(handle, 'admin')]);
});
afterAll(async () => handle.close());
afterEach(() => {
  vi.useRealTimers();
});

/** The review as a viewer reads it on NOW; only Date is faked, so the database's clock is not. */
async function reviewOnNow() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  return viewer.home.weeklyReview();
}

async function setCreatedAt(table: 'evidence' | 'themes' | 'roadmap_requests', id: string, at: string) {
  // created_at is the database's own (never written by the app), so the test sets it in SQL.
  await sql`update ${sql.table(table)} set created_at = ${new Date(at)} where id = ${id}`.execute(handle.db);
}

let ticketCounter = 0;
async function addTicket(openedAt: Date) {
  const key = `OPS-${++ticketCounter}`;
  await handle.db
    .insertInto('tickets')
    .values({ source: 'jira', external_key: key, title: `Question ${key}`, title_norm: `question ${key.toLowerCase()}`, content_hash: key, opened_at: openedAt })
    .execute();
}

describe('home.weeklyReview', () => {
  it('refuses an anonymous caller', async () => {
    expect((await rejection(callerAs(handle, null).home.weeklyReview())).code).toBe('UNAUTHORIZED');
  });

  it('gives zeros and nulls for an empty workspace', async () => {
    const review = await reviewOnNow();
    expect(review.thisWeek).toEqual({ start: new Date('2026-03-09T00:00:00Z'), end: new Date('2026-03-16T00:00:00Z') });
    expect(review.discovery).toMatchObject({ directorySize: 0, interviewedDevelopers: 0, interviews: 0, progress: 0, gapCount: 0, gaps: [], target: { min: 15, max: 20 } });
    expect(review.topPains).toEqual({ rankedThemes: 0, themes: [] });
    expect(review.inProgress).toEqual([]);
    expect(review.satisfaction).toBeNull();
    expect(review.adoption).toMatchObject({ hasDeliveryData: false, deployments: 0, deploymentShare: null, serviceShare: null, status: null, target: { min: 0.6, max: 0.8 } });
    expect(review.changes).toEqual({
      evidence: { thisWeek: 0, lastWeek: 0 },
      themes: { thisWeek: 0, newest: [] },
      tickets: { thisWeek: 0, weeklyAverage: 0, isSpike: false },
      requests: { thisWeek: 0, lastWeek: 0, untriaged: 0 },
      surveyResponses: { thisWeek: 0, lastWeek: 0 },
      ratings: { thisWeek: 0, lastWeek: 0 },
    });
    expect(review.workspace).toEqual({ members: 3 });
  });

  it('computes every figure of a seeded week by hand', async () => {
    // Discovery: 3 developers, 2 interviewed; Payments x 5y+ (Mei) is the one gap.
    const ada = await addParticipant(handle, { name: 'Ada', teamName: 'Payments', tenureBand: '1-3y' });
    const mei = await addParticipant(handle, { name: 'Mei', teamName: 'Payments', tenureBand: '5y+' });
    const jonas = await addParticipant(handle, { name: 'Jonas', teamName: 'Search', tenureBand: '1-3y' });
    await editor.interviews.create({ participantId: ada.id, interviewedOn: '2026-03-03' });
    await editor.interviews.create({ participantId: jonas.id, interviewedOn: '2026-03-10' });

    // Pains. Approvals: Ada 180 min twice a month = 6 h, score 6. Staging: Ada 2 h and Jonas 2 h,
    // median 2 h x 2 developers = 4. Four older themes of Mei's: 1 h, 50, 40 and 30 minutes.
    const staging = await addTheme(handle, 'Getting a staging environment takes an ops ticket');
    const approvals = await addTheme(handle, 'Deploys wait hours for a change approval');
    await setCreatedAt('themes', staging.id, '2026-03-10T09:00:00Z');
    await setCreatedAt('themes', approvals.id, '2026-03-03T09:00:00Z');
    const e1 = await addEvidence(handle, { themeIds: [staging.id], participantId: ada.id, minutesLost: 60, occurrencesPerMonth: 2 });
    const e2 = await addEvidence(handle, { themeIds: [staging.id], participantId: jonas.id, minutesLost: 120, sourceKind: 'shadowing' });
    const e3 = await addEvidence(handle, { themeIds: [approvals.id], participantId: ada.id, minutesLost: 180, occurrencesPerMonth: 2 });
    await setCreatedAt('evidence', e1.id, '2026-03-09T00:00:00Z');
    await setCreatedAt('evidence', e2.id, '2026-03-11T16:00:00Z');
    await setCreatedAt('evidence', e3.id, '2026-03-08T23:59:59Z');
    for (const [index, minutes] of [60, 50, 40, 30].entries()) {
      const theme = await addTheme(handle, `Older pain ${index + 1}`);
      await setCreatedAt('themes', theme.id, '2026-01-05T09:00:00Z');
      const evidence = await addEvidence(handle, { themeIds: [theme.id], participantId: mei.id, minutesLost: minutes });
      await setCreatedAt('evidence', evidence.id, '2026-01-05T09:00:00Z');
    }

    // Tickets: 2 a week over the 8 weeks before (16, average 2), 7 this week: a spike. One opened
    // just before the 8 weeks is not counted.
    await addTicket(new Date('2026-01-11T23:00:00Z'));
    for (let week = 0; week < 8; week += 1) {
      for (const hour of [10, 14]) await addTicket(new Date(Date.UTC(2026, 0, 12 + 7 * week, hour)));
    }
    for (let index = 0; index < 7; index += 1) await addTicket(new Date(Date.UTC(2026, 2, 9, index)));

    // Roadmap: two items in progress (one published), one planned.
    const published = await editor.roadmap.create({ title: 'Self-service staging environments', lane: 'in_progress', isPublic: true, targetQuarter: '2026-Q2', themeIds: [staging.id] });
    await editor.roadmap.publish();
    const draft = await editor.roadmap.create({ title: 'Automatic change approval for low-risk deploys', lane: 'in_progress' });
    await editor.roadmap.create({ title: 'A service catalogue', lane: 'planned' });

    // Requests: two this week, one last week, none triaged.
    const anonymous = callerAs(handle, null);
    const requests = [];
    for (const title of ['Preview environments per pull request', 'Faster CI caches', 'A runbook search']) {
      requests.push(await anonymous.requests.submit({ title, details: 'It would save us hours every week.', website: '' }));
    }
    await setCreatedAt('roadmap_requests', requests[0].id, '2026-03-10T08:00:00Z');
    await setCreatedAt('roadmap_requests', requests[1].id, '2026-03-12T08:00:00Z');
    await setCreatedAt('roadmap_requests', requests[2].id, '2026-03-05T08:00:00Z');

    // Satisfaction: the 2026-Q1 run (8, 9, 7, 8: mean 8, healthy) follows 2025-Q4 (6, 7: 6.5). A
    // newer 2026-Q2 run without answers and a survey with no 1-10 question are passed over.
    const header = 'Timestamp,Rate the platform 1-10,One thing to improve';
    const q4 = await editor.surveys.import({
      fileName: 'q4.csv',
      text: [header, '2025-11-03 10:00:00,6,Builds', '2025-11-04 10:00:00,7,'].join('\n'),
      title: 'Platform satisfaction',
      quarter: '2025-Q4',
      mapping: [
        { column: 0, target: { kind: 'date' } },
        { column: 1, target: { kind: 'question', questionKind: 'scale_10' } },
        { column: 2, target: { kind: 'question', questionKind: 'free_text' } },
      ],
    });
    const series = await editor.surveys.get({ id: q4.surveyId });
    const [score, improve] = series.questions;
    const q1 = await editor.surveys.import({
      fileName: 'q1.csv',
      text: [header, '2026-02-20 10:00:00,8,', '2026-03-03 10:00:00,9,', '2026-03-10 10:00:00,7,Docs', '2026-03-11 10:00:00,8,'].join('\n'),
      title: 'Platform satisfaction',
      quarter: '2026-Q1',
      seriesId: series.seriesId,
      mapping: [
        { column: 0, target: { kind: 'date' } },
        { column: 1, target: { kind: 'question', questionKind: 'scale_10', seriesKey: score.seriesKey } },
        { column: 2, target: { kind: 'question', questionKind: 'free_text', seriesKey: improve.seriesKey } },
      ],
    });
    await editor.surveys.create({ ...quarterlyTemplate(todayOf()), quarter: '2026-Q2' });
    await editor.surveys.create({
      ...quarterlyTemplate(todayOf()),
      title: 'Open question',
      quarter: '2026-Q3',
      questions: [{ kind: 'free_text', prompt: 'Anything else?', isRequired: false, options: [] }],
    });

    // Ratings: two this week, one on the Sunday before.
    await admin.ratings.createFlow({ key: 'create-service', name: 'Create a service', allowedOrigins: [] });
    for (const ratedOn of ['2026-03-09', '2026-03-12', '2026-03-08']) {
      await insertRatingForFlow(handle.db, { key: 'create-service', origin: null, score: 4, comment: null, ratedOn });
    }

    // Deployments. Last week: web 3 and api 1 through the platform, then api 1 and legacy 1 by hand
    // (4 of 6 deployments). Adoption counts a service by its latest deployment: web only, 1 of 3
    // services (api went back to deploying by hand). The week before: web through the platform,
    // legacy by hand (1 of 2). This week's is not counted.
    const row = (id: string, service: string, viaPlatform: 'yes' | 'no', at: string) => `${id},${service},Payments,${viaPlatform},${at},${at},success,`;
    await editor.metrics.importDeployments({
      text: [
        'event_id,service,team,via_platform,commit_time,deploy_time,outcome,recovered_at',
        row('d1', 'web', 'yes', '2026-03-02 00:00'),
        row('d2', 'web', 'yes', '2026-03-04 10:00'),
        row('d3', 'web', 'yes', '2026-03-08 23:00'),
        row('d4', 'api', 'yes', '2026-03-05 10:00'),
        row('d5', 'legacy', 'no', '2026-03-06 10:00'),
        row('d6', 'web', 'yes', '2026-02-24 10:00'),
        row('d7', 'legacy', 'no', '2026-02-25 10:00'),
        row('d8', 'legacy', 'no', '2026-03-10 10:00'),
        row('d9', 'api', 'no', '2026-03-07 10:00'),
      ].join('\n'),
    });

    const review = await reviewOnNow();
    expect(review.discovery).toMatchObject({
      directorySize: 3,
      interviewedDevelopers: 2,
      interviews: 2,
      gapCount: 1,
      gaps: [{ team: 'Payments', tenure: expect.stringContaining('5'), developers: 1 }],
    });
    expect(review.discovery.progress).toBeCloseTo(2 / 15);

    expect(review.topPains.rankedThemes).toBe(6);
    expect(review.topPains.themes.map((theme) => [theme.rank, theme.title, theme.affectedDevelopers, theme.hoursPerDeveloperPerMonth, theme.hoursLostPerMonth])).toEqual([
      [1, 'Deploys wait hours for a change approval', 1, 6, 6],
      [2, 'Getting a staging environment takes an ops ticket', 2, 2, 4],
      [3, 'Older pain 1', 1, 1, 1],
      [4, 'Older pain 2', 1, expect.closeTo(50 / 60), expect.closeTo(50 / 60)],
      [5, 'Older pain 3', 1, expect.closeTo(40 / 60), expect.closeTo(40 / 60)],
    ]);
    expect(review.topPains.themes[1]).toMatchObject({ themeId: staging.id, isSingleSource: false });
    expect(review.topPains.themes[0].isSingleSource).toBe(true);

    expect(review.inProgress).toEqual([
      { id: published.id, title: 'Self-service staging environments', targetQuarter: '2026-Q2', isPublished: true },
      { id: draft.id, title: 'Automatic change approval for low-risk deploys', targetQuarter: null, isPublished: false },
    ]);

    expect(review.satisfaction).toEqual({
      surveyId: q1.surveyId,
      title: 'Platform satisfaction',
      quarter: '2026-Q1',
      question: score.prompt,
      mean: 8,
      band: 'healthy',
      answerCount: 4,
      previous: { quarter: '2025-Q4', mean: 6.5 },
    });

    expect(review.adoption).toMatchObject({
      hasDeliveryData: true,
      label: 'of deploying services on the platform',
      week: { start: new Date('2026-03-02T00:00:00Z'), end: new Date('2026-03-09T00:00:00Z') },
      deployments: 6,
      platformDeployments: 4,
      services: 3,
      platformServices: 1,
      previousServiceShare: 0.5,
      status: 'below',
    });
    expect(review.adoption.serviceShare).toBeCloseTo(1 / 3);
    expect(review.adoption.deploymentShare).toBeCloseTo(4 / 6);
    // The metrics page shows the very same figure with the same label.
    const dashboard = await viewer.metrics.delivery({ quarters: 4 });
    expect(dashboard.adoptionHeadline).toEqual(review.adoption);

    expect(review.changes).toEqual({
      evidence: { thisWeek: 2, lastWeek: 1 },
      themes: { thisWeek: 1, newest: [{ id: staging.id, title: 'Getting a staging environment takes an ops ticket' }] },
      tickets: { thisWeek: 7, weeklyAverage: 2, isSpike: true },
      requests: { thisWeek: 2, lastWeek: 1, untriaged: 3 },
      surveyResponses: { thisWeek: 2, lastWeek: 1 },
      ratings: { thisWeek: 2, lastWeek: 1 },
    });
    expect(review.workspace).toEqual({ members: 3 });
  });

  it('returns aggregates only: no developer names, emails or answer text', async () => {
    const text = JSON.stringify(await reviewOnNow());
    for (const secret of ['Ada', 'Mei', 'Jonas', 'Builds', 'Docs', 'It would save us hours']) expect(text).not.toContain(secret);
  });
});
