// The public roadmap under load, on PostgreSQL, with 200 items and 5,000 requests: autocannon in
// a second process (20 connections, 10 s each, every request saying it accepts gzip as browsers
// do) on the production server's static /robots.txt (the baseline), on a page Next.js prerendered
// at build time, on /roadmap (one HTML document per version of the board's data), on /roadmap
// revalidated with its ETag (304), on a searched page of requests, and on /roadmap again while
// 1,000 votes arrive (each vote changes the version, so the page is rendered again about once a
// second); then the votes in the database are counted against the accepted responses (none may
// be lost). The targets: /roadmap at >= 0.5x the static file's requests per second, p99 within 2x.
// Then the growth check: the board rendered cold (data, HTML, gzip and brotli: what one new version
// costs) with 1x, 3x and 10x the items and requests, median of 5, printed with printGrowth.
// Run after `npm run build`:  npx tsx bench/roadmap.ts   (BENCH_DATABASE_URL: a PostgreSQL server;
// BENCH_GROWTH=0 skips the growth check, BENCH_GROWTH=only runs only it; BENCH_ACCEPT_ENCODING=identity measures without compression)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { createDb } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import type { Database } from '@/db/types';
import { renderBoardHtml } from '@/server/roadmap/board-html';
import { createItem, publishRoadmap } from '@/server/roadmap/service';
import { boardQuerySchema, getBoardPageData } from '@/server/roadmap/service-board-page';
import { preparedBody } from '@/server/roadmap/prepared-body';
import type { Kysely } from 'kysely';
import { freePort, GROWTH_FACTORS, median, printGrowth, printTable, spawnServer, waitForOk, type GrowthPoint } from './lib';

const SERVER = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const DATABASE = process.env.BENCH_DATABASE ?? 'frictionlog_bench_6';
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;
const VOTES = 1000;
/** What the load tool says it accepts; `identity` measures the same cases without compression (profiling). */
const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING ?? 'gzip, deflate, br';

// ---- Data -------------------------------------------------------------------------------------

