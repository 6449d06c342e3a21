// Cold start of the production server to its first successful page (/setup), with the server's
// peak memory: on an existing PGlite folder, on PostgreSQL, and on a brand-new PGlite folder.
// Baseline measured in the same run: a bare Node.js HTTP server's start to first response. A new
// folder starts from the migrated template that `npm run build` makes (db/pglite-template.ts).
// Growth: an existing folder with 1x/3x/10x rows (BENCH_GROWTH_ROWS teams at 1x, default 20,000).
// First, one start of each PGlite case step by step (FRICTIONLOG_STARTUP_TIMES=1; BENCH_STEPS_ONLY=1
// stops there). Run after `npm run build`:  npx tsx bench/cold-start.ts   (BENCH_DATABASE_URL for PostgreSQL)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb } from '@/db/create-db';
import { freePort, GROWTH_FACTORS, median, peakMemoryMb, printGrowth, printTable, spawnServer, waitForOk } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Rows in the existing folder at 1x for the growth check (10x is ten times as many). */
const GROWTH_BASE_ROWS = Number(process.env.BENCH_GROWTH_ROWS ?? 20_000);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NEXT = [process.execPath, 'node_modules/next/dist/bin/next', 'start'];

async function measure(command: string[], env: Record<string, string>, urlPath: string) {
  const port = await freePort();
  const server = spawnServer(command, env, port);
  try {
    const ms = await waitForOk(`${server.baseUrl}${urlPath}`);
    return { ms, peakMb: peakMemoryMb(server.child.pid!) };
  } finally {
    await server.stop();
  }
}

/**
 * Where the time goes: one start with FRICTIONLOG_STARTUP_TIMES=1, printing each step of the
 * start-up path (ms since the server process started, from its own marks and Next.js's "Ready"),
 * then the first page as seen from here (ms since spawn).
 */
async function breakdown(label: string, env: Record<string, string>) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(NEXT[0], NEXT.slice(1), { env: { ...process.env, ...env, PORT: String(port), FRICTIONLOG_STARTUP_TIMES: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  try {
    const ms = await waitForOk(`http://localhost:${port}/setup`);
    const steps = output.split('\n').filter((line) => /Frictionlog startup:|Ready in/.test(line));
    console.log(`${label}, step by step:\n  ${steps.map((line) => line.trim()).join('\n  ')}\n  first page /setup answered ${Math.round(performance.now() - started)} ms after spawn (${Math.round(ms)} ms of polling)`);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const benchDatabase = `frictionlog_bench_${process.pid}`;

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** A new empty database: the first PostgreSQL run migrates it, later runs find it migrated. */
async function freshPostgresDatabase(): Promise<string> {
  await adminQuery(`drop database if exists ${benchDatabase}`);
  await adminQuery(`create database ${benchDatabase}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${benchDatabase}`;
  return url.toString();
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('Run `npm run build` first.');
  const bare = [process.execPath, '-e', "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT)"];
  const results: { case: string; ms: number[]; peakMb: number[] }[] = [];
  const record = (label: string, sample: { ms: number; peakMb: number }) => {
    let row = results.find((entry) => entry.case === label);
    if (!row) results.push((row = { case: label, ms: [], peakMb: [] }));
    row.ms.push(sample.ms);
    row.peakMb.push(sample.peakMb);
  };

  const stepsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-bench-'));
  const stepsEnv = { FRICTIONLOG_DATA_DIR: path.join(stepsDir, 'pglite'), DATABASE_URL: '' };
  await breakdown('new PGlite folder', stepsEnv);
  await breakdown('existing PGlite folder', stepsEnv);
  fs.rmSync(stepsDir, { recursive: true, force: true });
  if (process.env.BENCH_STEPS_ONLY === '1') return;

  const pgUrl = await freshPostgresDatabase();
  for (let run = 0; run < RUNS; run += 1) {
    record('baseline: bare node http server', await measure(bare, {}, '/'));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-bench-'));
    const pgliteEnv = { FRICTIONLOG_DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' };
    record('new PGlite folder', await measure(NEXT, pgliteEnv, '/setup'));
    record('existing PGlite folder', await measure(NEXT, pgliteEnv, '/setup'));
    fs.rmSync(dir, { recursive: true, force: true });

    record('PostgreSQL', await measure(NEXT, { DATABASE_URL: pgUrl }, '/setup'));
  }

  // Growth: an existing folder holding 1x, 3x and 10x the rows starts in about the same time
  // (nothing at start-up reads the data).
  const growth: { size: number; ms: number }[] = [];
  for (const factor of GROWTH_FACTORS) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-bench-'));
    const dataDir = path.join(dir, 'pglite');
    const env = { FRICTIONLOG_DATA_DIR: dataDir, DATABASE_URL: '' };
    await measure(NEXT, env, '/setup');
    const rows = GROWTH_BASE_ROWS * factor;
    const handle = await createDb({ kind: 'pglite', dataDir });
    await handle.pglite!.exec(`insert into teams (name) select 'Team ' || n from generate_series(1, ${rows}) as n`);
    await handle.close();
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) samples.push((await measure(NEXT, env, '/setup')).ms);
    growth.push({ size: rows, ms: median(samples) });
    fs.rmSync(dir, { recursive: true, force: true });
  }

  await adminQuery(`drop database if exists ${benchDatabase}`);
  const baseline = median(results[0].ms);
  printTable(
    results.map((row) => ({
      case: row.case,
      'median ms': Math.round(median(row.ms)),
      'x baseline': Number((median(row.ms) / baseline).toFixed(1)),
      'peak RSS MB': Math.max(...row.peakMb),
    })),
  );
  printGrowth('an existing PGlite folder: start to first page, by rows in the folder', growth);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
