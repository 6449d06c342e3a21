// Search over 50,000 evidence items and 5,000 interviews (with their 25,000 answers), generated,
// on PostgreSQL and on PGlite. Each engine prints the median and p95 of the app's search (the
// ranked, highlighted search the page calls) next to the bare full-text match measured in the
// same run on the same data: `to_tsvector('english', text) @@ websearch_to_tsquery(...)` over the
// same tables, returning matching ids, through the same GIN indexes (the stored vectors are that
// to_tsvector). The bare match computed per row without an index is printed too, for context.
// Run:  npx tsx bench/search.ts   (BENCH_DATABASE_URL for the PostgreSQL server; BENCH_RUNS)
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type DbHandle } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import { search } from '@/server/search/service';
import { median, percentile, printTable } from './lib';

const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 50_000);
const INTERVIEWS = Number(process.env.BENCH_INTERVIEWS ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDatabase = 'frictionlog_bench_3';

/** What people type: common and rare words, phrases, exclusions, and tsquery syntax. */
const QUERIES = [
  'staging',
  'terraform module',
  '"change request"',
  'tracing -kafka',
  'flaky pipeline runner',
  'finops cost dashboard',
  'helm secrets vault',
  "'&|!:*() approvals",
  'zebra crossing',
  `${'waiting for the ops ticket '.repeat(36)}`.slice(0, 1000),
];

// ---- Generated discovery notes -----------------------------------------------------------------

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(42);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];

const WHO = ['I', 'We', 'My team', 'The new hire', 'Our lead', 'Everyone on the squad', 'The on-call engineer'];
const DID = [
  'waited two days for a staging environment',
  'opened an ops ticket for a namespace',
  'copied the Helm values from another service',
  'asked in Slack which Terraform module to use',
  'lost an afternoon to a flaky pipeline on the shared runners',
  'grepped logs in three services to follow one request',
  'could not see what the service costs without asking FinOps',
  'waited for a change request approval from SRE',
  'followed a runbook whose kubectl commands were out of date',
  'rebuilt the Jenkinsfile because the shared library moved',
  'requested a DNS entry from networking',
  'pasted secrets from the Vault UI into the deployment',
  'skipped the container scan on a hotfix branch',
  'set up tracing by hand because the collector docs were wrong',
  'deployed from a laptop because CI cannot reach the cluster',
];
const WHEN = ['last sprint', 'this week', 'every release', 'during the incident', 'on my first service', 'twice a month', 'before the demo'];
const EFFECT = [
  'and nobody knew who owned it.',
  'which took most of the day.',
  'so the release slipped.',
  'and I had to ask three people.',
  'and the documentation said something else.',
  'so we built a workaround.',
  'and it happens to every team.',
];

const sentence = () => `${pick(WHO)} ${pick(DID)} ${pick(WHEN)}, ${pick(EFFECT)}`;
const paragraph = (count: number) => Array.from({ length: count }, sentence).join(' ');

async function fill(handle: DbHandle) {
  const db = handle.db;
  const teams = await db
    .insertInto('teams')
    .values(Array.from({ length: 20 }, (_, index) => ({ name: `Team ${index + 1}` })))
    .returning('id')
    .execute();
  const participants = await db
    .insertInto('participants')
    .values(
      Array.from({ length: 500 }, (_, index) => ({
        display_name: `Developer ${index + 1}`,
        email: null,
        team_id: teams[index % teams.length].id,
        tenure_band: (['<1y', '1-3y', '3-5y', '5y+'] as const)[index % 4],
        background: pick(['backend', 'frontend', 'mobile', 'data', 'SRE']),
      })),
    )
    .returning('id')
    .execute();

  const interviewIds: string[] = [];
  for (let start = 0; start < INTERVIEWS; start += 500) {
    const rows = await db
      .insertInto('interviews')
      .values(
        Array.from({ length: Math.min(500, INTERVIEWS - start) }, () => ({
          participant_id: pick(participants).id,
          interviewed_on: `2026-${String(1 + Math.floor(rand() * 9)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
          interviewer_id: null,
          guide_id: null,
          guide_title: 'Discovery interview',
          notes: paragraph(2),
          status: 'complete' as const,
          created_by: null,
        })),
      )
      .returning('id')
      .execute();
    interviewIds.push(...rows.map((row) => row.id));
    await db
      .insertInto('interview_answers')
      .values(rows.flatMap((row) => [1, 2, 3, 4, 5].map((position) => ({ interview_id: row.id, position, prompt: `Question ${position}`, body: paragraph(3) }))))
      .execute();
  }

  for (let start = 0; start < EVIDENCE; start += 1000) {
    await db
      .insertInto('evidence')
      .values(
        Array.from({ length: Math.min(1000, EVIDENCE - start) }, () => {
          const interviewId = pick(interviewIds);
          return {
            source_kind: 'interview' as const,
            source_id: interviewId,
            source_path: `/interviews/${interviewId}#q-${1 + Math.floor(rand() * 5)}`,
            excerpt: sentence(),
            participant_id: pick(participants).id,
            minutes_lost: Math.floor(rand() * 480),
            occurrences_per_month: 1,
            severity: null,
            observed_on: '2026-06-01',
            created_by: null,
          };
        }),
      )
      .execute();
  }
  await sql`analyze`.execute(db);
}

