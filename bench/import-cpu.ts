// CPU and garbage of a ticket import's per-row server work, without a database or a server: a
// generated Jira CSV (the generator bench/import-tickets.ts uses, same seed) held in memory as
// 64 KB byte chunks is run through the import's own code in stages, each including the one
// before: the tokenizer alone (decoding + CSV rows: the baseline every ratio is against), then +
// mapping each row to a ticket record (mapCsvRow), then + the content hash and the repeat check
// (hashTicket, SeenKeys), then + the rows as written (requester matching, categories, normalised
// titles, COPY text: ticketBytesOf) and their COPY lines (copyNewTickets into a function that only
// counts them), in batches of WRITE_BATCH_ROWS (held as the import holds them: one text per row). A plain `split` of the text into
// lines and cells is printed for scale. CPU seconds are this process's (process.cpuUsage), best of
// 3 runs per stage; garbage collection is counted through a PerformanceObserver (collections and
// their wall-clock milliseconds, of the best run: these swing with the machine's load). Single
// process, one core; no build needed.
// Run:  npx tsx bench/import-cpu.ts
//   BENCH_SIZES  rows, comma-separated (default 10000,30000,100000)
//   BENCH_RUNS   runs per stage, the best is printed (default 3)
//   BENCH_BATCH_ROWS  rows held before they are written (default the import's WRITE_BATCH_ROWS)
import { PerformanceObserver } from 'node:perf_hooks';
import { compileMapping, hashTicket, mapCsvRow } from '@/server/imports/map-ticket-row';
import { RequesterMatcher } from '@/server/imports/match-requesters';
import { decodeText, readCsvRows } from '@/server/imports/read-records';
import { SeenKeys } from '@/server/imports/seen-keys';
import { ticketBytesOf, WRITE_BATCH_ROWS } from '@/server/imports/service-tickets';
import { suggestMapping } from '@/server/imports/ticket-formats';
import { compileRules } from '@/server/tickets/categorize';
import { copyNewTickets, type PendingTicket } from '@/server/tickets/queries';
import { bulkIssues, byteChunks, csvCell, jiraHeader, jiraRow } from '@/test/helpers/ticket-exports';

const SIZES = (process.env.BENCH_SIZES ?? '10000,30000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH_ROWS = Number(process.env.BENCH_BATCH_ROWS ?? WRITE_BATCH_ROWS);

function jiraText(rows: number): Buffer {
  const lines = [`\uFEFF${jiraHeader().map(csvCell).join(',')}`];
  for (const issue of bulkIssues(rows, { seed: 2026 })) lines.push(jiraRow(issue).map(csvCell).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

type Stage = 'tokenize' | 'map' | 'hash' | 'copy';
const STAGES: Stage[] = ['tokenize', 'map', 'hash', 'copy'];
const LABELS: Record<Stage, string> = {
  tokenize: 'tokenize (baseline)',
  map: '+ map rows',
  hash: '+ hash, repeat check',
  copy: '+ rows as COPY bytes',
};

/** Runs the import's per-row work up to `stage`; returns a checksum so nothing is optimised away. */
async function pipeline(bytes: Buffer, stage: Stage): Promise<number> {
  let check = 0;
  let compiled: ReturnType<typeof compileMapping>['compiled'];
  const seen = new SeenKeys();
  const matcher = new RequesterMatcher([]);
  const rules = compileRules([]);
  let pending: PendingTicket[] = [];
  const write = async () => {
    matcher.takeNew();
    await copyNewTickets(async (_statement, rows) => {
      check += rows.length;
    }, { source: 'jira', batchId: '00000000-0000-0000-0000-000000000000', rows: pending });
    pending = [];
  };
  for await (const { row, cells } of readCsvRows(decodeText(byteChunks(bytes)))) {
    if (stage === 'tokenize') {
      check += cells.length;
      continue;
    }
    if (!compiled) {
      const header = cells.map((cell) => cell.trim());
      compiled = compileMapping('jira', header, suggestMapping('jira', header)).compiled!;
      continue;
    }
    const mapped = mapCsvRow(compiled, cells, row);
    if (!mapped.record) throw new Error(`row ${row}: ${mapped.problems[0].message}`);
    if (stage === 'map') {
      check += mapped.record.labels.length;
      continue;
    }
    const hash = hashTicket(mapped.record);
    if (seen.firstOrAdd(mapped.record.externalKey, row, hash)) throw new Error(`row ${row} repeats`);
    if (stage === 'hash') continue;
    const { record } = mapped;
    pending.push({ bytes: ticketBytesOf(record, hash, rules, matcher.resolve(record.requesterName, record.requesterEmail)) });
    if (pending.length >= BATCH_ROWS) await write();
  }
  if (pending.length > 0) await write();
  return check;
}

function plainSplit(bytes: Buffer): number {
  let check = 0;
  for (const line of bytes.toString('utf8').split('\r\n')) check += line.split(',').length;
  return check;
}

const gc = { count: 0, ms: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count += 1;
    gc.ms += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

interface Measure {
  cpu: number;
  gcCount: number;
  gcMs: number;
}

async function measure(run: () => Promise<unknown> | unknown): Promise<Measure> {
  let best: Measure | null = null;
  for (let index = 0; index < RUNS; index += 1) {
    await settle();
    const gcBefore = { ...gc };
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    await settle();
    const result = { cpu: (used.user + used.system) / 1e6, gcCount: gc.count - gcBefore.count, gcMs: gc.ms - gcBefore.ms };
    if (!best || result.cpu < best.cpu) best = result;
  }
  return best!;
}

async function main() {
  console.log(`Import per-row CPU without a database (node ${process.version}; best of ${RUNS}; CPU s, x = ratio to tokenizing the same file)`);
  for (const rows of SIZES) {
    const bytes = jiraText(rows);
    console.log(`\n${rows.toLocaleString('en')} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
    const split = await measure(() => plainSplit(bytes));
    let base = 0;
    console.log(`  ${'stage'.padEnd(24)} ${'CPU s'.padStart(7)} ${'x'.padStart(6)} ${'µs/row'.padStart(7)} ${'GCs'.padStart(5)} ${'GC ms'.padStart(7)}`);
    const print = (label: string, result: Measure) =>
      console.log(
        `  ${label.padEnd(24)} ${result.cpu.toFixed(3).padStart(7)} ${(result.cpu / base).toFixed(2).padStart(6)} ${((result.cpu / rows) * 1e6).toFixed(1).padStart(7)} ${String(result.gcCount).padStart(5)} ${result.gcMs.toFixed(0).padStart(7)}`,
      );
    for (const stage of STAGES) {
      const result = await measure(() => pipeline(bytes, stage));
      if (stage === 'tokenize') {
        base = result.cpu;
        print('plain split (scale)', split);
      }
      print(LABELS[stage], result);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
