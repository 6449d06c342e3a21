// The pain inventory at scale: 2,000 developers, 300 themes, 200,000 evidence rows (see
// seed-inventory.ts). Measures, on PostgreSQL and on PGlite, the inventory's ranking (what the
// page and GET /api/v1/inventory compute) with no filter and with a team filter, 30 runs each:
// the first view after a write (one evidence item tagged into, or untagged from, the largest
// theme: the maintained figures of that theme are recomputed), the same view aggregated from the
// evidence (the path before issue 19), and the cached view, each against a bare hand-written SQL
// aggregation of the same numbers (DESIGN.md's rules) measured in the same run; then the
// /inventory page rendered by the production server, after a write and cached; then the growth of
// the first view after a write at 1x, 3x and 10x of a smaller base (PostgreSQL only: seeding
// 2,000,000 rows, or PGlite at 10x, takes longer than a run should).
// Run after `npm run build`:  npx tsx bench/inventory.ts
//   BENCH_DATABASE_URL        an existing database to create the bench database next to (default: local postgres)
//   BENCH_INVENTORY_DATABASE  the bench database's name, created and dropped (default frictionlog_bench_inventory)
//   BENCH_RUNS                runs per case (default 30)
//   BENCH_PAGES=0             skip the production-server page cases (no build needed)
//   BENCH_PGLITE=0            skip PGlite
//   BENCH_GROWTH_BASE         evidence rows at 1x for the growth check (default 20000; 0 skips it)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createDb, type DbHandle } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import type { Database } from '@/db/types';
import { hashToken, newToken } from '@/server/auth/session-token';
import { SESSION_COOKIE } from '@/server/auth/service';
import { rankForInventory } from '@/server/inventory/service';
import { computeRanking, todayIso } from '@/server/inventory/service-ranking';
import { freePort, GROWTH_FACTORS, median, percentile, printGrowth, printTable, spawnServer, waitForOk } from './lib';
import { BENCH_SIZE, seedInventory, type InventorySize } from './seed-inventory';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = process.env.BENCH_INVENTORY_DATABASE ?? 'frictionlog_bench_inventory';
const NEXT = [process.execPath, 'node_modules/next/dist/bin/next', 'start'];
const WITH_PAGES = process.env.BENCH_PAGES !== '0';
const WITH_PGLITE = process.env.BENCH_PGLITE !== '0';
const GROWTH_BASE = Number(process.env.BENCH_GROWTH_BASE ?? 20_000);

/**
 * The same numbers as the inventory, in one hand-written statement: the baseline. Each developer
 * counts the larger of their largest recurring estimate and their single occurrences spread over
 * the window (earliest evidence to today, days / 30.44, at least one month); reach counts active
 * developers on both sides.
 */