// ---- Measuring -----------------------------------------------------------------------------------

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The bare match over the same tables and indexes as the search: ids only, no rank, no snippet. */
const bareIndexed = (handle: DbHandle, text: string) =>
  sql`
    with q as (select websearch_to_tsquery('english'::regconfig, ${text}) as query)
    select a.id from interview_answers a, q where a.body_vector @@ q.query
    union all select i.id from interviews i, q where i.notes_vector @@ q.query
    union all select s.id from shadowing_sessions s, q where s.notes_vector @@ q.query
    union all select f.id from friction_events f, q where f.note_vector @@ q.query
    union all select e.id from evidence e, q where e.search_vector @@ q.query
    union all select p.id from participants p, q
      where to_tsvector('english'::regconfig, p.display_name || ' ' || coalesce(p.background, '')) @@ q.query
  `.execute(handle.db);

/** The same match with to_tsvector computed for every row (no stored vector, no index). */
const bareComputed = (handle: DbHandle, text: string) =>
  sql`
    with q as (select websearch_to_tsquery('english'::regconfig, ${text}) as query)
    select a.id from interview_answers a, q where to_tsvector('english'::regconfig, a.body || '') @@ q.query
    union all select e.id from evidence e, q where to_tsvector('english'::regconfig, e.excerpt || '') @@ q.query
  `.execute(handle.db);

async function measure(engine: string, handle: DbHandle) {
  const samples = { search: [] as number[], bare: [] as number[], computed: [] as number[] };
  const perQuery: Record<string, string | number>[] = [];
  for (const text of QUERIES) {
    const cleaned = text.replace(/\s+/g, ' ').trim();
    for (let warm = 0; warm < 2; warm += 1) {
      await search(handle.db, { text, limit: 20, offset: 0 });
      await bareIndexed(handle, cleaned);
    }
    const mine = { search: [] as number[], bare: [] as number[] };
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate, so that both see the same load from the machine.
      mine.bare.push(await time(() => bareIndexed(handle, cleaned)));
      mine.search.push(await time(() => search(handle.db, { text, limit: 20, offset: 0 })));
    }
    for (let run = 0; run < 3; run += 1) samples.computed.push(await time(() => bareComputed(handle, cleaned)));
    const result = await search(handle.db, { text, limit: 20, offset: 0 });
    samples.search.push(...mine.search);
    samples.bare.push(...mine.bare);
    perQuery.push({
      engine,
      query: text.length > 40 ? `${text.slice(0, 37)}…(${text.length} chars)` : text,
      matches: result.total,
      'bare median ms': round(median(mine.bare)),
      'search median ms': round(median(mine.search)),
      'x bare': round(median(mine.search) / median(mine.bare)),
    });
  }
  return { engine, samples, perQuery };
}

const round = (value: number) => Number(value.toFixed(value < 10 ? 2 : 1));

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function main() {
  const results = [];

  await adminQuery(`drop database if exists ${benchDatabase}`);
  await adminQuery(`create database ${benchDatabase}`);
  const url = new URL(serverUrl);
  url.pathname = `/${benchDatabase}`;
  const postgres = await createDb({ kind: 'postgres', url: url.toString() });
  try {
    await migrateToLatest(postgres.db);
    let started = performance.now();
    await fill(postgres);
    console.log(`PostgreSQL: generated ${INTERVIEWS} interviews and ${EVIDENCE} evidence items in ${Math.round((performance.now() - started) / 1000)} s`);
    results.push(await measure('PostgreSQL', postgres));

    const pglite = await createDb({ kind: 'pglite' });
    try {
      await migrateToLatest(pglite.db);
      started = performance.now();
      await fill(pglite);
      console.log(`PGlite: generated ${INTERVIEWS} interviews and ${EVIDENCE} evidence items in ${Math.round((performance.now() - started) / 1000)} s`);
      results.push(await measure('PGlite', pglite));
    } finally {
      await pglite.close();
    }
  } finally {
    await postgres.close();
    await adminQuery(`drop database if exists ${benchDatabase}`);
  }

  console.log(`\nSearch over ${EVIDENCE.toLocaleString('en-US')} evidence items and ${INTERVIEWS.toLocaleString('en-US')} interviews, ${QUERIES.length} queries x ${RUNS} runs each`);
  printTable(
    results.flatMap(({ engine, samples }) => {
      const bare = { median: median(samples.bare), p95: percentile(samples.bare, 95) };
      return [
        { engine, case: 'baseline: bare to_tsvector @@ websearch_to_tsquery (indexed)', 'median ms': round(bare.median), 'p95 ms': round(bare.p95), 'x bare median': 1, 'x bare p95': 1 },
        {
          engine,
          case: 'search (ranked, counted per kind, highlighted)',
          'median ms': round(median(samples.search)),
          'p95 ms': round(percentile(samples.search, 95)),
          'x bare median': round(median(samples.search) / bare.median),
          'x bare p95': round(percentile(samples.search, 95) / bare.p95),
        },
        {
          engine,
          case: 'for context: bare match computed per row, no index',
          'median ms': round(median(samples.computed)),
          'p95 ms': round(percentile(samples.computed, 95)),
          'x bare median': round(median(samples.computed) / bare.median),
          'x bare p95': round(percentile(samples.computed, 95) / bare.p95),
        },
      ];
    }),
  );
  printTable(results.flatMap((result) => result.perQuery));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
