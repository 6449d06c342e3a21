// Search over 50,000 evidence items, 5,000 interviews (with their 25,000 answers), 20,000 tickets,
// 2,000 roadmap requests, 1,000 post-mortems, 300 pain themes and 10,000 survey comments, generated,
// on PostgreSQL and on PGlite. Each engine prints the median and p95 of the app's search (the
// ranked, highlighted search the page calls) next to the bare full-text match measured in the
// same run on the same data: `to_tsvector('english', text) @@ websearch_to_tsquery(...)` over the
// same tables, returning matching ids, through the same GIN indexes (the stored vectors are that
// to_tsvector). The bare match computed per row without an index is printed too, for context.
// Growth: on PostgreSQL the data is filled in three steps, a tenth (1x), three tenths (3x) and the
// whole (10x), and the medians at each size are printed with printGrowth.
// Run:  npx tsx bench/search.ts   (BENCH_DATABASE_URL for the PostgreSQL server; BENCH_RUNS;
// BENCH_PGLITE=0 to skip PGlite)
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type DbHandle } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import { search } from '@/server/search/service';
import { fillTicketSearchVectors } from '@/server/tickets/service-search-vectors';
import { GROWTH_FACTORS, median, percentile, printGrowth, printTable, type GrowthPoint } from './lib';

const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 50_000);
const INTERVIEWS = Number(process.env.BENCH_INTERVIEWS ?? 5_000);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 20_000);
const REQUESTS = 2_000;
const POSTMORTEMS = 1_000;
const THEMES = 300;
const SURVEY_COMMENTS = 10_000;
/** The full size is the largest growth step (10x); the steps fill a tenth, then three tenths. */
const FULL_STEP = GROWTH_FACTORS[GROWTH_FACTORS.length - 1];
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDatabase = process.env.BENCH_DB_NAME ?? 'frictionlog_bench_3';

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

interface Setup {
  participants: { id: string }[];
  surveyId: string;
  questionId: string;
}

