// Delivery events in, dashboard figures out: idempotent ingestion, all-or-nothing batches, and
// adoption / time to first deploy / DORA computed on hand-checked data, on both databases.
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { ingestDeploymentBatch, ingestServiceBatch, ingestTaskBatch, getDeliveryDashboard } from '@/server/metrics/service';
import { runRest, json, parseJsonBody } from '@/server/rest';
import { z } from 'zod';
import { callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

const deployment = (id: string, overrides: Record<string, unknown> = {}) => ({
  eventId: id,
  service: 'payments-api',
  team: 'Payments',
  viaPlatform: true,
  commitAt: '2026-02-02T08:00:00Z',
  deployedAt: '2026-02-02T10:00:00Z',
  outcome: 'success',
  ...overrides,
});

const countDeployments = async () => (await handle.db.selectFrom('deployments').select('id').execute()).length;

describe('ingestion', () => {
  it('stores a batch once: sending it again changes nothing', async () => {
    const batch = { events: [deployment('a-1'), deployment('a-2', { service: 'search-api', team: 'search', viaPlatform: false })] };
    expect(await ingestDeploymentBatch(handle.db, { body: batch })).toEqual({ received: 2, inserted: 2, alreadyStored: 0 });
    expect(await ingestDeploymentBatch(handle.db, { body: batch })).toEqual({ received: 2, inserted: 0, alreadyStored: 2 });
    expect(await countDeployments()).toBe(2);
    const teams = await handle.db.selectFrom('teams').select('name').orderBy('name').execute();
    expect(teams.map((team) => team.name)).toEqual(['Payments', 'search']);
  });

  it('refuses a mixed batch whole, listing each bad event by index', async () => {
    const before = await countDeployments();
    const error = (await ingestDeploymentBatch(handle.db, {
      body: [deployment('b-1'), deployment('b-2', { deployedAt: '2026-02-01T00:00:00Z' }), deployment('b-3', { outcome: 'unknown' })],
    }).then(
      () => {
        throw new Error('expected the batch to be refused');
      },
      (caught: unknown) => caught,
    )) as { message: string; details: { problems: { index: number; field: string }[] } };
    expect(error.message).toMatch(/^Nothing was stored: 2 problems in the batch\. First: event 1, deployedAt: /);
    expect(error.details.problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'deployedAt'],
      [2, 'outcome'],
    ]);
    expect(await countDeployments()).toBe(before);
  });

  it('answers through the REST API with the error list, and refuses 100,001 events naming the limit', async () => {
    const admin = await callerWithRole(handle, 'admin');
    const { token } = await admin.apiTokens.create({ name: 'ci' });
    const post = (body: unknown) =>
      runRest(
        handle.db,
        new Request('http://x/api/v1/events/deployments', { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${token}` } }),
        { auth: 'token' },
        async ({ db, req }) => json(await ingestDeploymentBatch(db, { body: await parseJsonBody(req, z.unknown(), { maxBytes: 64 * 1024 * 1024 }) })),
      );
    const tooMany = await post({ events: Array.from({ length: 100_001 }, (_, i) => deployment(`big-${i}`)) });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toContain('the limit is 100000 per request');
    const ok = await post(deployment('rest-1'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: 1, inserted: 1, alreadyStored: 0 });
  });

  it('takes platform task events through POST /api/v1/events/tasks with the same batch rules', async () => {
    const admin = await callerWithRole(handle, 'admin');
    const { token } = await admin.apiTokens.create({ name: 'platform portal' });
    const post = (body: unknown, authorization = `Bearer ${token}`) =>
      runRest(
        handle.db,
        new Request('http://x/api/v1/events/tasks', { method: 'POST', body: JSON.stringify(body), headers: { authorization } }),
        { auth: 'token' },
        async ({ db, req }) => json(await ingestTaskBatch(db, { body: await parseJsonBody(req, z.unknown(), { maxBytes: 64 * 1024 * 1024 }) })),
      );
    const countTasks = async () => (await handle.db.selectFrom('platform_tasks').select('id').execute()).length;
    const task = (eventId: string, overrides: Record<string, unknown> = {}) => ({
      eventId,
      task: 'create-database',
      team: 'Payments',
      selfService: true,
      completedAt: '2026-02-02T10:00:00Z',
      ...overrides,
    });

    const good = { events: [task('task-1'), task('task-2', { selfService: false, team: null })] };
    const first = await post(good);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 2, inserted: 2, alreadyStored: 0 });
    expect(await (await post(good)).json()).toEqual({ received: 2, inserted: 0, alreadyStored: 2 });
    expect(await handle.db.selectFrom('platform_tasks').select(['event_id', 'is_self_service']).orderBy('event_id').execute()).toEqual([
      { event_id: 'task-1', is_self_service: true },
      { event_id: 'task-2', is_self_service: false },
    ]);

    // A bad item names its index and field; nothing of the batch is written.
    const bad = await post([task('task-3'), task('task-4', { selfService: 'yes' }), task('task-5', { completedAt: 'yesterday' }), task('task-3')]);
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { message: string; details: { problems: { index: number; field: string; message: string }[] } } };
    expect(error.message).toBe('Nothing was stored: 3 problems in the batch. First: event 1, selfService: selfService must be true or false');
    expect(error.details.problems.map((problem) => [problem.index, problem.field])).toEqual([
      [1, 'selfService'],
      [2, 'completedAt'],
      [3, 'eventId'],
    ]);
    expect(error.details.problems[2].message).toBe('eventId "task-3" already appears at index 0 of this batch');
    expect(await countTasks()).toBe(2);

    const missing = await post([{ eventId: 'task-6', selfService: true, completedAt: '2026-02-02T10:00:00Z' }]);
    expect((await missing.json()).error.message).toContain('event 0, task: task is required');
    expect((await post([])).status).toBe(400);
    expect((await post(good, 'Bearer not-a-token')).status).toBe(401);
    expect(await countTasks()).toBe(2);
  });

  it('records service creation idempotently', async () => {
    const event = { eventId: 'svc-1', service: 'payments-api', team: 'Payments', createdAt: '2026-01-30T10:00:00+02:00' };
    await ingestServiceBatch(handle.db, { body: event });
    await ingestServiceBatch(handle.db, { body: event });
    const service = await handle.db.selectFrom('delivery_services').select(['repository_created_at']).where('key', '=', 'payments-api').executeTakeFirstOrThrow();
    expect(service.repository_created_at?.toISOString()).toBe('2026-01-30T08:00:00.000Z');
  });

  it('imports a deployments CSV all-or-nothing, naming the row and column', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const header = 'event_id,service,team,via_platform,commit_time,deploy_time,outcome,recovered_at';
    const bad = `${header}\ncsv-1,web,Web,yes,2026-02-03 09:00,2026-02-03 10:00,success,\ncsv-2,web,Web,maybe,2026-02-03 09:00,2026-02-03 10:00,success,\n`;
    const error = await rejection(editor.metrics.importDeployments({ text: bad }));
    expect(error.message).toBe('Nothing was imported: row 3, column "via_platform": viaPlatform must be true or false');
    expect(await handle.db.selectFrom('deployments').select('id').where('event_id', 'like', 'csv-%').execute()).toHaveLength(0);
    const good = bad.replace('maybe', 'no');
    expect(await editor.metrics.importDeployments({ text: good })).toMatchObject({ inserted: 2 });
  });
});

describe('dashboard figures', () => {
  it('computes adoption, time to first deploy and DORA on hand-checked data', async () => {
    const db = handle.db;
    await db.deleteFrom('deployments').execute();
    await db.deleteFrom('delivery_services').execute();
    await ingestServiceBatch(db, {
      body: [
        { eventId: 's-a', service: 'alpha', team: 'Core', createdAt: '2026-04-01T00:00:00Z' },
        { eventId: 's-b', service: 'beta', team: 'Core', createdAt: '2026-04-01T00:00:00Z' },
        { eventId: 's-c', service: 'gamma', team: 'Edge', createdAt: '2026-04-01T00:00:00Z' },
      ],
    });
    await ingestDeploymentBatch(db, {
      body: [
        // alpha: first success via platform 10 h after creation; lead times 2 h and 4 h.
        deployment('d1', { service: 'alpha', team: 'Core', commitAt: '2026-04-01T08:00:00Z', deployedAt: '2026-04-01T10:00:00Z' }),
        deployment('d2', { service: 'alpha', team: 'Core', commitAt: '2026-04-02T06:00:00Z', deployedAt: '2026-04-02T10:00:00Z' }),
        // beta: a failure recovered after 3 h, a failure never recovered, then a success not via platform (lead 6 h) at +50 h.
        deployment('d3', { service: 'beta', team: 'Core', viaPlatform: false, commitAt: '2026-04-01T09:00:00Z', deployedAt: '2026-04-01T10:00:00Z', outcome: 'failure', recoveredAt: '2026-04-01T13:00:00Z' }),
        deployment('d4', { service: 'beta', team: 'Core', viaPlatform: false, commitAt: '2026-04-02T00:00:00Z', deployedAt: '2026-04-02T01:00:00Z', outcome: 'failure' }),
        deployment('d5', { service: 'beta', team: 'Core', viaPlatform: false, commitAt: '2026-04-02T20:00:00Z', deployedAt: '2026-04-03T02:00:00Z' }),
      ],
    });
    // gamma never deploys: it is waiting for its first deploy.
    const dashboard = await getDeliveryDashboard(db, { quarters: 2 }, new Date('2026-07-10T00:00:00Z'));
    expect(dashboard.window.quarters).toEqual(['2026-Q2', '2026-Q3']);
    const q2 = dashboard.dora.find((point) => point.quarter === '2026-Q2')!;
    expect(q2).toMatchObject({ deployments: 5, leadTimeHours: 4, changeFailureRate: 0.4, recoveryHours: 3, unrecoveredFailures: 1 });
    // alpha 2 and beta 3 deployments over 91 days: median of 2/91 and 3/91 a day.
    expect(q2.deploymentsPerDay).toBeCloseTo(2.5 / 91, 6);
    expect(q2.bands).toEqual({ deployment_frequency: 'low', lead_time_hours: 'elite', change_failure_rate: 'low', recovery_hours: 'high' });
    const q3 = dashboard.dora.find((point) => point.quarter === '2026-Q3')!;
    // Nobody deployed in Q3 so far: alpha and beta stopped, and count as zero, not absent.
    expect(q3).toMatchObject({ deployments: 0, services: 2, stoppedServices: 2, deploymentsPerDay: 0, changeFailureRate: null });
    expect(q3.placements.deployment_frequency).toEqual({ band: null, tiedWith: [] });
    expect(q2).toMatchObject({ services: 2, stoppedServices: 0 });
    expect(q2.placements.recovery_hours).toEqual({ band: 'high', tiedWith: ['medium'] });

    const quarterAdoption = dashboard.adoptionQuarterly.find((point) => point.period === '2026-Q2')!;
    expect(quarterAdoption).toMatchObject({ deployments: 5, platformDeployments: 2, deploymentShare: 0.4, services: 2, platformServices: 1, serviceShare: 0.5 });
    expect(dashboard.adoptionWeekly.find((point) => point.period === '2026-03-30')).toMatchObject({ deployments: 5 });

    expect(dashboard.timeToFirstDeploy).toEqual({
      platform: { services: 1, medianHours: 10, p90Hours: 10 },
      other: { services: 1, medianHours: 50, p90Hours: 50 },
      waiting: 1,
    });
    expect(dashboard.doraByTeam.map((team) => [team.teamName, team.deployments])).toEqual([['Core', 5]]);
  });
});

// The figures are cached under the version of deployments, services and teams (migration 0630):
// a repeated view is served from the cache, and every committed write is seen at once, also one
// made without the app (as another process would).
describe('the delivery cache', () => {
  it('serves a repeated view from the cache and sees every kind of write at once', async () => {
    const db = handle.db;
    await db.deleteFrom('deployments').execute();
    await db.deleteFrom('delivery_services').execute();
    const now = new Date('2026-07-10T00:00:00Z');
    const q2 = async () => (await getDeliveryDashboard(db, { quarters: 2 }, now)).dora.find((point) => point.quarter === '2026-Q2')!;
    await ingestDeploymentBatch(db, { body: [deployment('c1', { service: 'alpha', team: 'Core', commitAt: '2026-04-01T08:00:00Z', deployedAt: '2026-04-01T10:00:00Z' })] });

    const first = await getDeliveryDashboard(db, { quarters: 2 }, now);
    expect(await getDeliveryDashboard(db, { quarters: 2 }, now)).toBe(first); // the same object: nothing was recomputed
    expect((await q2()).deployments).toBe(1);

    await ingestDeploymentBatch(db, { body: [deployment('c2', { service: 'alpha', team: 'Core', commitAt: '2026-04-02T08:00:00Z', deployedAt: '2026-04-02T10:00:00Z' })] });
    expect((await q2()).deployments).toBe(2);

    await db.updateTable('deployments').set({ outcome: 'failure' }).where('event_id', '=', 'c2').execute();
    expect((await q2()).changeFailureRate).toBe(0.5);

    await db.updateTable('teams').set({ name: 'Core platform' }).where('name', '=', 'Core').execute();
    expect((await getDeliveryDashboard(db, { quarters: 2 }, now)).doraByTeam.map((team) => team.teamName)).toEqual(['Core platform']);

    await db.deleteFrom('deployments').execute();
    expect((await getDeliveryDashboard(db, { quarters: 2 }, now)).hasData).toBe(false);
  });
});
