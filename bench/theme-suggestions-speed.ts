// How fast theme suggestions are ready for 10,000 untagged evidence items on PostgreSQL: the
// inbox's whole computation (read the themes' evidence and the untagged items, fit, group; each run
// follows a write, so nothing is cached) next to the bare read of the same rows measured in the same
// run, then one inbox page served from the cache when nothing changed; where the time goes (the
// reads alone, and this process's CPU time); and the growth at 1x/3x/10x of a tenth of the untagged
// items (printGrowth). The texts are the coded survey answers
// of test/fixtures/coded/, 40 of them tagged per theme, the rest repeated with a running number.
// Run:  npx tsx bench/theme-suggestions-speed.ts
// (BENCH_DATABASE_URL names the database; a throwaway schema is created in it and dropped.
//  BENCH_UNTAGGED, BENCH_RUNS.)
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { createDb } from '@/db/create-db';
import type { Db } from '@/server/db';
import { migrateToLatest } from '@/db/migrator';
import { getThemeSuggestions } from '@/server/themes/service-suggestions';
import { parseCodedCsv } from '@/server/themes/suggestion-quality';
import * as themeQueries from '@/server/themes/queries-suggestions';
import { GROWTH_FACTORS, median, percentile, printGrowth, type GrowthPoint } from './lib';

const UNTAGGED = Number(process.env.BENCH_UNTAGGED ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TAGGED_PER_THEME = 40;
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  const folder = path.join(process.cwd(), 'test/fixtures/coded');
  const coded = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .flatMap((name) => parseCodedCsv(fs.readFileSync(path.join(folder, name), 'utf8')).map((item) => ({ ...item, file: name })));
  const schema = `bench_suggest_${randomBytes(4).toString('hex')}`;
  const admin = await createDb({ kind: 'postgres', url, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const handle = await createDb({ kind: 'postgres', url, searchPath: `${schema},public`, poolSize: 4 });
  try {
    await migrateToLatest(handle.db, { schema });
    const db = handle.db;
    const themeIds = new Map<string, string>();
    const tagged = new Map<string, number>();
    const untagged: string[] = [];
    for (const item of coded) {
      const key = `${item.file}:${item.themes[0]}`;
      if ((tagged.get(key) ?? 0) < TAGGED_PER_THEME) {
        if (!themeIds.has(key)) {
          const theme = await db.insertInto('themes').values({ title: item.themes[0].replace(/_/g, ' ') }).returning('id').executeTakeFirstOrThrow();
          themeIds.set(key, theme.id);
        }
        tagged.set(key, (tagged.get(key) ?? 0) + 1);
        const row = await db
          .insertInto('evidence')
          .values({ source_kind: 'survey', source_id: crypto.randomUUID(), source_path: '/bench', excerpt: item.text.slice(0, 5000) })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('evidence_themes').values({ evidence_id: row.id, theme_id: themeIds.get(key)! }).execute();
      } else untagged.push(item.text.slice(0, 4990));
    }
    const makeRows = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, offset) => ({
        source_kind: 'survey' as const,
        source_id: crypto.randomUUID(),
        source_path: '/bench',
        excerpt: `${untagged[(from + offset) % untagged.length]} (#${from + offset + 1})`,
      }));
    const growth: GrowthPoint[] = [];
    let inserted = 0;
    for (const factor of GROWTH_FACTORS) {
      const size = Math.round((UNTAGGED / 10) * factor);
      const rows = makeRows(inserted, size);
      for (let start = 0; start < rows.length; start += 1000) await db.insertInto('evidence').values(rows.slice(start, start + 1000)).execute();
      inserted = size;
      await sql`analyze`.execute(db);
      console.log(`\n${themeIds.size} themes, ${[...tagged.values()].reduce((a, b) => a + b, 0)} tagged and ${size} untagged evidence items (load average ${os.loadavg()[0].toFixed(1)})`);
      const result = await measure(db, size === UNTAGGED);
      growth.push({ size, ms: result });
    }
    printGrowth('computing the suggestions (read, fit all, group)', growth);
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
    await handle.close();
  }
}

/** Measures the inbox's computation at the current size; prints the details; returns its median. */
async function measure(db: Db, detailed: boolean): Promise<number> {
  const bare: number[] = [];
  const reads: number[] = [];
  const full: number[] = [];
  const cached: number[] = [];
  const cpu: number[] = [];
  let groups = 0;
  let withFit = 0;
  // The inbox's first page: the newest 50 untagged items, as the page asks.
  const pageIds = (
    await sql<{ id: string }>`select e.id from evidence e where not exists (select 1 from evidence_themes et where et.evidence_id = e.id) order by e.created_at desc, e.id limit 50`.execute(db)
  ).rows.map((row) => row.id);
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    await sql`select e.id, e.excerpt from evidence e where not exists (select 1 from evidence_themes et where et.evidence_id = e.id)`.execute(db);
    await sql`select et.theme_id, e.excerpt from evidence_themes et join evidence e on e.id = et.evidence_id`.execute(db);
    bare.push(performance.now() - started);
    // The reads the computation makes, alone (as it makes them: at once).
    started = performance.now();
    await Promise.all([
      themeQueries.listThemeExamples(db, { perTheme: 300 }),
      themeQueries.listUntaggedExcerpts(db, { limit: 20_000 }),
      themeQueries.listDismissals(db),
    ]);
    reads.push(performance.now() - started);
    // A write to the inventory's inputs first, so the suggestions are computed, not served from cache.
    await sql`insert into inventory_changes default values`.execute(db);
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await getThemeSuggestions(db, { evidenceIds: pageIds });
    full.push(performance.now() - started);
    const cpuUsed = process.cpuUsage(cpuBefore);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    started = performance.now();
    await getThemeSuggestions(db, { evidenceIds: pageIds });
    cached.push(performance.now() - started);
    groups = result.groups.length;
    withFit = result.fits.filter((item) => item.fits.length > 0).length;
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(`bare read of the same rows:  median ${ms(median(bare))}  p95 ${ms(percentile(bare, 95))}`);
  console.log(
    `suggestions for the inbox's first page (read, fit all, group): median ${ms(median(full))}  p95 ${ms(percentile(full, 95))}  ` +
      `(${(median(full) / Math.max(1, median(bare))).toFixed(1)}x the bare read; target under 2000 ms)`,
  );
  console.log(`  of which the reads it makes, alone: median ${ms(median(reads))}`);
  console.log(`  CPU time in this process (model, groups, and decoding the rows): median ${ms(median(cpu))}`);
  if (detailed) {
    console.log(`one inbox page (50 items) when nothing changed (cached): median ${ms(median(cached))}  p95 ${ms(percentile(cached, 95))}`);
    console.log(`${withFit} of the page's ${pageIds.length} items have a fit; ${groups} proposed groups`);
  }
  return median(full);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
