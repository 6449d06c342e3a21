// Platform metrics at scale: one million deployment events over two years for 500 services.
// Prints, on PostgreSQL, each dashboard query's median and p95 next to a bare SQL aggregation of
// the same figure (run in the same process, same data), the whole dashboard and its server-rendered
// page both computed (after a new deployment) and served from the delivery cache, next to the
// health endpoint, and batch ingestion through the API in events per second next to
// a bare multi-row INSERT of the same events; then the growth of the whole dashboard after a new
// deployment at 1x, 3x and 10x of BENCH_GROWTH_BASE events (issue 19).
// Run after `npm run build`:  npx tsx bench/metrics-dashboard.ts
//   BENCH_DATABASE_URL        an existing database to create the bench database next to (default: local postgres)
//   BENCH_METRICS_DATABASE    the bench database's name, created and dropped (default frictionlog_bench_8)
//   BENCH_EVENTS              deployments of the main run (default 1,000,000)
//   BENCH_PAGES=0             skip the server cases (page, ingestion; no build needed)
//   BENCH_GROWTH_BASE         deployments at 1x for the growth check (default 100,000; 0 skips it)
import { sql } from 'kysely';
import pg from 'pg';
import { createDb } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import * as queries from '@/server/metrics/queries';
import { getDeliveryDashboard } from '@/server/metrics/service';
import { getOutcomes } from '@/server/metrics/service-outcomes';
import type { Db } from '@/server/db';
import { freePort, GROWTH_FACTORS, median, percentile, printGrowth, printTable, spawnServer, waitForOk } from './lib';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = process.env.BENCH_METRICS_DATABASE ?? 'frictionlog_bench_8';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = 30;
const WITH_PAGES = process.env.BENCH_PAGES !== '0';
const GROWTH_BASE = Number(process.env.BENCH_GROWTH_BASE ?? 100_000);

async function admin(text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(text);
  await client.end();
}

/** Median and p95 of `run` after a warm-up; `before` runs ahead of each sample, outside its time. */
async function time(run: () => Promise<unknown>, runs = RUNS, before?: () => Promise<unknown>) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await before?.();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), p95: percentile(samples, 95) };
}

/** Teams, 500 services and `events` deployments over two years, a tenth as many platform tasks. */
async function seed(db: Db, events: number) {
  console.log(`Seeding ${events.toLocaleString()} deployments for 500 services over two years…`);
  const seedStart = performance.now();
  await sql`insert into teams (name) select 'Team ' || n from generate_series(1, 25) n`.execute(db);
  await sql`
    insert into delivery_services (key, team_id, repository_created_at, created_event_id)
    select 'service-' || n, (select id from teams order by name offset (n % 25) limit 1),
           now() - interval '730 days' + (n || ' hours')::interval, 'created-' || n
    from generate_series(1, 500) n`.execute(db);
  await sql`
    insert into deployments (event_id, service_id, team_id, via_platform, commit_at, deployed_at, outcome, recovered_at)
    select 'e-' || g, s.id, s.team_id,
           (g % 10) < (3 + (g / ${Math.ceil(events / 6)})::int),
           t - ((g % 97) || ' hours')::interval, t,
           case when g % 13 = 0 then 'failure' else 'success' end,
           case when g % 13 = 0 and g % 5 <> 0 then t + ((g % 11) || ' hours')::interval end
    from generate_series(1, ${events}) g
    cross join lateral (select now() - interval '730 days' + (g * (730.0 * 86400 / ${events}) || ' seconds')::interval as t) times
    join delivery_services s on s.key = 'service-' || (1 + g % 500)`.execute(db);
  await sql`
    insert into platform_tasks (event_id, task, is_self_service, completed_at)
    select 't-' || g, 'task-' || (g % 7), g % 4 <> 0, now() - interval '730 days' + (g * (730.0 * 86400 / ${events / 10}) || ' seconds')::interval
    from generate_series(1, ${events / 10}) g`.execute(db);
  await sql`analyze`.execute(db);
  console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
}

/** A write the dashboard's cache must notice: a statement on deployments that changes no row, as a committed batch would. */
const touchDeployments = (db: Db) => sql`update deployments set outcome = outcome where false`.execute(db);

let batches = 0;
/**
 * A real write: a batch of 100 new deployments in the current quarter, as a pipeline posts them
 * (the maintained figures take them, and the quarter's medians are recomputed on the next read).
 */