/** A small deterministic random generator, so every run seeds the same roadmap. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(42);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
const between = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));

const PAINS = [
  'Setting up a new service takes two days and needs four teams',
  'Getting a database takes three days of tickets',
  'CI is flaky and slow on the monorepo',
  'Nobody knows who owns a failing alert',
  'Secrets are copied by hand between environments',
  'Preview environments do not exist, so reviews wait for staging',
  'Staging is shared and often broken by another team',
  'Deploy rollbacks need someone from the platform team',
  'Logs from one request are spread over five tools',
  'Onboarding a new developer takes two weeks',
  'Kubernetes manifests are copied and drift apart',
  'DNS and certificates need a ticket to the network team',
  'Cost of a service is invisible to the team that runs it',
  'Feature flags live in three different systems',
  'Load tests cannot run before release',
  'Local development needs twelve containers',
  'The golden path template is out of date',
  'Database migrations block deploys for hours',
  'Runbooks are wrong or missing during incidents',
  'Access requests wait days for approval',
  'Docs for the internal platform are hard to find',
  'Dependency upgrades break builds every week',
  'Metrics dashboards have to be built by hand per service',
  'Queues and topics need a ticket to create',
  'Incident timelines are reconstructed from chat afterwards',
  'Test data for staging is a month old',
  'Build caches are not shared between pipelines',
  'Service-to-service auth is configured differently everywhere',
  'Nobody knows which services still run on old runtimes',
  'Release notes are written by hand from commit logs',
] as const;

const OBJECTS = ['preview environments', 'a self-service database', 'faster CI', 'one log search', 'automatic rollbacks', 'a service template', 'secret rotation', 'cost per service', 'on-call handover', 'DNS records', 'test data refresh', 'a shared build cache', 'runtime upgrade reports', 'queue creation', 'alert ownership'];
const ASKS = ['Please add', 'We need', 'Could we get', 'Self-service', 'Make it easy to get', 'Automate', 'Give every team'];
const CONTEXTS = ['for every pull request', 'without a ticket', 'on the monorepo', 'in staging', 'for new services', 'per team', 'in under an hour', 'from the portal'];
const LANE_MIX = [
  ['in_progress', 15],
  ['planned', 35],
  ['requested', 60],
  ['shipped', 70],
  ['declined', 20],
] as const;

async function onServer(text: string) {
  const client = new pg.Client({ connectionString: Object.assign(new URL(SERVER), { pathname: '/postgres' }).toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function insertInChunks<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Parameters<ReturnType<Kysely<Database>['insertInto']>['values']>[0][]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto(table).values(rows.slice(i, i + 1000) as never).execute();
}

/** Seeds 200 items and 5,000 requests times `scale`. */
async function seed(url: string, scale = 1) {
  const handle = await createDb({ kind: 'postgres', url, poolSize: 4 });
  const { db } = handle;
  await migrateToLatest(db);

  const people = await db
    .insertInto('participants')
    .values(Array.from({ length: 150 }, (_, i) => ({ display_name: `Developer ${i + 1}`, email: `dev${i + 1}@example.com` })))
    .returning('id')
    .execute();
  const themes = await db.insertInto('themes').values(PAINS.map((title) => ({ title, status: 'confirmed' as const }))).returning('id').execute();
  const evidence = await db
    .insertInto('evidence')
    .values(
      Array.from({ length: 900 }, () => {
        const person = pick(people);
        return {
          source_kind: pick(['interview', 'ticket', 'survey', 'shadowing'] as const),
          source_id: person.id,
          source_path: '/bench',
          excerpt: 'We waited for the platform team again',
          participant_id: person.id,
          minutes_lost: rand() < 0.7 ? between(10, 960) : null,
          severity: between(1, 5),
          occurrences_per_month: between(1, 8),
          observed_on: '2026-09-15',
        };
      }),
    )
    .returning('id')
    .execute();
  await insertInChunks(db, 'evidence_themes', evidence.map((row) => ({ evidence_id: row.id, theme_id: pick(themes).id })));

  const items: { id: string; lane: string }[] = [];
  let n = 0;
  for (const [lane, count] of LANE_MIX) {
    for (let i = 0; i < count * scale; i += 1) {
      const themeIds = [...new Set(Array.from({ length: between(1, 3) }, () => pick(themes).id))];
      const title = `${pick(ASKS)} ${pick(OBJECTS)} ${pick(CONTEXTS)} (#${++n})`;
      const item = await createItem(db, {
        title,
        description: `Developers told us: **${pick(PAINS).toLowerCase()}**. This item is our answer.`,
        internalNote: 'Capacity: two engineers for a quarter.',
        lane,
        targetQuarter: lane === 'shipped' || lane === 'declined' ? null : pick(['2026-Q4', '2027-Q1', '2027-Q2']),
        isPublic: true,
        themeIds,
        createdBy: null,
      });
      items.push({ id: item.id, lane });
    }
  }
  await publishRoadmap(db, { publishedBy: null });
  // Spread the shipped items over the last quarters, so the changelog has several.
  for (const item of items.filter((row) => row.lane === 'shipped')) {
    await db.updateTable('roadmap_items').set({ shipped_at: new Date(Date.now() - between(1, 540) * 86_400_000) }).where('id', '=', item.id).execute();
  }

  const requests = Array.from({ length: 5000 * scale }, (_, i) => {
    const roll = rand();
    const status = roll < 0.6 ? 'open' : roll < 0.84 ? 'merged' : roll < 0.9 ? 'accepted' : 'declined';
    return {
      title: `${pick(ASKS)} ${pick(OBJECTS)} ${pick(CONTEXTS)}`,
      details: `${pick(PAINS)}. Request ${i + 1}.`,
      email: rand() < 0.3 ? `asker${i}@example.com` : null,
      status: status as 'open' | 'merged' | 'accepted' | 'declined',
      item_id: status === 'merged' || status === 'accepted' ? pick(items).id : null,
      decline_reason: status === 'declined' ? 'Out of the platform team’s scope.' : null,
    };
  });
  const requestIds: { id: string; status: string }[] = [];
  for (let i = 0; i < requests.length; i += 1000) {
    requestIds.push(...(await db.insertInto('roadmap_requests').values(requests.slice(i, i + 1000)).returning(['id', 'status']).execute()));
  }
  const votes = [
    ...requestIds.filter((row) => row.status === 'open').flatMap((row) => Array.from({ length: between(1, 3) }, () => ({ request_id: row.id, voter_hash: randomBytes(16).toString('hex') }))),
    ...items.flatMap((item) => Array.from({ length: between(0, 60) }, () => ({ item_id: item.id, voter_hash: randomBytes(16).toString('hex') }))),
  ];
  await insertInChunks(db, 'roadmap_votes', votes);
  await handle.close();
  return { items, requests: requestIds.length, votes: votes.length };
}