async function setUp(handle: DbHandle): Promise<Setup> {
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
  const survey = await db
    .insertInto('surveys')
    .values({ series_id: crypto.randomUUID(), title: 'Quarterly platform pulse', slug: 'bench-pulse', quarter: '2026-Q3', opens_on: '2026-07-01', closes_on: '2026-07-15' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const question = await db
    .insertInto('survey_questions')
    .values({ survey_id: survey.id, series_key: crypto.randomUUID(), position: 0, kind: 'free_text', prompt: 'What is the one thing we should improve?' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { participants, surveyId: survey.id, questionId: question.id };
}

/** In batches of `size`: `make(count, offset)` gives the rows of one batch. */
async function inBatches(total: number, size: number, insert: (count: number, offset: number) => Promise<unknown>) {
  for (let start = 0; start < total; start += size) await insert(Math.min(size, total - start), start);
}

let rowCounter = 0;

/** Adds `steps` tenths of the full data (every kind in proportion). */
async function addRows(handle: DbHandle, setup: Setup, steps: number) {
  const db = handle.db;
  const share = (full: number) => Math.round((full * steps) / FULL_STEP);
  const { participants } = setup;

  const interviewIds: string[] = [];
  await inBatches(share(INTERVIEWS), 500, async (count) => {
    const rows = await db
      .insertInto('interviews')
      .values(
        Array.from({ length: count }, () => ({
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
  });

  await inBatches(share(EVIDENCE), 1000, (count) =>
    db
      .insertInto('evidence')
      .values(
        Array.from({ length: count }, () => {
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
      .execute(),
  );

  await inBatches(share(TICKETS), 1000, (count) =>
    db
      .insertInto('tickets')
      .values(
        Array.from({ length: count }, () => {
          const key = `OPS-${++rowCounter}`;
          const title = `${pick(DID)} ${pick(WHEN)}`;
          return { source: 'jira', external_key: key, title, title_norm: title.toLowerCase(), body: paragraph(2), content_hash: key, opened_at: new Date('2026-05-01T09:00:00Z') };
        }),
      )
      .execute(),
  );
  await inBatches(share(REQUESTS), 1000, (count) =>
    db
      .insertInto('roadmap_requests')
      .values(Array.from({ length: count }, () => ({ title: `Please fix: ${pick(DID)}`, details: paragraph(1) })))
      .execute(),
  );
  await inBatches(share(POSTMORTEMS), 500, (count) =>
    db
      .insertInto('postmortems')
      .values(
        Array.from({ length: count }, () => {
          const key = `PM-${++rowCounter}`;
          return { external_key: key, title: `Outage: ${pick(DID)}`, summary: paragraph(2), lessons: paragraph(1), timeline: paragraph(2), body: paragraph(3), content_hash: key };
        }),
      )
      .execute(),
  );
  await inBatches(share(THEMES), 500, (count) =>
    db
      .insertInto('themes')
      .values(Array.from({ length: count }, () => ({ title: `${pick(WHO)} ${pick(DID)} (${++rowCounter})`, description: paragraph(1) })))
      .execute(),
  );
  await inBatches(share(SURVEY_COMMENTS), 1000, async (count) => {
    const responses = await db
      .insertInto('survey_responses')
      .values(Array.from({ length: count }, () => ({ survey_id: setup.surveyId, submitted_on: '2026-07-02', team: null, tenure_band: null })))
      .returning('id')
      .execute();
    await db
      .insertInto('survey_answers')
      .values(responses.map((response) => ({ response_id: response.id, question_id: setup.questionId, score: null, choices: null, text_value: paragraph(1) })))
      .execute();
  });
  // Tickets are written without their search vector, as an import writes them; the server fills it
  // right after (migration 0920), so the search measured is the steady state.
  await fillTicketSearchVectors(db);
  await sql`analyze`.execute(db);
}

/** Rows searched at the current size (every kind the search reads). */
async function searchedRows(handle: DbHandle): Promise<number> {
  const result = await sql<{ rows: number }>`select (
    (select count(*) from interview_answers) + (select count(*) from interviews) + (select count(*) from evidence)
    + (select count(*) from tickets) + (select count(*) from roadmap_requests) + (select count(*) from postmortems)
    + (select count(*) from themes) + (select count(*) from survey_answers where text_value is not null))::int as rows`.execute(handle.db);
  return result.rows[0].rows;
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
    union all select t.ticket_id from ticket_search t, q where t.vector @@ q.query
    union all select t.id from themes t, q where t.search_vector @@ q.query
    union all select r.id from roadmap_requests r, q where r.search_vector @@ q.query
    union all select m.id from postmortems m, q where m.search_vector @@ q.query
    union all select a.response_id from survey_answers a, q where a.text_vector @@ q.query
  `.execute(handle.db);

/** The same match with to_tsvector computed for every row (no stored vector, no index). */
const bareComputed = (handle: DbHandle, text: string) =>
  sql`
    with q as (select websearch_to_tsquery('english'::regconfig, ${text}) as query)
    select a.id from interview_answers a, q where to_tsvector('english'::regconfig, a.body || '') @@ q.query
    union all select e.id from evidence e, q where to_tsvector('english'::regconfig, e.excerpt || '') @@ q.query
  `.execute(handle.db);

async function measure(engine: string, handle: DbHandle, runs = RUNS) {
  const samples = { search: [] as number[], bare: [] as number[], computed: [] as number[] };
  const perQuery: Record<string, string | number>[] = [];
  for (const text of QUERIES) {
    const cleaned = text.replace(/\s+/g, ' ').trim();
    for (let warm = 0; warm < 2; warm += 1) {
      await search(handle.db, { text, limit: 20, offset: 0 });
      await bareIndexed(handle, cleaned);
    }
    const mine = { search: [] as number[], bare: [] as number[] };
    for (let run = 0; run < runs; run += 1) {
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
    const setup = await setUp(postgres);
    const growth = { search: [] as GrowthPoint[], bare: [] as GrowthPoint[] };
    let filled = 0;
    for (const factor of GROWTH_FACTORS) {
      const started = performance.now();
      await addRows(postgres, setup, factor - filled);
      filled = factor;
      const size = await searchedRows(postgres);
      console.log(`PostgreSQL ${factor}x: ${size.toLocaleString('en-US')} rows searched, filled in ${Math.round((performance.now() - started) / 1000)} s`);
      const measured = await measure('PostgreSQL', postgres, factor === FULL_STEP ? RUNS : Math.ceil(RUNS / 2));
      growth.search.push({ size, ms: median(measured.samples.search) });
      growth.bare.push({ size, ms: median(measured.samples.bare) });
      if (factor === FULL_STEP) results.push(measured);
    }
    printGrowth('the app search, median over the queries (PostgreSQL)', growth.search);
    printGrowth('the bare indexed match, median over the queries (PostgreSQL)', growth.bare);

    if (process.env.BENCH_PGLITE !== '0') {
      const pglite = await createDb({ kind: 'pglite' });
      try {
        await migrateToLatest(pglite.db);
        const started = performance.now();
        await addRows(pglite, await setUp(pglite), FULL_STEP);
        console.log(`PGlite: ${(await searchedRows(pglite)).toLocaleString('en-US')} rows searched, filled in ${Math.round((performance.now() - started) / 1000)} s`);
        results.push(await measure('PGlite', pglite));
      } finally {
        await pglite.close();
      }
    }
  } finally {
    await postgres.close();
    await adminQuery(`drop database if exists ${benchDatabase}`);
  }

  console.log(
    `\nSearch over ${EVIDENCE.toLocaleString('en-US')} evidence items, ${INTERVIEWS.toLocaleString('en-US')} interviews, ${TICKETS.toLocaleString('en-US')} tickets and the other kinds, ${QUERIES.length} queries x ${RUNS} runs each`,
  );
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
