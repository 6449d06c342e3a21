// Golden path of the pain inventory on PostgreSQL: developers and evidence are seeded straight
// into the database (no capture source exists in this area), everything else goes through the
// UI: write two themes, tag evidence into them from the inbox and a theme page, read the ranking
// and its chart, freeze a snapshot, merge (and undo), compare, share a read-only link opened
// without login, revoke it, export Markdown, print, open "How was this computed?". axe-core runs
// on every page visited.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/db/create-db';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot, watchPage } from './helpers/browser';
import { createThemeInPicker, pickTheme, setUpFirstAdmin } from './helpers/workspace';

// This file runs the app on PostgreSQL (production's database): a throwaway database is created
// next to E2E_ADMIN_DATABASE_URL and dropped afterwards.
const ADMIN_URL = process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = process.env.E2E_INVENTORY_DATABASE ?? 'frictionlog_e2e_inventory';
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
})();

const ADMIN = { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' };
const THEME_A = 'Setting up a new service takes two days and needs four teams';
const THEME_B = 'Getting a staging database means waiting on a ticket';
const WAIT = { timeout: 60_000 };

let app: RunningApp;
let browser: Browser;
let handle: DbHandle;
let page: Page;
let problems: string[];

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Developers and evidence as the capture pages would have saved them. */
async function seed(db: DbHandle['db']) {
  const teams = Object.fromEntries(
    await Promise.all(
      ['Payments', 'Search', 'Mobile'].map(async (name) => [name, (await db.insertInto('teams').values({ name }).returning('id').executeTakeFirstOrThrow()).id]),
    ),
  );
  const people = [
    ['Ada Okafor', 'Payments', '1-3y', 'backend'],
    ['Bo Lindqvist', 'Payments', '5y+', 'frontend'],
    ['Chen Wei', 'Search', '<1y', 'backend'],
    ['Dana Ruiz', 'Search', '3-5y', 'data'],
    ['Eli Novak', 'Mobile', '1-3y', 'mobile'],
    ['Fay Adeyemi', 'Mobile', '<1y', 'mobile'],
  ] as const;
  const ids: Record<string, string> = {};
  for (const [name, team, tenure, background] of people) {
    ids[name] = (
      await db
        .insertInto('participants')
        .values({ display_name: name, email: `${name.split(' ')[0].toLowerCase()}@example.com`, team_id: teams[team], tenure_band: tenure, background })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const evidence: [string | null, string, 'interview' | 'ticket' | 'shadowing' | 'survey', number | null, number | null, number][] = [
    ['Ada Okafor', 'I opened tickets with four teams before my service could deploy', 'interview', 960, null, 1],
    ['Bo Lindqvist', 'Two days to get a new repository, pipeline and DNS entry', 'ticket', 480, null, 1],
    ['Chen Wei', 'Nobody told me which team owns the service template', 'shadowing', 120, null, 2],
    [null, 'Creating a service is a week of waiting', 'survey', null, 4, 1],
    ['Dana Ruiz', 'I wait for the DBA ticket before I can test anything', 'interview', 240, null, 2],
    ['Eli Novak', 'Staging databases are shared and always broken', 'ticket', null, 3, 1],
    ['Fay Adeyemi', 'I copy the database setup from an old wiki page', 'interview', 60, null, 4],
  ];
  for (const [name, excerpt, kind, minutes, severity, occurrences] of evidence) {
    await db
      .insertInto('evidence')
      .values({
        source_kind: kind,
        source_id: (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(db)).rows[0].id,
        source_path: '/help/ranking',
        excerpt,
        participant_id: name ? ids[name] : null,
        minutes_lost: minutes,
        severity,
        occurrences_per_month: occurrences,
        // A week ago: the window (earliest evidence to today) is under a month, so it counts as
        // one month and Bo's single ticket counts its full 480 minutes whatever today is.
        observed_on: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
      })
      .execute();
  }
  return { teams };
}

beforeAll(async () => {
  await adminQuery(`drop database if exists ${DATABASE} with (force)`);
  await adminQuery(`create database ${DATABASE}`);
  [app, browser] = await Promise.all([startApp({ env: { DATABASE_URL: databaseUrl } }), launchBrowser()]);
  handle = await createDb({ kind: 'postgres', url: databaseUrl, poolSize: 2 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  problems = watchPage(page);
});
afterAll(async () => {
  await handle?.close();
  await browser?.close();
  await app?.stop();
  await adminQuery(`drop database if exists ${DATABASE} with (force)`);
});

async function tagFromInbox(excerpts: string[], themeTitle: string) {
  for (const excerpt of excerpts) await page.getByRole('checkbox', { name: `Select “${excerpt.slice(0, 60)}”` }).check();
  await page.getByRole('button', { name: 'Tag selected…' }).click();
  const dialog = page.getByRole('dialog');
  await pickTheme(dialog, themeTitle);
  await dialog.getByRole('button', { name: `Tag ${excerpts.length} items` }).click();
  await page.getByText(`${excerpts.length} evidence items tagged`).waitFor(WAIT);
}

describe('pain inventory golden path', () => {
  it('sets up the workspace and writes two pain themes', async () => {
    await setUpFirstAdmin(page, app.baseUrl, ADMIN);
    await seed(handle.db);

    await page.getByRole('link', { name: 'Themes' }).first().click();
    await page.getByRole('heading', { name: 'No pain theme yet' }).waitFor(WAIT);
    await checkPage(page, 'inventory-01-themes-empty');

    // Bad input first: an empty and an overlong statement are refused, nothing is created.
    const form = page.getByRole('form', { name: 'New pain theme' });
    await form.getByRole('button', { name: 'Create theme' }).click();
    await form.getByText('Write the pain as a statement, e.g.').waitFor(WAIT);
    await form.getByLabel('Pain statement').fill('x'.repeat(2000));
    await form.getByRole('button', { name: 'Create theme' }).click();
    await form.getByText('Keep the statement under 200 characters').waitFor(WAIT);
    expect(await page.getByRole('table', { name: 'Pain themes' }).count()).toBe(0);

    for (const title of [THEME_A, THEME_B]) {
      await form.getByLabel('Pain statement').fill(title);
      await form.getByRole('button', { name: 'Create theme' }).click();
      await page.getByRole('link', { name: title }).waitFor(WAIT);
    }
    await checkPage(page, 'inventory-02-themes');
    expect(problems).toEqual([]);
  });

  it('tags evidence into the two themes from the inbox and from a theme page', async () => {
    await page.getByRole('link', { name: /Untagged evidence/ }).click();
    await page.getByText('7 untagged').waitFor(WAIT);
    await checkPage(page, 'inventory-03-inbox');

    await tagFromInbox(
      ['I opened tickets with four teams before my service could deploy', 'Two days to get a new repository, pipeline and DNS entry', 'Creating a service is a week of waiting'],
      THEME_A,
    );
    await tagFromInbox(['I wait for the DBA ticket before I can test anything', 'Staging databases are shared and always broken'], THEME_B);
    // One item on its own, into a brand-new theme written in the dialog.
    await page.getByRole('button', { name: 'Tag “I copy the database setup from an old wiki page”' }).click();
    await createThemeInPicker(page.getByRole('dialog'), 'The wiki is out of date');
    await page.getByRole('dialog').getByRole('button', { name: 'Tag evidence' }).click();
    await page.getByText('1 untagged').waitFor(WAIT);

    // From the theme page: add the last untagged quote to theme A.
    await page.goto(`${app.baseUrl}/themes`);
    await page.getByRole('link', { name: THEME_A }).click();
    await page.getByRole('heading', { name: THEME_A }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Add evidence' }).first().click();
    const add = page.getByRole('dialog');
    await add.getByRole('checkbox', { name: 'Add “Nobody told me which team owns the service template”' }).check();
    await checkPage(page, 'inventory-04-theme-add-evidence');
    await add.getByRole('button', { name: 'Add 1 to this theme' }).click();
    await page.getByText('1 item added to this theme').waitFor(WAIT);
    await page.getByText('Evidence (4, costliest first)').waitFor(WAIT);
    await checkPage(page, 'inventory-05-theme');
    expect(problems).toEqual([]);
  });

  it('ranks the themes, draws the chart, and opens the evidence behind a number', async () => {
    await page.getByRole('link', { name: 'Pain inventory' }).first().click();
    await page.getByRole('heading', { name: 'Pain inventory', level: 1 }).waitFor(WAIT);
    const table = page.getByRole('table', { name: 'Pain themes ranked by developer-hours lost per month' });
    await table.waitFor(WAIT);
    const titles = await table.locator('tbody tr td:nth-child(2) a').first().innerText();
    expect(titles).toBe(THEME_A);
    // A: Ada 960, Bo 480, Chen 240 -> median 480 min = 8 h x 3 developers = 24.
    await expect(table.getByRole('link', { name: 'Score 24: open how it is computed' }).count()).resolves.toBe(1);
    await table.getByRole('link', { name: '1 unattributed mention: open them' }).waitFor(WAIT);
    const point = page.getByRole('link', { name: new RegExp(`^#1 ${THEME_A}: 3 affected developers`) });
    await point.waitFor(WAIT);
    await point.hover();
    await page.getByRole('status').filter({ hasText: 'Score (developer-hours per month)' }).waitFor(WAIT);
    await checkPage(page, 'inventory-06-ranking');

    await table.getByRole('link', { name: '3 affected developers: open their evidence' }).click();
    await page.waitForURL(/\/themes\/[\w-]+#developers$/, WAIT);
    await page.getByRole('heading', { name: 'How was this computed?' }).waitFor(WAIT);
    await page.getByRole('table', { name: 'Affected developers: their evidence, and the hours each loses per month' }).getByText('Ada Okafor').waitFor(WAIT);
    await page.getByText('Score: 3 affected developers × 8 h = 24 developer-hours lost per month.').waitFor(WAIT);
    await page.goBack();

    // "How was this computed?" from the ranking's row: each developer's items and the value that counted.
    await table.getByRole('button', { name: `How was this computed: ${THEME_A}` }).click();
    const explanation = page.getByRole('dialog', { name: `How was this computed? ${THEME_A}` });
    const developers = explanation.getByRole('table', { name: 'Affected developers: their evidence, and the hours each loses per month' });
    await developers.getByRole('row', { name: /Bo Lindqvist/ }).getByText('Single occurrences', { exact: true }).waitFor(WAIT);
    await developers.getByRole('row', { name: /Chen Wei/ }).getByText('120 min × 2 a month = 240 min a month').waitFor(WAIT);
    await explanation.getByText('the median of the 3 developers with time data (240 min, 480 min, 960 min) = 480 min = 8 h.', { exact: false }).waitFor(WAIT);
    await explanation.getByText('Reach: 3 of 6 active developers = 50%.').waitFor(WAIT);
    await checkPage(page, 'inventory-06b-how-computed');
    await explanation.getByRole('button', { name: 'Close' }).click();

    // A team filter changes the numbers; every page of the filter is in the URL.
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
    await page.waitForURL(/teamId=/, WAIT);
    await page.getByText('1 pain theme ranked · Team Payments').waitFor(WAIT);
    await checkPage(page, 'inventory-07-ranking-payments');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByText('3 pain themes ranked · All evidence').waitFor(WAIT);
    expect(problems).toEqual([]);
  });

  it('marks the MVP focus, freezes a snapshot, merges the themes and undoes the merge', async () => {
    await page.getByRole('button', { name: `MVP focus: ${THEME_A}` }).click();
    await page.getByRole('heading', { name: 'MVP focus' }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Freeze this ranking' }).click();
    await page.getByRole('dialog').getByLabel('Snapshot name').fill('Baseline before the MVP');
    await page.getByRole('dialog').getByRole('button', { name: 'Freeze ranking' }).click();
    await page.getByRole('link', { name: 'Open the snapshot' }).waitFor(WAIT);
    await page.keyboard.press('Escape');

    await page.goto(`${app.baseUrl}/themes`);
    await page.getByRole('link', { name: THEME_B }).click();
    await page.getByRole('heading', { name: THEME_B }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const merge = page.getByRole('dialog');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await merge.getByText('Choose the theme to merge into').waitFor(WAIT);
    await pickTheme(merge, THEME_A, 'Merge into');
    await checkPage(page, 'inventory-08-merge-dialog');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await page.waitForURL(/mergedFrom=/, WAIT);
    await page.getByRole('heading', { name: THEME_A }).waitFor(WAIT);
    await page.getByText(`“${THEME_B}” was merged into this theme.`).waitFor(WAIT);
    await page.getByText('Evidence (6, costliest first)').waitFor(WAIT);
    await checkPage(page, 'inventory-09-merged');

    // Undo, then merge again: the evidence goes back and forth without loss.
    await page.getByRole('status').getByRole('button', { name: 'Undo merge' }).click();
    await page.getByText('Evidence (4, costliest first)').waitFor(WAIT);
    await page.goto(`${app.baseUrl}/themes?status=all`);
    await page.getByRole('link', { name: THEME_B }).click();
    await page.getByText('Evidence (2, costliest first)').waitFor(WAIT);
    await page.getByRole('button', { name: 'Merge into…' }).click();
    await pickTheme(page.getByRole('dialog'), THEME_A, 'Merge into');
    await page.getByRole('dialog').getByRole('button', { name: 'Merge' }).click();
    await page.getByText('Evidence (6, costliest first)').waitFor(WAIT);
    expect(problems).toEqual([]);
  });

  it('compares the ranking with the snapshot', async () => {
    await page.goto(`${app.baseUrl}/inventory/snapshots`);
    await checkPage(page, 'inventory-10-snapshots');
    await page.getByRole('link', { name: 'Baseline before the MVP' }).click();
    await page.getByRole('heading', { name: 'Resolved since the snapshot (1)' }).waitFor(WAIT);
    await page.getByText(`was #2 ${THEME_B}`).waitFor(WAIT);
    await page.getByText('Merged into').waitFor(WAIT);
    await checkPage(page, 'inventory-11-compare');
    expect(problems).toEqual([]);
  });

  it('shares a read-only link that opens without login, hides names, and stops when revoked', async () => {
    await page.goto(`${app.baseUrl}/inventory`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await dialog.getByText('Say who the link is for').waitFor(WAIT);
    await dialog.getByLabel('Who is it for').fill('Engineering leadership review');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const link = await dialog.getByLabel('Read-only link').inputValue();
    expect(link).toMatch(/\/share\/inventory\/[\w-]{43}$/);
    await checkPage(page, 'inventory-12-share-dialog');
    await page.keyboard.press('Escape');

    const stranger = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const publicPage = await stranger.newPage();
    const publicProblems = watchPage(publicPage);
    await publicPage.goto(link);
    await publicPage.getByRole('heading', { name: 'Pain inventory' }).waitFor(WAIT);
    await publicPage.getByText('Shared for Engineering leadership review').waitFor(WAIT);
    // Six developers in the directory: no attribution narrower than "a developer" keeps five matching.
    await publicPage.getByText('a developer', { exact: false }).first().waitFor(WAIT);
    expect(await publicPage.getByText('Team Payments', { exact: false }).count()).toBe(0);
    const text = await publicPage.locator('body').innerText();
    expect(text).toContain(THEME_A);
    expect(text).not.toMatch(/Ada Okafor|Bo Lindqvist|Chen Wei|Dana Ruiz|Eli Novak|Fay Adeyemi|@example\.com/);
    expect(await publicPage.getByRole('link', { name: 'Sign out' }).count()).toBe(0);
    await checkPage(publicPage, 'inventory-13-share-public');

    await page.goto(`${app.baseUrl}/inventory/shares`);
    await checkPage(page, 'inventory-14-share-links');
    await page.getByRole('button', { name: 'Revoke the link for Engineering leadership review' }).click();
    await page.getByRole('dialog', { name: 'Revoke the link for “Engineering leadership review”?' }).getByRole('button', { name: 'Revoke link' }).click();
    await page.getByText('Revoked', { exact: true }).waitFor(WAIT);

    const response = await publicPage.goto(link);
    expect(response?.status()).toBe(404);
    await publicPage.getByRole('heading', { name: 'This page does not exist' }).waitFor(WAIT);
    expect(await publicPage.locator('body').innerText()).not.toContain(THEME_A);
    const malformed = await publicPage.goto(`${app.baseUrl}/share/inventory/not-a-token`);
    expect(malformed?.status()).toBe(404);
    await checkPage(publicPage, 'inventory-15-share-revoked');
    expect(publicProblems).toEqual([]);
    await stranger.close();
    expect(problems).toEqual([]);
  });

  it('exports Markdown without names, prints cleanly, works on a phone, and explains the formula', async () => {
    await page.goto(`${app.baseUrl}/inventory`);
    await page.getByRole('button', { name: 'Export' }).click();
    const downloading = page.waitForEvent('download', WAIT);
    await page.getByRole('dialog').getByRole('link', { name: 'Download Markdown' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^pain-inventory-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = fs.readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain('# Pain inventory');
    expect(markdown).toContain(`**#1 ${THEME_A}**`);
    expect(markdown).not.toMatch(/Ada Okafor|@example\.com/);
    await page.keyboard.press('Escape');

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'inventory-16-print');
    expect(await page.getByRole('navigation', { name: 'Workspace' }).isVisible()).toBe(false);
    expect(await page.getByRole('search', { name: 'Filter the inventory' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/inventory`);
    await page.getByRole('button', { name: 'Menu' }).waitFor(WAIT);
    await checkPage(page, 'inventory-17-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: 'How the ranking works' }).click();
    await page.getByRole('heading', { name: 'How the ranking works' }).waitFor(WAIT);
    // The worked example is computed by the ranking's own code.
    await page.getByText('Score: 4 affected developers × 10 h = 40 developer-hours lost per month.').waitFor(WAIT);
    await checkPage(page, 'inventory-18-help');
    expect(problems).toEqual([]);
  });
});