// ---- Load -------------------------------------------------------------------------------------

interface Result {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  bytes: number;
}

/** autocannon in its own process, so the load generator is not the server's process. */
function autocannon(url: string, headers: Record<string, string> = {}): Promise<Result> {
  const headerArgs = Object.entries({ 'accept-encoding': ACCEPT_ENCODING, ...headers }).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', String(CONNECTIONS), '-d', String(DURATION_S), ...headerArgs, '-j', '-n', url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const json = JSON.parse(out);
      resolve({
        rps: Math.round(json.requests.average),
        p50: json.latency.p50,
        p99: json.latency.p99,
        non2xx: json.non2xx,
        bytes: Math.round(json.throughput.average / Math.max(1, json.requests.average)),
      });
    });
  });
}

/**
 * 1,000 votes from distinct browsers and addresses, a few sent twice on purpose (they must be
 * refused): a repeat sends the signed voter cookie the server issued for the vote it repeats.
 */
async function castVotes(baseUrl: string, itemIds: string[]) {
  const outcome = { accepted: 0, duplicates: 0, failed: 0 };
  const sent: { itemId: string; cookie: Promise<string | null> }[] = [];
  let next = 0;
  async function worker() {
    while (next < VOTES) {
      const i = next++;
      const repeated = i % 50 === 49 && sent.length > 0 ? sent[i - 1] : null;
      const itemId = repeated?.itemId ?? itemIds[i % itemIds.length];
      const cookie = repeated ? await repeated.cookie : null;
      let issue: (value: string | null) => void = () => undefined;
      sent[i] = { itemId, cookie: new Promise((resolve) => (issue = resolve)) };
      const response = await fetch(`${baseUrl}/api/trpc/roadmap.vote`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(cookie ? { cookie } : {}),
          'x-forwarded-for': `10.1.${Math.floor(i / 250)}.${i % 250}`,
        },
        body: JSON.stringify({ json: { target: { kind: 'item', id: itemId } } }),
      });
      await response.arrayBuffer();
      issue(cookie ?? response.headers.get('set-cookie')?.split(';')[0] ?? null);
      if (response.status === 200) outcome.accepted += 1;
      else if (response.status === 409) outcome.duplicates += 1;
      else outcome.failed += 1;
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  return outcome;
}

const databaseUrl = (name: string) => Object.assign(new URL(SERVER), { pathname: `/${name}` }).toString();

/** One cold render of the default board (what a new version of its data costs), median of 5, at each data size. */
async function growth(): Promise<GrowthPoint[]> {
  const points: GrowthPoint[] = [];
  for (const factor of GROWTH_FACTORS) {
    const name = `${DATABASE}_growth`;
    await onServer(`drop database if exists ${name}`);
    await onServer(`create database ${name}`);
    try {
      const seeded = await seed(databaseUrl(name), factor);
      const handle = await createDb({ kind: 'postgres', url: databaseUrl(name), poolSize: 4 });
      const query = boardQuerySchema.parse({});
      const times: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        await preparedBody(renderBoardHtml(await getBoardPageData(handle.db, query), query));
        times.push(performance.now() - started);
      }
      await handle.close();
      console.log(`${factor}x: ${seeded.items.length} items, ${seeded.requests} requests: ${median(times).toFixed(1)} ms`);
      points.push({ size: seeded.items.length + seeded.requests, ms: median(times) });
    } finally {
      await onServer(`drop database if exists ${name}`);
    }
  }
  return points;
}

