// Shared helpers for benchmarks: start the production server, sample its memory, summarise
// timings. Benchmarks print numbers; they never fail on timing.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
export { freePort } from '@/test/helpers/net';

/** Peak resident memory (VmHWM) of a process and all its descendants, in MB. */
export function peakMemoryMb(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      const status = fs.readFileSync(`/proc/${id}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) total += Number(match[1]) / 1024;
      const children = fs.readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim();
      for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // The process ended while we looked: it has nothing more to count.
      return;
    }
  };
  visit(pid);
  return Math.round(total);
}

export interface Server {
  child: ChildProcess;
  baseUrl: string;
  stop: () => Promise<void>;
}

/** Starts a server; its output goes to the file BENCH_SERVER_LOG names (e.g. with --trace-gc), else nowhere. */
export function spawnServer(command: string[], env: Record<string, string>, port: number): Server {
  const log = process.env.BENCH_SERVER_LOG ? fs.openSync(process.env.BENCH_SERVER_LOG, 'a') : 'ignore';
  const child = spawn(command[0], command.slice(1), { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', log, log] });
  if (typeof log === 'number') fs.closeSync(log);
  return {
    child,
    baseUrl: `http://localhost:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Milliseconds from now until `url` answers with a 2xx status. */
export async function waitForOk(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status >= 200 && response.status < 300) {
        await response.arrayBuffer();
        return performance.now() - started;
      }
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** CPU seconds (user + system) a process has used, from the text of /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values: number[]) => percentile(values, 50);

export function printTable(rows: Record<string, string | number>[]): void {
  console.table(rows);
}

/**
 * Growth check of issue 19: the same figure measured at several data sizes (1x, 3x, 10x of a
 * benchmark's data), printed as the ratio of times beside the ratio of sizes. Time may grow at most
 * as fast as the data ("10x the data, at most 10x the time"); the table says which sizes hold.
 */
export interface GrowthPoint {
  size: number;
  ms: number;
}

export const GROWTH_FACTORS = [1, 3, 10] as const;

export function printGrowth(figure: string, points: GrowthPoint[]): void {
  const [base] = points;
  if (!base) return;
  console.log(`\nGrowth of ${figure} (time ratio must stay at or under size ratio):`);
  printTable(
    points.map((point) => {
      const sizeRatio = point.size / base.size;
      const timeRatio = base.ms > 0 ? point.ms / base.ms : 0;
      return {
        size: point.size,
        'ms (median)': Math.round(point.ms * 10) / 10,
        'x size': Math.round(sizeRatio * 100) / 100,
        'x time': Math.round(timeRatio * 100) / 100,
        holds: timeRatio <= sizeRatio * 1.0001 ? 'yes' : 'NO',
      };
    }),
  );
}
