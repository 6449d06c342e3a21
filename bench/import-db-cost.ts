// What the database's share of a ticket import costs, piece by piece: the import bench's generated
// Jira CSV is turned into the COPY text the import sends (its own code: mapping, content hash,
// requester ids, categories), and that text is loaded with `psql \copy` into a table like
// `tickets` built up one piece at a time: typed columns only, + the primary key, + the unique
// (source, key) index, + the secondary indexes, + the foreign key to the import batch, + the one
// to the developer (= `tickets` as migrated). Each is printed as the database backend's CPU
// seconds and wall time beside `\copy` of the CSV into a staging table of text columns (the
// baseline of bench/import-tickets.ts), best of BENCH_RUNS, at three sizes (growth of the whole
// table's load is printed at the end). PostgreSQL must run on this machine (the backend's CPU is
// read from /proc through pg_read_file, which needs a superuser).
// Run:  npx tsx bench/import-db-cost.ts
//   BENCH_DATABASE_URL  a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
//                       a database frictionlog_dbcost_<pid> is created, migrated and dropped
//   BENCH_SIZES         rows, comma-separated (default 10000,30000,100000: 1x/3x/10x)
//   BENCH_RUNS          runs per table, the best is printed (default 3)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDb } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import { compileMapping, hashTicket, mapCsvRow } from '@/server/imports/map-ticket-row';
import { RequesterMatcher } from '@/server/imports/match-requesters';
import { decodeText, readCsvRows } from '@/server/imports/read-records';
import { ticketBytesOf } from '@/server/imports/service-tickets';
import { suggestMapping } from '@/server/imports/ticket-formats';
import { compileRules } from '@/server/tickets/categorize';
import { bulkIssues, byteChunks, csvCell, jiraHeader, jiraRow } from '@/test/helpers/ticket-exports';
import { cpuSeconds, printGrowth, printTable, type GrowthPoint } from './lib';