function bareInventorySql(teamId: string | null) {
  const segment = teamId ? sql`and e.participant_id in (select id from participants where team_id = ${teamId})` : sql``;
  const directory = teamId ? sql`and team_id = ${teamId}` : sql``;
  const today = todayIso();
  return sql`
    with per_dev as (
      select et.theme_id, e.participant_id, count(*) as n,
             max(coalesce(e.minutes_lost, (array[15, 60, 240, 960, 1920]::numeric[])[e.severity]) * e.occurrences_per_month) filter (where e.kind = 'recurring') as recurring,
             sum(coalesce(e.minutes_lost, (array[15, 60, 240, 960, 1920]::numeric[])[e.severity])) filter (where e.kind = 'single') as single,
             bit_or(case e.source_kind when 'interview' then 1 when 'shadowing' then 2 when 'ticket' then 4 when 'postmortem' then 8
                                       when 'survey' then 16 when 'rating' then 32 else 64 end) as kinds
      from evidence_themes et
      join themes t on t.id = et.theme_id and t.merged_into_id is null and t.status <> 'archived'
      join evidence e on e.id = et.evidence_id
      where true ${segment}
      group by et.theme_id, e.participant_id
    ), span as (select greatest(1, ((${today}::date - (select min(observed_on) from evidence)) + 1) / 30.44) as months),
    dev as (
      select per_dev.theme_id, per_dev.participant_id, per_dev.n, per_dev.kinds, p.archived_at is null as is_active,
             case when per_dev.recurring is null and per_dev.single is null then null
                  else greatest(coalesce(per_dev.recurring, 0), coalesce(per_dev.single / span.months, 0))::float8 end as minutes
      from per_dev cross join span left join participants p on p.id = per_dev.participant_id
    ), directory as (select count(*) as size from participants where archived_at is null ${directory})
    select d.theme_id,
           sum(d.n)::int as evidence_count,
           count(d.participant_id)::int as affected_developers,
           coalesce(sum(d.n) filter (where d.participant_id is null), 0)::int as unattributed,
           count(d.participant_id) filter (where d.is_active)::float / nullif((select size from directory), 0) as reach,
           percentile_cont(0.5) within group (order by d.minutes) filter (where d.participant_id is not null) / 60 as hours,
           count(d.participant_id) * percentile_cont(0.5) within group (order by d.minutes) filter (where d.participant_id is not null) / 60 as score,
           bit_or(d.kinds) as kinds
    from dev d
    group by d.theme_id
    order by score desc nulls last, affected_developers desc`;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

interface Row {
  case: string;
  samples: number[];
  baseline: number[];
}

async function measureQueries(db: Kysely<Database>, label: string): Promise<Row[]> {
  const team = await db.selectFrom('teams').select('id').orderBy('name').executeTakeFirstOrThrow();
  const cases = [
    { name: 'no filter', teamId: null },
    { name: 'team filter', teamId: team.id },
  ];
  // Same numbers both ways, or the comparison means nothing.
  for (const item of cases) {
    const bare = await bareInventorySql(item.teamId).execute(db);
    const ours = await rankForInventory(db, { filter: item.teamId ? { teamId: item.teamId } : {}, sort: 'score' });
    const scoreOf = new Map((bare.rows as { theme_id: string; score: number | null }[]).map((row) => [row.theme_id, row.score]));
    const mismatched = ours.themes.filter((theme) => Math.abs((theme.score ?? 0) - (scoreOf.get(theme.themeId) ?? 0)) > 1e-6);
    if (mismatched.length > 0 || bare.rows.length !== ours.themes.length) throw new Error(`${label} ${item.name}: the bare SQL and the inventory disagree`);
  }
  const rows: Row[] = cases.map((item) => ({ case: `${label}: inventory query, ${item.name}, first view after a write`, samples: [], baseline: [] }));
  const fromEvidence: Row = { case: `${label}: inventory query, no filter, after a write, aggregated from the evidence (before)`, samples: [], baseline: [] };
  const cached: Row = { case: `${label}: inventory query, no filter, nothing changed (cache)`, samples: [], baseline: [] };
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    for (const [index, item] of cases.entries()) {
      const baseline = await time(() => bareInventorySql(item.teamId).execute(db));
      await writeOneTag(db);
      const sample = await time(() => rankForInventory(db, { filter: item.teamId ? { teamId: item.teamId } : {}, sort: 'score' }));
      if (run >= WARMUP) {
        rows[index].baseline.push(baseline);
        rows[index].samples.push(sample);
      }
    }
    await writeOneTag(db);
    const before = await time(() => computeRanking(db, { filter: {}, today: todayIso(), source: 'evidence' }));
    await rankForInventory(db, { filter: {}, sort: 'score' }); // computed once after the last change
    const sample = await time(() => rankForInventory(db, { filter: {}, sort: 'score' }));
    if (run >= WARMUP) {
      fromEvidence.samples.push(before);
      fromEvidence.baseline.push(rows[0].baseline.at(-1)!);
      cached.samples.push(sample);
      cached.baseline.push(rows[0].baseline.at(-1)!);
    }
  }
  return [...rows, fromEvidence, cached];
}

