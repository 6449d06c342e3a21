// Public submissions under load, on PostgreSQL: 50 concurrent clients send 10,000 survey responses
// and then 10,000 ratings to the production server from this (second) process over loopback;
// requests per second and p99 latency are printed next to the same server's tRPC health endpoint
// measured in the same run, and the database is checked afterwards to hold exactly the accepted
// submissions (every one unique: zero lost, zero duplicated).
//
// The rate limiter stays on with its production limits (60 per client and minute). The server runs
// with TRUST_PROXY=true, as behind a load balancer, and each simulated developer sends its own
// X-Forwarded-For address: the limiter does its full work on every request (one upsert), but no
// developer goes past the limit, as 10,000 people answering once would not.
// A warm-up of 1,000 requests per endpoint (its own survey and flow) runs first and is not counted.
//
// Run after `npm run build`:  npx tsx bench/submissions.ts
//   BENCH_DATABASE_URL  the database to create, use and drop (default …/frictionlog_bench_submissions)
//   BENCH_REQUESTS      submissions of each kind (default 10000), BENCH_CONNECTIONS (default 50)
import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, GROWTH_FACTORS, printGrowth, printTable, spawnServer, waitForOk } from './lib';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP = Math.min(1000, REQUESTS);
/** Responses at 1x for the growth check (BENCH_GROWTH_REQUESTS; 10x is ten times as many). */
const GROWTH_BASE = Number(process.env.BENCH_GROWTH_REQUESTS ?? 500);
const databaseUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/frictionlog_bench_submissions');
const databaseName = databaseUrl.pathname.slice(1);
if (!/^[a-z0-9_]+$/.test(databaseName)) throw new Error(`BENCH_DATABASE_URL must name a plain database, not "${databaseName}"`);