async function main() {
  if (process.env.BENCH_GROWTH === 'only') return printGrowth('a cold render of /roadmap (items + requests)', await growth());
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('Run `npm run build` first.');
  console.log(`Accept-Encoding: ${ACCEPT_ENCODING}`);
  await onServer(`drop database if exists ${DATABASE}`);
  await onServer(`create database ${DATABASE}`);
  const url = Object.assign(new URL(SERVER), { pathname: `/${DATABASE}` }).toString();
  console.log('Seeding 200 items and 5,000 requests…');
  const seeded = await seed(url);
  console.log(`Seeded ${seeded.items.length} items, ${seeded.requests} requests, ${seeded.votes} votes.`);

  const port = await freePort();
  const server = spawnServer([process.execPath, 'node_modules/next/dist/bin/next', 'start'], {
    DATABASE_URL: url,
    NODE_ENV: 'production',
    TRUST_PROXY: 'true',
    PUBLIC_URL: `http://localhost:${port}`,
  }, port);
  try {
    await waitForOk(`${server.baseUrl}/api/trpc/health`);
    const page = await (await fetch(`${server.baseUrl}/roadmap`)).text();
    if (!page.includes('Platform roadmap')) throw new Error('/roadmap did not render');
    for (const path of ['/roadmap', '/robots.txt', '/roadmap/requests/new']) await (await fetch(`${server.baseUrl}${path}`)).arrayBuffer();

    const rows: { case: string; result: Result }[] = [];
    rows.push({ case: 'baseline: static file /robots.txt', result: await autocannon(`${server.baseUrl}/robots.txt`) });
    rows.push({ case: 'Next.js page prerendered at build (/roadmap/requests/new)', result: await autocannon(`${server.baseUrl}/roadmap/requests/new`) });
    rows.push({ case: '/roadmap (200 items, open requests, cached HTML)', result: await autocannon(`${server.baseUrl}/roadmap`) });
    const etag = (await fetch(`${server.baseUrl}/roadmap`, { headers: { 'accept-encoding': 'gzip' } })).headers.get('etag') ?? '';
    rows.push({ case: '/roadmap revalidated with its ETag (304)', result: await autocannon(`${server.baseUrl}/roadmap`, { 'if-none-match': etag }) });
    rows.push({ case: '/roadmap?q=preview&sort=newest&page=2', result: await autocannon(`${server.baseUrl}/roadmap?q=preview&sort=newest&page=2`) });

    const votable = seeded.items.filter((item) => ['in_progress', 'planned', 'requested'].includes(item.lane)).map((item) => item.id);
    const admin = await createDb({ kind: 'postgres', url, poolSize: 1 });
    const before = Number((await admin.db.selectFrom('roadmap_votes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const [underVotes, votes] = await Promise.all([autocannon(`${server.baseUrl}/roadmap`), castVotes(server.baseUrl, votable)]);
    rows.push({ case: `/roadmap while ${VOTES.toLocaleString('en')} votes arrive`, result: underVotes });
    const after = Number((await admin.db.selectFrom('roadmap_votes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await admin.close();

    const baseline = rows[0].result;
    printTable(
      rows.map(({ case: label, result }) => ({
        case: label,
        'req/s': result.rps,
        'x static req/s': Number((result.rps / baseline.rps).toFixed(2)),
        'p50 ms': result.p50,
        'p99 ms': result.p99,
        'p99 x static': Number((result.p99 / Math.max(1, baseline.p99)).toFixed(2)),
        // 304s count as non-2xx for autocannon: they are the point of that row.
        'non-2xx': result.non2xx,
        'bytes/response (gzip, with headers)': result.bytes,
      })),
    );
    printTable([
      {
        'votes sent': VOTES,
        'accepted (200)': votes.accepted,
        'refused as already voted (409)': votes.duplicates,
        'other failures': votes.failed,
        'new votes in the database': after - before,
        lost: votes.accepted - (after - before),
      },
    ]);
  } finally {
    await server.stop();
    await onServer(`drop database if exists ${DATABASE}`);
  }
  if (process.env.BENCH_GROWTH !== '0') printGrowth('a cold render of /roadmap (items + requests)', await growth());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