/**
 * A write as a PM tagging evidence makes it: one item tagged into the largest theme, or untagged
 * from it, in turn. The cache must notice it and the theme's maintained figures are recomputed.
 */
async function writeOneTag(db: Kysely<Database>) {
  await sql`
    with target as (select id from themes where title = 'Pain theme 0001'),
         item as (select id from evidence order by id limit 1),
         removed as (delete from evidence_themes where evidence_id = (select id from item) and theme_id = (select id from target) returning 1)
    insert into evidence_themes (evidence_id, theme_id)
    select (select id from item), (select id from target) where not exists (select 1 from removed)`.execute(db);
}

/**
 * Server-rendered /inventory through the production server, signed in as a seeded admin: after
 * a change (computed) when the bench can write beside the server (PostgreSQL), and unchanged
 * (served from the inventory cache).
 */
async function measurePage(db: Kysely<Database>, env: Record<string, string>, label: string, closeFirst?: () => Promise<void>): Promise<Row[]> {
  const user = await db
    .insertInto('users')
    .values({ name: 'Bench', email: `bench-${Date.now()}@example.com`, password_hash: 'unused', role: 'admin' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = newToken();
  await db.insertInto('sessions').values({ id: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + 86_400_000) }).execute();
  const team = await db.selectFrom('teams').select('id').orderBy('name').executeTakeFirstOrThrow();
  // PostgreSQL: the baseline is interleaved with the page requests. PGlite serves one process, so
  // its baseline is measured just before the server takes the database.
  const baseline: number[][] = [[], []];
  const bare = async (index: number, run: number) => {
    const elapsed = await time(() => bareInventorySql(index === 0 ? null : team.id).execute(db));
    if (run >= WARMUP) baseline[index].push(elapsed);
  };
  if (closeFirst) {
    for (let run = 0; run < WARMUP + RUNS; run += 1) for (const index of [0, 1]) await bare(index, run);
  }
  await closeFirst?.();
  const port = await freePort();
  const server = spawnServer(NEXT, { ...env, NODE_ENV: 'production' }, port);
  try {
    await waitForOk(`${server.baseUrl}/api/trpc/health`, 180_000);
    const headers = { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` };
    const changed = closeFirst ? 'cache' : 'first view after a write';
    const rows: Row[] = [
      { case: `${label}: /inventory page, no filter, ${changed}`, samples: [], baseline: baseline[0] },
      { case: `${label}: /inventory page, team filter, ${changed}`, samples: [], baseline: baseline[1] },
    ];
    // Its baseline is the no-filter bare SQL: what the page would cost without the cache.
    if (!closeFirst) rows.push({ case: `${label}: /inventory page, no filter, nothing changed (cache)`, samples: [], baseline: baseline[0] });
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      for (const [index, query] of ['', `?teamId=${team.id}`, ''].slice(0, rows.length).entries()) {
        if (!closeFirst && index < 2) await bare(index, run);
        if (!closeFirst && index < 2) await writeOneTag(db);
        // The unchanged case: the page is rendered once after the last change, then timed.
        if (index === 2) await fetch(`${server.baseUrl}/inventory${query}`, { headers, redirect: 'manual' }).then((response) => response.text());
        const started = performance.now();
        const response = await fetch(`${server.baseUrl}/inventory${query}`, { headers, redirect: 'manual' });
        const body = await response.text();
        const elapsed = performance.now() - started;
        if (response.status !== 200 || !body.includes('Pain theme 0001')) throw new Error(`${label}: /inventory answered ${response.status}`);
        if (run >= WARMUP) rows[index].samples.push(elapsed);
      }
    }
    return rows;
  } finally {
    await server.stop();
  }
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function prepare(handle: DbHandle, label: string, size: InventorySize = BENCH_SIZE) {
  const started = performance.now();
  await migrateToLatest(handle.db);
  await seedInventory(handle.db, size);
  const counts = await sql<{ evidence: number; tags: number }>`select (select count(*) from evidence)::int as evidence, (select count(*) from evidence_themes)::int as tags`.execute(handle.db);
  console.log(`${label}: seeded ${size.developers} developers, ${size.themes} themes, ${counts.rows[0].evidence} evidence rows, ${counts.rows[0].tags} tags in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The first view after a write (no filter) at 1x, 3x and 10x the evidence of GROWTH_BASE, with the
 * developers and themes of the main size: one PostgreSQL database per size, median of the runs.
 */
async function measureGrowth(): Promise<void> {
  const points = [];
  for (const factor of GROWTH_FACTORS) {
    const size = { ...BENCH_SIZE, evidence: GROWTH_BASE * factor };
    const name = `${BENCH_DB}_growth`;
    await adminQuery(`drop database if exists ${name} with (force)`);
    await adminQuery(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await createDb({ kind: 'postgres', url: url.toString() });
    try {
      await prepare(handle, `PostgreSQL growth ${factor}x`, size);
      await rankForInventory(handle.db, { filter: {}, sort: 'score' });
      const samples: number[] = [];
      for (let run = 0; run < WARMUP + RUNS; run += 1) {
        await writeOneTag(handle.db);
        const sample = await time(() => rankForInventory(handle.db, { filter: {}, sort: 'score' }));
        if (run >= WARMUP) samples.push(sample);
      }
      points.push({ size: size.evidence, ms: median(samples) });
    } finally {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  }
  printGrowth('the inventory query, first view after a write (PostgreSQL, evidence rows)', points);
}

async function main() {
  if (WITH_PAGES && !fs.existsSync('.next/BUILD_ID')) throw new Error('Run `npm run build` first (or BENCH_PAGES=0).');
  const results: Row[] = [];

  await adminQuery(`drop database if exists ${BENCH_DB} with (force)`);
  await adminQuery(`create database ${BENCH_DB}`);
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  const postgres = await createDb({ kind: 'postgres', url: url.toString() });
  try {
    await prepare(postgres, 'PostgreSQL');
    results.push(...(await measureQueries(postgres.db, 'PostgreSQL')));
    if (WITH_PAGES) results.push(...(await measurePage(postgres.db, { DATABASE_URL: url.toString() }, 'PostgreSQL')));
  } finally {
    await postgres.close();
    await adminQuery(`drop database if exists ${BENCH_DB} with (force)`);
  }

  if (WITH_PGLITE) await measurePglite(results);

  const round = (value: number) => Math.round(value * 10) / 10;
  printTable(
    results.map((row) => ({
      case: row.case,
      'median ms': round(median(row.samples)),
      'p95 ms': round(percentile(row.samples, 95)),
      'bare SQL median ms': round(median(row.baseline)),
      'bare SQL p95 ms': round(percentile(row.baseline, 95)),
      'x bare (median)': Number((median(row.samples) / median(row.baseline)).toFixed(2)),
      'x bare (p95)': Number((percentile(row.samples, 95) / percentile(row.baseline, 95)).toFixed(2)),
    })),
  );
  console.log(
    `${RUNS} runs per case after ${WARMUP} warm-up runs; the bare SQL is measured in the same run, interleaved with each measurement (for the PGlite page: just before the server starts, as PGlite serves one process).`,
  );
  if (GROWTH_BASE > 0) await measureGrowth();
}

async function measurePglite(results: Row[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-bench-inventory-'));
  const dataDir = path.join(dir, 'pglite');
  let pglite: DbHandle | null = await createDb({ kind: 'pglite', dataDir });
  try {
    await prepare(pglite, 'PGlite');
    results.push(...(await measureQueries(pglite.db, 'PGlite')));
    const handle = pglite;
    if (WITH_PAGES) {
      results.push(
        ...(await measurePage(handle.db, { DATABASE_URL: '', FRICTIONLOG_DATA_DIR: dataDir }, 'PGlite', async () => {
          await handle.close();
          pglite = null;
        })),
      );
    }
  } finally {
    await pglite?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