const SIZES = (process.env.BENCH_SIZES ?? '10000,30000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUT = path.join(process.cwd(), 'bench', 'out');
const CSV_FILE = path.join(OUT, 'dbcost.csv');
const COPY_FILE = path.join(OUT, 'dbcost.copy');
const PEOPLE_FILE = path.join(OUT, 'dbcost.people');
let ROWS = SIZES[0];
const BATCH_ID = '00000000-0000-4000-8000-000000000001';
const COLUMNS =
  'external_key, title, title_norm, body, status, export_category, category, labels, components, comments, ' +
  'requester_name, requester_email, opened_at, resolved_at, content_hash, participant_id, source, inserted_batch_id';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `frictionlog_dbcost_${process.pid}`;
const url = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();

/** The CSV, the COPY text the import would send for it and the developers it would create. */
async function writeFiles(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const lines = [`\uFEFF${jiraHeader().map(csvCell).join(',')}`];
  for (const issue of bulkIssues(ROWS, { seed: 2026 })) lines.push(jiraRow(issue).map(csvCell).join(','));
  const csv = Buffer.from(`${lines.join('\r\n')}\r\n`);
  fs.writeFileSync(CSV_FILE, csv);
  const matcher = new RequesterMatcher([]);
  const rules = compileRules([]);
  const suffix = Buffer.from(`\tjira\t${BATCH_ID}\n`);
  const copy = fs.openSync(COPY_FILE, 'w');
  let compiled: ReturnType<typeof compileMapping>['compiled'];
  for await (const { row, cells } of readCsvRows(decodeText(byteChunks(csv)))) {
    if (!compiled) {
      const header = cells.map((cell) => cell.trim());
      compiled = compileMapping('jira', header, suggestMapping('jira', header)).compiled!;
      continue;
    }
    const { record } = mapCsvRow(compiled, cells, row);
    if (!record) throw new Error(`row ${row} does not map`);
    const participantId = matcher.resolve(record.requesterName, record.requesterEmail);
    fs.writeSync(copy, Buffer.concat([ticketBytesOf(record, hashTicket(record), rules, participantId), suffix]));
  }
  fs.closeSync(copy);
  const people = matcher.takeNew().map((person) => `${person.id}\t${person.displayName.replace(/[\t\\]/g, ' ')}\n`);
  fs.writeFileSync(PEOPLE_FILE, people.join(''));
}

function psql(...commands: string[]): string {
  return execFileSync('psql', [url, '-qtA', '-v', 'ON_ERROR_STOP=1', ...commands.flatMap((command) => ['-c', command])]).toString();
}

/** Best of RUNS: `\copy` of `file` into `table` (emptied first), timed, with its backend's CPU. */
function load(table: string, copy: string): { seconds: number; cpu: number } {
  let best = { seconds: Infinity, cpu: Infinity };
  for (let run = 0; run < RUNS; run += 1) {
    psql(`truncate ${table} cascade`);
    const started = performance.now();
    const stat = psql(copy, `select pg_read_file('/proc/' || pg_backend_pid() || '/stat')`);
    const seconds = (performance.now() - started) / 1000;
    const count = Number(psql(`select count(*) from ${table}`).trim());
    if (count !== ROWS) throw new Error(`${table}: ${count} rows loaded, expected ${ROWS}`);
    if (seconds < best.seconds) best = { seconds, cpu: cpuSeconds(stat.trim()) };
  }
  return best;
}

/** The tables of one size, each loaded RUNS times; returns the load of `tickets` as migrated. */
async function measureSize(admin: pg.Client): Promise<GrowthPoint> {
  console.log(`\nWriting ${ROWS.toLocaleString('en')} rows as CSV and as the import's COPY text…`);
  await writeFiles();
  await admin.query(`create database ${database}`);
  try {
    const handle = await createDb({ kind: 'postgres', url });
    await migrateToLatest(handle.db);
    await handle.close();
    psql(
      `insert into import_batches (id, kind, format, source, file_name, status, via) values ('${BATCH_ID}', 'tickets', 'jira', 'jira', 'bench', 'running', 'api')`,
      'create table bench_people (id uuid, name text)',
      `\\copy bench_people from '${PEOPLE_FILE}'`,
      `insert into participants (id, display_name, origin) select id, name, 'ticket-requester' from bench_people`,
      `create table jira_staging (${jiraHeader().map((_, index) => `c${index + 1} text`).join(', ')})`,
    );
    const results: { table: string; seconds: number; cpu: number }[] = [];
    const measure = (table: string, name: string, copy: string) => results.push({ table, ...load(name, copy) });
    measure('baseline: the CSV into a staging table of text columns', 'jira_staging', `\\copy jira_staging from '${CSV_FILE}' with (format csv, header true, encoding 'UTF8')`);
    const ticketsCopy = (name: string) => `\\copy ${name} (${COLUMNS}) from '${COPY_FILE}'`;
    psql('create table bench_tickets (like tickets including defaults)');
    measure('typed columns as tickets, no index, no foreign key', 'bench_tickets', ticketsCopy('bench_tickets'));
    psql('alter table bench_tickets add primary key (id)');
    measure('+ primary key (random UUIDs)', 'bench_tickets', ticketsCopy('bench_tickets'));
    psql('alter table bench_tickets add unique (source, external_key)');
    measure('+ unique (source, key): what makes a re-import idempotent', 'bench_tickets', ticketsCopy('bench_tickets'));
    psql(
      'create index on bench_tickets (opened_at)',
      'create index on bench_tickets (category)',
      'create index on bench_tickets (participant_id)',
      'create index on bench_tickets (inserted_batch_id)',
      'create index on bench_tickets (updated_batch_id) where updated_batch_id is not null',
    );
    measure('+ indexes on opened_at, category, developer, batch', 'bench_tickets', ticketsCopy('bench_tickets'));
    psql('alter table bench_tickets add foreign key (inserted_batch_id) references import_batches (id) on delete set null');
    measure('+ foreign key to the import batch', 'bench_tickets', ticketsCopy('bench_tickets'));
    measure('+ foreign key to the developer: tickets as migrated', 'tickets', ticketsCopy('tickets'));
    const base = results[0];
    console.log(`\nThe database's share of importing ${ROWS.toLocaleString('en')} tickets (best of ${RUNS}; x = ratio to the baseline's CPU)`);
    printTable(
      results.map((result) => ({
        table: result.table,
        'wall s': Number(result.seconds.toFixed(2)),
        'backend CPU s': result.cpu,
        'x baseline CPU': Number((result.cpu / base.cpu).toFixed(2)),
      })),
    );
    return { size: ROWS, ms: results[results.length - 1].seconds * 1000 };
  } finally {
    await admin.query(`drop database if exists ${database} with (force)`);
  }
}

async function main() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const points: GrowthPoint[] = [];
    for (const size of SIZES) {
      ROWS = size;
      points.push(await measureSize(admin));
    }
    printGrowth('\\copy into tickets as migrated', points);
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
