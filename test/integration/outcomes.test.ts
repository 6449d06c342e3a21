// Support load, satisfaction, ship markers and the before/after view of a shipped item, on
// hand-computed data, on both databases; and the bad inputs of the impact view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { normalizeQuestion } from '@/server/imports/map-ticket-row';
import { ingestDeploymentBatch, ingestTaskBatch } from '@/server/metrics/service';
import { getImpact } from '@/server/metrics/service-impact';
import { getOutcomes } from '@/server/metrics/service-outcomes';
import { submitRating } from '@/server/ratings/service';
import { addDays, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { submitSurveyResponse } from '@/server/surveys/service-responses';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addTheme } from '@/test/helpers/fixtures';

let handle: DbHandle;
let admin: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
const NOW = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
  handle = await createTestDb();
  admin = await callerWithRole(handle, 'admin');
  viewer = await callerWithRole(handle, 'viewer');
});
afterAll(async () => handle.close());

let ticketCounter = 0;
async function addTicket(title: string, category: string, openedAt: string) {
  return handle.db
    .insertInto('tickets')
    .values({
      source: 'jira',
      external_key: `OPS-${++ticketCounter}`,
      title,
      title_norm: normalizeQuestion(title),
      category,
      opened_at: new Date(openedAt),
      content_hash: `hash-${ticketCounter}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const deployment = (id: string, deployedAt: string, viaPlatform: boolean) => ({
  eventId: id,
  service: 'payments-api',
  team: 'Payments',
  viaPlatform,
  commitAt: new Date(new Date(deployedAt).getTime() - 3_600_000).toISOString(),
  deployedAt,
  outcome: 'success',
});

describe('an empty workspace', () => {
  it('has no support load, no satisfaction and nothing shipped, without failing', async () => {
    const outcomes = await viewer.metrics.outcomes({ quarters: 4 });
    expect(outcomes.support.tickets).toBe(0);
    expect(outcomes.support.repeatQuestions.share).toBeNull();
    expect(outcomes.support.selfService.total.ratio).toBeNull();
    expect(outcomes.satisfaction).toEqual({ survey: null, flows: [] });
    expect(outcomes.shipped).toEqual([]);
    expect(await viewer.metrics.shipMarkers()).toEqual([]);
  });
});

describe('outcomes and the impact of a shipped item', () => {
  let itemId: string;
  let themeId: string;
  let flowId: string;

  beforeAll(async () => {
    // Tickets: "database access" asked three times (a repeat question), three others.
    const access = [
      await addTicket('How do I get database access?', 'Access', '2026-11-05T09:00:00Z'),
      await addTicket('How do I get database access', 'Access', '2026-11-10T09:00:00Z'),
      await addTicket('how do I get database access?!', 'Access', '2026-11-17T09:00:00Z'),
    ];
    await addTicket('CI is slow today', 'CI', '2026-11-10T10:00:00Z');
    await addTicket('Pipeline cache keeps missing', 'CI', '2026-11-11T10:00:00Z');
    await addTicket('VPN drops every hour', 'Network', '2026-11-18T10:00:00Z');

    // Deployments: two by hand in the week of 9 November, six through the platform the week after.
    await ingestDeploymentBatch(handle.db, {
      body: [
        deployment('hand-1', '2026-11-10T12:00:00Z', false),
        deployment('hand-2', '2026-11-12T12:00:00Z', false),
        ...[16, 17, 18, 19, 20, 21].map((dayOfMonth) => deployment(`platform-${dayOfMonth}`, `2026-11-${dayOfMonth}T12:00:00Z`, true)),
      ],
    });

    // The pain theme the shipped item answers: four interview quotes before the ship date, one after,
    // and the three access tickets turned into evidence (so their cluster feeds the theme).
    themeId = (await addTheme(handle, 'Getting database access takes days')).id;
    for (const observedOn of ['2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-20']) {
      await addEvidence(handle, { themeIds: [themeId], observedOn, minutesLost: 120 });
    }
    for (const [index, ticket] of access.entries()) {
      const evidence = await addEvidence(handle, { themeIds: [themeId], sourceKind: 'ticket', observedOn: ['2026-11-05', '2026-11-10', '2026-11-17'][index] });
      await handle.db.updateTable('evidence').set({ source_id: ticket.id }).where('id', '=', evidence.id).execute();
    }
    await admin.inventory.freeze({ title: 'Baseline before self-service database access' });

    // Ratings of the flow it changed: 3 and 4 the week before, 5 after.
    flowId = (await admin.ratings.createFlow({ key: 'request-database', name: 'Request a database', allowedOrigins: [] })).id;
    for (const [score, today] of [[3, '2026-11-10'], [4, '2026-11-11'], [5, '2026-11-17']] as const) {
      await submitRating(handle.db, { body: { flow: 'request-database', score, comment: null }, origin: null, today });
    }

    // The quarterly survey: 8, 7 and 9.
    const today = todayOf();
    const { id: surveyId } = await admin.surveys.create({ ...quarterlyTemplate(today), opensOn: addDays(today, -1) });
    const survey = await admin.surveys.get({ id: surveyId });
    const score = survey.questions.find((question) => question.kind === 'scale_10')!;
    for (const value of [8, 7, 9]) {
      await submitSurveyResponse(handle.db, { slug: survey.slug, submission: { answers: { [score.id]: value } }, today });
    }

    // Shipped on 12 November (set directly: publishing stamps today's date).
    const item = await admin.roadmap.create({ title: 'Self-service database access', lane: 'shipped', themeIds: [themeId] });
    itemId = item.id;
    await handle.db.updateTable('roadmap_items').set({ shipped_at: new Date('2026-11-12T10:00:00Z') }).where('id', '=', itemId).execute();
  });

  it('counts tickets per week and category, the repeat-question share and the self-service ratio', async () => {
    const { support } = await getOutcomes(handle.db, { quarters: 4 }, NOW);
    expect(support.tickets).toBe(6);
    expect(support.categories.map((row) => [row.category, row.tickets])).toEqual([
      ['Access', 3],
      ['CI', 2],
      ['Network', 1],
    ]);
    const week = (monday: string) => support.weekly.find((row) => row.week === monday)!;
    expect(week('2026-11-02')).toEqual({ week: '2026-11-02', total: 1, counts: { Access: 1, CI: 0, Network: 0 } });
    expect(week('2026-11-09')).toEqual({ week: '2026-11-09', total: 3, counts: { Access: 1, CI: 2, Network: 0 } });
    expect(week('2026-11-16').total).toBe(2);
    expect(support.repeatQuestions).toEqual({ tickets: 6, repeatTickets: 3, clusters: 1, share: 0.5, isCapped: false });

    // Deployments and tickets are no stand-in: without task events the ratio is not measured.
    expect(support.selfService.total).toEqual({ selfServiceTasks: 0, manualTasks: 0, manualWorkTickets: 0, measuredWeeks: 0, ratio: null });
  });

  it('computes the self-service ratio from task events and manual-work tickets, and the cache sees new task events', async () => {
    // Access tickets are requests for manual work; CI and Network are not.
    expect(await viewer.metrics.manualWorkCategories()).toEqual([
      { category: 'Access', tickets: 3, isManualWork: false },
      { category: 'CI', tickets: 2, isManualWork: false },
      { category: 'Network', tickets: 1, isManualWork: false },
    ]);
    await admin.metrics.setManualWork({ category: 'Access', isManualWork: true });
    expect((await viewer.metrics.manualWorkCategories())[0]).toEqual({ category: 'Access', tickets: 3, isManualWork: true });
    const unknown = await rejection(admin.metrics.setManualWork({ category: 'Nothing like it', isManualWork: true }));
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', message: 'No ticket has the category "Nothing like it". Choose one of the categories listed.' });
    expect(await handle.db.selectFrom('manual_work_categories').select('category').execute()).toEqual([{ category: 'Access' }]);
    expect((await rejection(viewer.metrics.setManualWork({ category: 'CI', isManualWork: true }))).code).toBe('FORBIDDEN');

    // Read once before the task events arrive: the figures are cached under the delivery change log.
    expect((await getOutcomes(handle.db, { quarters: 4 }, NOW)).support.selfService.total.ratio).toBeNull();
    const task = (eventId: string, selfService: boolean, completedAt: string) => ({ eventId, task: 'create-database', team: 'Payments', selfService, completedAt });
    await ingestTaskBatch(handle.db, {
      body: {
        events: [
          task('t-1', true, '2026-11-10T09:00:00Z'),
          task('t-2', true, '2026-11-11T09:00:00Z'),
          task('t-3', false, '2026-11-12T09:00:00Z'),
          ...[16, 17, 18, 19].map((dayOfMonth) => task(`t-${dayOfMonth}`, true, `2026-11-${dayOfMonth}T09:00:00Z`)),
        ],
      },
    });
    const { support } = await getOutcomes(handle.db, { quarters: 4 }, NOW);
    const ratio = (monday: string) => support.selfService.weekly.find((row) => row.week === monday)!;
    // 2 self-service / (2 + 1 waiting for approval + 1 Access ticket); 4 / (4 + 0 + 1).
    expect(ratio('2026-11-09')).toEqual({ week: '2026-11-09', selfServiceTasks: 2, manualTasks: 1, manualWorkTickets: 1, ratio: 0.5 });
    expect(ratio('2026-11-16')).toEqual({ week: '2026-11-16', selfServiceTasks: 4, manualTasks: 0, manualWorkTickets: 1, ratio: 0.8 });
    // The week of 2 November has an Access ticket but no task events: not measured, not 0%.
    expect(ratio('2026-11-02')).toMatchObject({ manualWorkTickets: 1, ratio: null });
    expect(support.selfService.total).toEqual({ selfServiceTasks: 6, manualTasks: 1, manualWorkTickets: 2, measuredWeeks: 2, ratio: 6 / 9 });

    await admin.metrics.setManualWork({ category: 'Access', isManualWork: false });
    expect((await getOutcomes(handle.db, { quarters: 4 }, NOW)).support.selfService.total).toMatchObject({ manualWorkTickets: 0, ratio: 6 / 7 });
  });

  it('shows the survey trend with its bands and each flow per week, and marks the ship date on both', async () => {
    const outcomes = await getOutcomes(handle.db, { quarters: 4 }, NOW);
    expect(outcomes.satisfaction.survey).toMatchObject({ bands: { healthy: 7.5, warning: 6.5 } });
    expect(outcomes.satisfaction.survey!.points.at(-1)).toMatchObject({ mean: 8, answers: 3 });
    const flow = outcomes.satisfaction.flows.find((candidate) => candidate.key === 'request-database')!;
    expect(flow.weekly.find((week) => week.week === '2026-11-09')).toEqual({ week: '2026-11-09', mean: 3.5, count: 2 });
    expect(flow.weekly.find((week) => week.week === '2026-11-16')).toEqual({ week: '2026-11-16', mean: 5, count: 1 });

    expect(outcomes.shipped).toEqual([{ id: itemId, title: 'Self-service database access', shippedAt: new Date('2026-11-12T10:00:00Z'), week: '2026-11-09' }]);
    expect(outcomes.markers.weekly).toEqual([{ at: '2026-11-09', itemId, label: 'Self-service database access' }]);
    expect(outcomes.markers.quarterly).toEqual([{ at: '2026-Q4', itemId, label: 'Self-service database access' }]);
  });

  it('compares evidence, repeat-question tickets and the flow rating before and after, against the snapshot', async () => {
    await admin.metrics.linkRatingFlow({ itemId, flowId });
    const impact = await getImpact(handle.db, { itemId, weeks: 4, snapshotId: null }, NOW);
    if (!impact.isShipped) throw new Error('expected a shipped item');
    // 4 weeks before 12 November: 15 October - 11 November; after: 12 - 26 November (2 weeks so far).
    expect(impact.windows.after.weeks).toBeCloseTo(2 + 0.5 / 7, 6);
    expect(impact.windows.isAfterComplete).toBe(false);
    // Evidence: 4 quotes + 2 tickets before, 1 quote + 1 ticket after.
    expect(impact.evidence.before).toBe(6);
    expect(impact.evidence.after).toBe(2);
    expect(impact.evidence.beforePerWeek).toBe(1.5);
    expect(impact.evidence.change).toBeCloseTo(2 / impact.windows.after.weeks / 1.5 - 1, 6);
    // The repeat question's tickets: 5 and 10 November before, 17 November after.
    expect(impact.tickets).toMatchObject({ before: 2, after: 1, clusterCount: 1 });
    expect(impact.tickets.clusters[0].asked).toBe(3);
    expect(impact.rating).toEqual({ before: { mean: 3.5, count: 2 }, after: { mean: 5, count: 1 }, change: 1.5 });
    expect(impact.baseline).toMatchObject({ title: 'Baseline before self-service database access' });
    expect(impact.baseline!.themes).toEqual([
      expect.objectContaining({ id: themeId, title: 'Getting database access takes days', rankThen: 1, rankNow: 1, affectedThen: 0, affectedNow: 0 }),
    ]);
  });

  it('says an item that has not shipped has no impact yet', async () => {
    const planned = await admin.roadmap.create({ title: 'Golden path for new services', lane: 'planned' });
    expect(await viewer.metrics.impact({ itemId: planned.id })).toEqual({
      isShipped: false,
      item: { id: planned.id, title: 'Golden path for new services', lane: 'planned' },
    });
  });

  it('refuses bad input with a message naming it, and writes nothing', async () => {
    expect((await rejection(viewer.metrics.impact({ itemId, weeks: 5 }))).message).toMatch(/Choose 4, 8, 12, 26 weeks/);
    expect((await rejection(viewer.metrics.impact({ itemId: 'not-an-id' }))).message).toMatch(/This id is not valid/);
    expect((await rejection(viewer.metrics.impact({ itemId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');
    expect((await rejection(viewer.metrics.linkRatingFlow({ itemId, flowId: null }))).code).toBe('FORBIDDEN');

    const unknownFlow = await rejection(admin.metrics.linkRatingFlow({ itemId, flowId: '00000000-0000-4000-8000-000000000001' }));
    expect(unknownFlow.message).toBe('This rating flow no longer exists: choose another flow.');
    const stored = await handle.db.selectFrom('roadmap_items').select('rating_flow_id').where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(stored.rating_flow_id).toBe(flowId);
  });
});
