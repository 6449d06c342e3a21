// Requests per workspace page view in Chromium: every request the page makes, and the server
// renders among them (React Server Component requests: prefetches of other pages), before and
// after the sidebar's links prefetch only on intent. "Before" is a production build of the code
// before the change in BENCH_BEFORE_DIR (a project folder with its own `.next`); "after" is this
// worktree's build. Then one hover over a sidebar link, which must prefetch that one page.
// Run after `npx next build`:  BENCH_BEFORE_DIR=/path/to/old npx tsx bench/prefetch.ts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page, type Request } from 'playwright-core';
import { freePort, median, printTable, waitForOk } from './lib';

const PAGES = ['/', '/interviews', '/themes', '/inventory', '/metrics', '/surveys'];
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const SETTLE_MS = 3_000;
const ADMIN = { name: 'Bench Admin', email: 'bench@example.com', password: 'bench password 1' };

/** A request for a page's server render (navigation payload or prefetch), not a file or an API call. */
const isServerRender = (request: Request) => request.headers()['rsc'] === '1' || new URL(request.url()).searchParams.has('_rsc');

async function startServer(projectDir: string) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-bench-prefetch-'));
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', projectDir, '-p', String(port)], {
    env: { ...process.env, NODE_ENV: 'production', FRICTIONLOG_DATA_DIR: path.join(dataDir, 'pglite'), DATABASE_URL: '', PUBLIC_URL: `http://localhost:${port}` },
    stdio: 'ignore',
  });
  const baseUrl = `http://localhost:${port}`;
  await waitForOk(`${baseUrl}/api/trpc/health`);
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the page and counts what it asks for until it has been quiet for a while. */
async function countPageView(page: Page, url: string) {
  const requests: Request[] = [];
  const onRequest = (request: Request) => requests.push(request);
  page.on('request', onRequest);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(SETTLE_MS);
  page.off('request', onRequest);
  // The document itself is the page view; everything after it is what the view started.
  return { all: requests.length, renders: requests.filter((request) => isServerRender(request)).length };
}

async function measure(label: string, projectDir: string) {
  const server = await startServer(projectDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${server.baseUrl}/setup`);
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Work email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(`${server.baseUrl}/`);

    const all: number[] = [];
    const renders: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      for (const pathname of PAGES) {
        const counts = await countPageView(page, `${server.baseUrl}${pathname}`);
        all.push(counts.all);
        renders.push(counts.renders);
      }
    }
    // Intent: one hover over a sidebar link should start exactly the render of that one page.
    await countPageView(page, `${server.baseUrl}/`);
    let hoverRenders = 0;
    page.on('request', (request) => (hoverRenders += isServerRender(request) ? 1 : 0));
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Themes' }).hover();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(SETTLE_MS);
    return {
      build: label,
      'page views': all.length,
      'requests per view (median)': median(all),
      'server renders per view (median)': median(renders),
      'server renders per view (max)': Math.max(...renders),
      'renders after hovering one link': hoverRenders,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('Run `npx next build` first.');
  const rows = [];
  const before = process.env.BENCH_BEFORE_DIR;
  if (before) {
    if (!fs.existsSync(path.join(before, '.next', 'BUILD_ID'))) throw new Error(`BENCH_BEFORE_DIR has no production build: ${before}/.next`);
    rows.push(await measure('before (viewport prefetch)', path.resolve(before)));
  } else {
    console.log('BENCH_BEFORE_DIR is not set: measuring this build only.');
  }
  rows.push(await measure('after (prefetch on intent)', process.cwd()));
  console.log(`Pages: ${PAGES.join(', ')} at 1280x800, ${RUNS} rounds, each view counted until ${SETTLE_MS} ms after the network went idle.`);
  printTable(rows);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
