// Tickets and post-mortems in Chromium: upload a Jira CSV and watch the progress, read the report,
// open the repeat questions, turn the staging-database cluster into evidence of a theme and see
// the theme's numbers change; import the real post-mortems, flag one and save a contributing
// factor as evidence; bad files are refused with a clear message; an import is rolled back; a Jira
// export without Created and an API dump with repeated pages import, and their reports say so.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkIssues, helpDeskIssues, jiraCsv, STAGING_QUESTION } from '@/test/helpers/ticket-exports';
import { FIXTURES, zipFixture } from '@/test/helpers/uploads';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot, watchPage } from './helpers/browser';
import { createThemeInPicker, pickTheme } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  problems = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const THEME = 'Getting staging database access takes days';

describe('tickets and post-mortems', () => {
  it('imports a Jira export with a progress bar and a report', async () => {
    await page.goto(app.baseUrl);
    await page.waitForURL(/\/setup$/);
    await page.getByLabel('Your name').fill('Priya Platform');
    await page.getByLabel('Work email').fill('priya@example.com');
    await page.getByLabel('Password').fill('admin password 1');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(`${app.baseUrl}/`);

    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    await page.getByRole('heading', { name: 'No tickets yet' }).waitFor();
    await checkPage(page, 'tickets-01-empty');
    await page.getByRole('link', { name: 'Import a ticket export' }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByRole('heading', { name: 'Nothing imported yet' }).waitFor();
    await checkPage(page, 'tickets-02-imports-empty');

    // A PNG is refused with a message, before anything is sent.
    await page.locator('input[type=file]').setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex') });
    await page.getByText('This file is not a CSV or JSON export (it contains binary data).').waitFor();

    const issues = [...helpDeskIssues(), ...bulkIssues(1500, { topics: ['Grafana dashboards', 'preview environments', 'artifact registry limits'] })];
    const csv = jiraCsv(issues);
    await page.locator('input[type=file]').setInputFiles({ name: 'platform-helpdesk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('This looks like a Jira CSV export.').waitFor();
    await page.getByRole('cell', { name: 'PLAT-101', exact: true }).waitFor();
    expect(await page.getByLabel('Labels').inputValue()).toBe('Labels');
    await checkPage(page, 'tickets-03-preview');

    // Slow the upload down so the progress bar is there to watch.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
    await page.getByRole('button', { name: /^Import platform-helpdesk\.csv/ }).click();
    const bar = page.getByRole('progressbar', { name: 'Upload and import progress' });
    await bar.waitFor({ timeout: 60_000 });
    await screenshot(page, 'tickets-04-progress');
    await page.getByText(`Imported ${issues.length.toLocaleString('en')} rows: ${issues.length.toLocaleString('en')} new, 0 updated, 0 unchanged.`).waitFor({ timeout: 120_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await checkPage(page, 'tickets-05-report');

    // The same file again changes nothing.
    await page.locator('input[type=file]').setInputFiles({ name: 'platform-helpdesk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /^Import platform-helpdesk\.csv/ }).click();
    await page.getByText(`Imported ${issues.length.toLocaleString('en')} rows: 0 new, 0 updated, ${issues.length.toLocaleString('en')} unchanged.`).waitFor({ timeout: 120_000 });
  });

  it('turns the repeat question into evidence of a theme and shows the theme numbers change', async () => {
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    await page.waitForURL(/\/tickets$/);
    const cluster = page.getByRole('listitem').filter({ hasText: `${STAGING_QUESTION} — asked 37 times by 29 developers` });
    await cluster.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'tickets-06-failed');
      throw error;
    });
    await checkPage(page, 'tickets-06-overview');

    // One ticket first: the theme starts with one affected developer.
    await page.getByLabel('Search titles and keys').fill('PLAT-101');
    await page.getByLabel('Select PLAT-101').check();
    await page.getByRole('button', { name: 'Turn 1 selected into evidence' }).click();
    const dialog = page.getByRole('dialog');
    await createThemeInPicker(dialog, THEME);
    await checkPage(page, 'tickets-07-evidence-dialog');
    await dialog.getByRole('button', { name: 'Save 1 as evidence' }).click();
    await cluster.getByText(`Evidence of ${THEME}: 1 affected developers`).waitFor({ timeout: 60_000 });

    // Then the whole cluster into the same theme: 29 affected developers.
    await cluster.getByRole('button', { name: 'Turn into evidence' }).click();
    await pickTheme(dialog, THEME);
    await dialog.getByRole('button', { name: 'Save 37 as evidence' }).click();
    await cluster.getByText(`Evidence of ${THEME}: 29 affected developers`).waitFor({ timeout: 60_000 });
    await cluster.getByRole('button', { name: 'Show tickets' }).click();
    await cluster.getByRole('link', { name: 'PLAT-101' }).click();
    await page.waitForURL(/\/tickets\/[\w-]+$/);
    await page.getByText('1 item in the pain inventory').waitFor();
    await checkPage(page, 'tickets-08-ticket');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/tickets`);
    await page.getByText('— asked 37 times by 29 developers').waitFor({ timeout: 60_000 });
    await checkPage(page, 'tickets-09-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('imports the real post-mortems, flags one as infrastructure and saves a contributing factor as evidence', async () => {
    await page.goto(`${app.baseUrl}/imports`);
    await page.getByRole('radio', { name: 'Post-mortems' }).click();
    const dir = path.join(FIXTURES, 'postmortems-dfds');
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name));
    await page.locator('input[type=file]').setInputFiles([...files, path.join(FIXTURES, 'tickets', 'postmortems.csv')]);
    await page.getByText('Import Markdown files and a post-mortem CSV separately').waitFor();
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByRole('button', { name: `Import ${files.length} post-mortem files` }).click();
    await page.getByText(`Imported ${files.length} files: ${files.length} new, 0 updated, 0 unchanged.`).waitFor({ timeout: 60_000 });
    await checkPage(page, 'postmortems-01-report');

    await page.getByRole('link', { name: 'Post-mortems', exact: true }).click();
    await page.waitForURL(/\/postmortems$/);
    await page.getByRole('link', { name: 'Kubernetes network infrastructure IP starvation' }).waitFor();
    await checkPage(page, 'postmortems-02-list');
    await page.getByRole('link', { name: 'Kubernetes network infrastructure IP starvation' }).click();
    await page.getByRole('heading', { name: 'Kubernetes network infrastructure IP starvation' }).waitFor();
    await page.getByText('2019-11-29').first().waitFor();
    await page.getByRole('button', { name: 'Infrastructure-related' }).click();
    await page.getByText('Marked as infrastructure-related').waitFor();
    await page.getByRole('button', { name: 'Save as evidence: contributing factor 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Severity 1-5' }).check();
    await dialog.getByRole('radio', { name: '4 — two days' }).check();
    await createThemeInPicker(dialog, 'Nobody sees cluster capacity running out');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByText('Evidence of Nobody sees cluster capacity running out').waitFor();
    await checkPage(page, 'postmortems-03-detail');
  });

  it('rolls an import back from the history', async () => {
    await page.goto(`${app.baseUrl}/imports`);
    await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'tickets', 'github-issues.json'));
    await page.getByText('A pull request: skipped').waitFor();
    await page.getByRole('button', { name: /^Import github-issues\.json/ }).click();
    await page.getByText('1 pull request skipped (GitHub lists them with issues).').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Roll back github-issues.json' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click();
    await page.getByText('Rolled back: 3 removed, 0 restored').waitFor();
    await page.getByRole('button', { name: 'Report of github-issues.json' }).click();
    await page.getByRole('dialog').getByText('Rolled back').waitFor();
    await checkPage(page, 'imports-10-history');
  });

  it('imports a Jira export without Created and an API dump with repeats, and the reports say so', async () => {
    await page.goto(`${app.baseUrl}/imports`);
    await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'tickets', 'jira-no-created.csv'));
    await page.getByText('No column is mapped to Created: the tickets import without a date.').waitFor();
    await page.getByRole('button', { name: 'Use “Updated”' }).waitFor();
    expect(await page.getByLabel('Time zone of dates written without one').inputValue()).toBe('UTC');
    await checkPage(page, 'imports-11-no-created-preview');
    await page.getByRole('button', { name: /^Import jira-no-created\.csv/ }).click();
    await page.getByText('Imported 6 rows: 6 new, 0 updated, 0 unchanged.').waitFor({ timeout: 60_000 });
    await page.getByText('6 tickets have no creation date: they count for repeat questions, categories and evidence, not in the weekly volume.').waitFor();
    await checkPage(page, 'imports-12-no-created-report');

    const dump = path.join(FIXTURES, 'tickets', 'github-issues-overlapping-pages.jsonl');
    await page.locator('input[type=file]').setInputFiles(dump);
    await page.getByRole('button', { name: /^Import github-issues-overlapping-pages\.jsonl/ }).click();
    await page.getByText('Rows 2 and 7 have the same key acme/platform#102 but different content; keep one of them.').first().waitFor({ timeout: 60_000 });
    await checkPage(page, 'imports-13-conflicting-repeat');
    await page.locator('input[type=file]').setInputFiles(dump);
    await page.getByLabel(/^Skip bad rows/).check();
    await page.getByRole('button', { name: /^Import github-issues-overlapping-pages\.jsonl/ }).click();
    await page.getByText('Imported 12 rows: 7 new, 0 updated, 0 unchanged, 1 skipped, repeated in the file: 4.').waitFor({ timeout: 60_000 });
    await page.getByText('Repeated in the file: 4 (rows identical to an earlier row with the same key; each ticket imported once).').waitFor();
    await checkPage(page, 'imports-14-repeats-report');

    // A Slack workspace export: its questions become tickets.
    await page.locator('input[type=file]').setInputFiles({ name: 'acme-slack-export.zip', mimeType: 'application/zip', buffer: zipFixture('tickets/slack-export') });
    await page.getByRole('heading', { name: 'Slack workspace export: acme-slack-export.zip' }).waitFor();
    await page.getByRole('button', { name: /^Import acme-slack-export\.zip/ }).click();
    await page.getByText('Imported 3 rows: 3 new, 0 updated, 0 unchanged.').waitFor({ timeout: 60_000 });
    await checkPage(page, 'imports-15-slack-report');

    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    await page.getByText('6 tickets have no creation date (the export had none) and are not in this chart').waitFor({ timeout: 60_000 });
    await checkPage(page, 'tickets-10-undated');
    expect(problems).toEqual([]);
  });

  it('fits the import history inside its card at 1280 px, the actions of every row in sight', async () => {
    await page.goto(`${app.baseUrl}/imports`);
    const table = page.getByRole('table', { name: 'Imports, newest first' });
    await table.waitFor();
    const sizes = await table.evaluate((element) => {
      const scroller = element.parentElement as HTMLElement;
      const card = element.closest('section') as HTMLElement;
      return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, tableRight: element.getBoundingClientRect().right, cardRight: card.getBoundingClientRect().right };
    });
    expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
    expect(sizes.tableRight).toBeLessThanOrEqual(sizes.cardRight);
    // The longest name is cut, and whole in its tooltip.
    const name = table.getByTitle('github-issues-overlapping-pages.jsonl').first();
    expect(await name.textContent()).toBe('github-issues-overlapping-pages.jsonl');
    for (const button of await table.getByRole('button', { name: /^Report of / }).all()) expect(await button.isVisible()).toBe(true);
  });
});