const addBatch = async (db: Db) => {
  batches += 1;
  await sql`
    insert into deployments (event_id, service_id, team_id, via_platform, commit_at, deployed_at, outcome, recovered_at)
    select 'batch-' || ${batches} || '-' || g, s.id, s.team_id, g % 2 = 0, now() - interval '2 hours', now() - interval '1 hour',
           case when g % 10 = 0 then 'failure' else 'success' end, null
    from generate_series(1, 100) g join delivery_services s on s.key = 'service-' || (1 + g % 500)`.execute(db);
};

/**
 * The whole dashboard after a new deployment at 1x, 3x and 10x of GROWTH_BASE deployments, one
 * database per size (created and dropped), median of 10 runs.
 */
async function measureGrowth() {
  const points = [];
  for (const factor of GROWTH_FACTORS) {
    const events = GROWTH_BASE * factor;
    const growthName = `${name}_growth`;
    await admin(`drop database if exists ${growthName} with (force)`);
    await admin(`create database ${growthName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${growthName}`;
    const handle = await createDb({ kind: 'postgres', url: url.toString() });
    try {
      await migrateToLatest(handle.db);
      await seed(handle.db, events);
      const whole = await time(() => getDeliveryDashboard(handle.db, { quarters: 8 }), 10, () => touchDeployments(handle.db));
      points.push({ size: events, ms: whole.median });
    } finally {
      await handle.close();
      await admin(`drop database if exists ${growthName} with (force)`);
    }
  }
  printGrowth('the whole dashboard (8 quarters) after a new deployment (PostgreSQL, deployments)', points);
}

async function main() {
  await admin(`drop database if exists ${name}`);
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ kind: 'postgres', url: url.toString() });
  const db = handle.db;
  await migrateToLatest(db);

  await seed(db, EVENTS);

  const now = new Date();
  const from = new Date(now.getTime() - 8 * 92 * 86_400_000);
  const window = { from, to: now };
  // The same figures, written as plainly as SQL allows: the floor our queries are compared with.
  const bare = {
    adoption: () =>
      sql`select week, sum(n), sum(p), count(*), count(*) filter (where latest)
          from (select date_trunc('week', deployed_at) as week, service_id, count(*) as n, count(*) filter (where via_platform) as p,
                       (array_agg(via_platform order by deployed_at desc))[1] as latest
                from deployments where deployed_at >= ${from} group by 1, 2) per_service
          group by 1`.execute(db),
    dora: () =>
      sql`select date_trunc('quarter', deployed_at), count(*), count(*) filter (where outcome = 'failure'),
                 percentile_cont(0.5) within group (order by deployed_at - commit_at) filter (where outcome = 'success'),
                 percentile_cont(0.5) within group (order by recovered_at - deployed_at) filter (where recovered_at is not null),
                 count(*) filter (where outcome = 'failure' and recovered_at is null)
          from deployments where deployed_at >= ${from} group by 1`.execute(db),
    perService: () => sql`select date_trunc('quarter', deployed_at), service_id, count(*) from deployments where deployed_at >= ${from} group by 1, 2`.execute(db),
    firstDeploy: () => sql`select service_id, min(deployed_at) from deployments where outcome = 'success' group by 1`.execute(db),
    taskWeeks: () =>
      sql`select date_trunc('week', completed_at), count(*) filter (where is_self_service), count(*) filter (where not is_self_service)
          from platform_tasks where completed_at >= ${from} group by 1`.execute(db),
  };
  const rows = [];
  for (const [label, ours, baseline] of [
    ['adoption per week', () => queries.adoptionRows(db, { ...window, period: 'week' }), bare.adoption],
    ['DORA aggregates per quarter', () => queries.doraAggregates(db, window), bare.dora],
    ['deployments per service and quarter', () => queries.serviceQuarterCounts(db, window), bare.perService],
    ['time to first deploy', () => queries.serviceStarts(db, {}), bare.firstDeploy],
    ['platform tasks per week (self-service ratio)', () => queries.taskWeeks(db, window), bare.taskWeeks],
  ] as const) {
    const a = await time(ours);
    const b = await time(baseline);
    rows.push({ figure: label, 'median ms': a.median.toFixed(1), 'p95 ms': a.p95.toFixed(1), 'bare median ms': b.median.toFixed(1), 'x bare': (a.median / b.median).toFixed(2) });
  }
  for (const [label, before] of [
    ['after a new deployment (computed)', () => touchDeployments(db)],
    ['after a batch of 100 deployments (computed)', () => addBatch(db)],
    ['nothing changed (cache)', undefined],
  ] as const) {
    const whole = await time(() => getDeliveryDashboard(db, { quarters: 8 }), 10, before);
    rows.push({ figure: `whole dashboard (8 quarters), ${label}`, 'median ms': whole.median.toFixed(1), 'p95 ms': whole.p95.toFixed(1), 'bare median ms': '', 'x bare': '' });
    const outcomes = await time(() => getOutcomes(db, { quarters: 8 }), 10, before);
    rows.push({ figure: `support load, satisfaction, ship dates (8 quarters), ${label}`, 'median ms': outcomes.median.toFixed(1), 'p95 ms': outcomes.p95.toFixed(1), 'bare median ms': '', 'x bare': '' });
  }
  printTable(rows);
  if (!WITH_PAGES) {
    await handle.close();
    await admin(`drop database if exists ${name}`);
    return;
  }

  // The page, server-rendered, signed in.
  const port = await freePort();
  const server = spawnServer([process.execPath, 'node_modules/next/dist/bin/next', 'start'], { DATABASE_URL: url.toString() }, port);
  try {
    await waitForOk(`${server.baseUrl}/api/trpc/health`);
    const setup = await fetch(`${server.baseUrl}/api/trpc/auth.setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { name: 'Bench', email: 'bench@example.com', password: 'bench password 1' } }),
    });
    const cookie = setup.headers.get('set-cookie')!.split(';')[0];
    const { token } = (await (
      await fetch(`${server.baseUrl}/api/trpc/apiTokens.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ json: { name: 'bench' } }),
      })
    ).json()).result.data.json;
    const loadPage = async () => {
      const response = await fetch(`${server.baseUrl}/metrics`, { headers: { cookie } });
      if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
      await response.text();
    };
    const computed = await time(loadPage, RUNS, () => touchDeployments(db));
    const cached = await time(loadPage);
    const health = await time(async () => (await fetch(`${server.baseUrl}/api/trpc/health`)).text());
    const pageRow = (label: string, page: { median: number; p95: number }) => ({
      request: `GET /metrics (server-rendered, 4 quarters), ${label}`,
      'median ms': page.median.toFixed(1),
      'p95 ms': page.p95.toFixed(1),
      'x health': (page.median / health.median).toFixed(1),
    });
    printTable([
      pageRow('after a new deployment (computed)', computed),
      pageRow('nothing changed (cache)', cached),
      { request: 'GET /api/trpc/health (baseline)', 'median ms': health.median.toFixed(1), 'p95 ms': health.p95.toFixed(1), 'x health': '1.0' },
    ]);

    // Ingestion: 100,000 new events in batches of 10,000 through the API.
    const events = Array.from({ length: 100_000 }, (_, i) => ({
      eventId: `ingest-${i}`,
      service: `service-${1 + (i % 500)}`,
      viaPlatform: i % 3 !== 0,
      commitAt: new Date(now.getTime() - 3_600_000 - i * 1000).toISOString(),
      deployedAt: new Date(now.getTime() - i * 1000).toISOString(),
      outcome: i % 17 === 0 ? 'failure' : 'success',
    }));
    const apiStart = performance.now();
    for (let start = 0; start < events.length; start += 10_000) {
      const response = await fetch(`${server.baseUrl}/api/v1/events/deployments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: events.slice(start, start + 10_000) }),
      });
      if (!response.ok) throw new Error(`ingestion answered ${response.status}: ${await response.text()}`);
    }
    const apiSeconds = (performance.now() - apiStart) / 1000;
    const services = new Map((await db.selectFrom('delivery_services').select(['id', 'key']).execute()).map((s) => [s.key, s.id]));
    const bareStart = performance.now();
    for (let start = 0; start < events.length; start += 2000) {
      await db
        .insertInto('deployments')
        .values(
          events.slice(start, start + 2000).map((event) => ({
            event_id: `bare-${event.eventId}`,
            service_id: services.get(event.service)!,
            team_id: null,
            via_platform: event.viaPlatform,
            commit_at: event.commitAt,
            deployed_at: event.deployedAt,
            outcome: event.outcome as 'success' | 'failure',
            recovered_at: null,
          })),
        )
        .execute();
    }
    const bareSeconds = (performance.now() - bareStart) / 1000;
    printTable([
      { ingestion: 'POST /api/v1/events/deployments, 10 batches of 10,000', 'events/s': Math.round(100_000 / apiSeconds), 'x bare': (bareSeconds / apiSeconds).toFixed(2) },
      { ingestion: 'bare INSERT of the same rows (baseline)', 'events/s': Math.round(100_000 / bareSeconds), 'x bare': '1.00' },
    ]);
  } finally {
    await server.stop();
    await handle.close();
    await admin(`drop database if exists ${name}`);
  }
}

main()
  .then(() => (GROWTH_BASE > 0 ? measureGrowth() : undefined))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