async function adminQuery(text: string) {
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** A tRPC call over HTTP as the browser makes it; returns the data and any cookie it set. */
async function trpc(baseUrl: string, path: string, input: unknown, cookie = '') {
  const response = await fetch(`${baseUrl}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!response.ok) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return { data: body.result!.data.json, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? cookie };
}

async function trpcQuery(baseUrl: string, path: string, input: unknown, cookie: string) {
  const response = await fetch(`${baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path} failed with ${response.status}`);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

let address = 0;
/** A distinct client address per request: 10,000 developers, each submitting once. */
function nextAddress(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('Run `npm run build` first.');
  await adminQuery(`drop database if exists ${databaseName}`);
  await adminQuery(`create database ${databaseName}`);
  const port = await freePort();
  const server = spawnServer(
    [process.execPath, 'node_modules/next/dist/bin/next', 'start'],
    { DATABASE_URL: databaseUrl.toString(), TRUST_PROXY: 'true', NODE_ENV: 'production', PUBLIC_URL: `http://localhost:${port}` },
    port,
  );
  const db = new pg.Client({ connectionString: databaseUrl.toString() });
  let isConnected = false;
  try {
    await waitForOk(`${server.baseUrl}/api/trpc/health`);
    await db.connect();
    isConnected = true;

    // A workspace with the quarterly survey and one rated flow, made the way a person would.
    const { cookie } = await trpc(server.baseUrl, 'auth.setup', { name: 'Bench Admin', email: 'bench@example.com', password: 'bench password 1' });
    for (const name of ['Payments', 'Search', 'Mobile', 'Data']) await trpc(server.baseUrl, 'teams.create', { name }, cookie);
    const today = new Date().toISOString().slice(0, 10);
    const month = Number(today.slice(5, 7));
    async function createSurvey(title: string) {
      const { data } = await trpc(
        server.baseUrl,
        'surveys.create',
        {
          title,
          intro: '',
          quarter: `${today.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`,
          opensOn: today,
          closesOn: today,
          asksTeam: true,
          asksTenure: true,
          access: 'link',
          questions: [
            { kind: 'scale_10', prompt: 'How would you rate the platform overall?', isRequired: true, options: [] },
            { kind: 'free_text', prompt: 'What is the one thing we should improve?', isRequired: false, options: [] },
          ],
        },
        cookie,
      );
      const id = (data as { id: string }).id;
      const { slug, questions } = (await trpcQuery(server.baseUrl, 'surveys.get', { id }, cookie)) as { slug: string; questions: { id: string }[] };
      return { id, slug, questions };
    }
    const measured = await createSurvey('Quarterly platform satisfaction');
    const warmUp = await createSurvey('Warm-up');
    for (const key of ['create-service', 'warm-up']) {
      await trpc(server.baseUrl, 'ratings.createFlow', { key, name: key, allowedOrigins: ['https://backstage.example.com'] }, cookie);
    }

    const teams = ['Payments', 'Search', 'Mobile', 'Data', null];
    const bands = ['<1y', '1-3y', '3-5y', '5y+', null];
    let counter = 0;
    const surveyRequest = (survey: typeof measured): autocannon.Request => ({
      method: 'POST',
      setupRequest: (request) => {
        counter += 1;
        const answers = { [survey.questions[0].id]: (counter % 10) + 1, [survey.questions[1].id]: `bench answer ${counter}: builds are slow` };
        return {
          ...request,
          headers: { ...request.headers, 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
          body: JSON.stringify({ answers, team: teams[counter % 5], tenureBand: bands[counter % 5] }),
        };
      },
    });
    const ratingRequest = (flow: string): autocannon.Request => ({
      method: 'POST',
      setupRequest: (request) => {
        counter += 1;
        return {
          ...request,
          headers: { ...request.headers, 'content-type': 'application/json', origin: 'https://backstage.example.com', 'x-forwarded-for': nextAddress() },
          body: JSON.stringify({ flow, score: (counter % 5) + 1, comment: `bench rating ${counter}` }),
        };
      },
    });
    const load = (url: string, amount: number, requests?: autocannon.Request[]) => run({ url, connections: CONNECTIONS, amount, timeout: 30, requests });

    // Warm-up (JIT, connection pool, query plans), on its own survey and flow, not counted.
    await load(`${server.baseUrl}/api/trpc/health`, WARM_UP);
    await load(`${server.baseUrl}/api/v1/surveys/${warmUp.slug}/responses`, WARM_UP, [surveyRequest(warmUp)]);
    await load(`${server.baseUrl}/api/v1/ratings`, WARM_UP, [ratingRequest('warm-up')]);

    const baseline = await load(`${server.baseUrl}/api/trpc/health`, REQUESTS);
    const surveys = await load(`${server.baseUrl}/api/v1/surveys/${measured.slug}/responses`, REQUESTS, [surveyRequest(measured)]);
    const ratings = await load(`${server.baseUrl}/api/v1/ratings`, REQUESTS, [ratingRequest('create-service')]);

    // Growth: 1x, 3x and 10x the responses into one survey that keeps filling up; the time to take
    // them may grow at most as fast as their number.
    const growthSurvey = await createSurvey('Growth');
    const growth: { size: number; ms: number }[] = [];
    for (const factor of GROWTH_FACTORS) {
      const result = await load(`${server.baseUrl}/api/v1/surveys/${growthSurvey.slug}/responses`, GROWTH_BASE * factor, [surveyRequest(growthSurvey)]);
      growth.push({ size: GROWTH_BASE * factor, ms: result.duration * 1000 });
    }

    const count = async (text: string) => (await db.query<{ total: number; distinct: number }>(text)).rows[0];
    const responseRows = await count(
      `select count(*)::int as total, count(distinct a.text_value)::int as distinct from survey_responses r join survey_answers a on a.response_id = r.id and a.text_value is not null where r.survey_id = '${measured.id}'`,
    );
    const ratingRows = await count(
      `select count(*)::int as total, count(distinct comment)::int as distinct from ratings join rating_flows on rating_flows.id = ratings.flow_id where rating_flows.key = 'create-service'`,
    );

    const row = (label: string, result: autocannon.Result, rows: number | null, distinct: number | null) => {
      const done = result['2xx'] + result.non2xx;
      const perSecond = done / result.duration;
      return {
        case: label,
        requests: done,
        accepted: result['2xx'],
        refused: result.non2xx,
        errors: result.errors,
        'req/s': Math.round(perSecond),
        'x baseline': Number((perSecond / (baseline['2xx'] / baseline.duration)).toFixed(2)),
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        'rows stored': rows ?? '—',
        lost: rows === null ? '—' : Math.max(0, result['2xx'] - rows),
        duplicated: rows === null || distinct === null ? '—' : rows - distinct + Math.max(0, rows - result['2xx']),
      };
    };
    console.log(`\n${REQUESTS} requests of each kind, ${CONNECTIONS} connections, PostgreSQL, ${new Date().toISOString()}`);
    printTable([
      row('baseline: GET /api/trpc/health', baseline, null, null),
      row('POST /api/v1/surveys/<slug>/responses', surveys, responseRows.total, responseRows.distinct),
      row('POST /api/v1/ratings', ratings, ratingRows.total, ratingRows.distinct),
    ]);
    printGrowth(`survey responses: time to take N responses (${CONNECTIONS} connections)`, growth);
  } finally {
    if (isConnected) await db.end();
    await server.stop();
    await adminQuery(`drop database if exists ${databaseName}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
