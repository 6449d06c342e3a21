// People in the workspace (issue 18): the first-run demo lands on Home with its banner, a
// developer's page opened from their name, the directory's bulk actions, deleting a team, the CSV
// import that skips bad rows, a friction event without a note saved as evidence, and removing the
// demo from the banner. Axe runs on every page visited; screenshots at 1280x800 (and a phone).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, watchPage } from './helpers/browser';

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];
const WAIT = { timeout: 60_000 };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  problems = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('people in the workspace', () => {
  it('lands the first-run demo on Home, with a banner on every workspace page', async () => {
    await page.goto(`${app.baseUrl}/setup`);
    await page.getByLabel('Your name').fill('Dana Demo');
    await page.getByLabel('Work email').fill('dana@example.com');
    await page.getByLabel('Password').fill('demo password 1');
    await page.getByRole('button', { name: 'Set up with the demo workspace' }).click();
    await page.waitForURL(`${app.baseUrl}/`, WAIT);
    const banner = page.getByRole('region', { name: 'Demo workspace' });
    await banner.getByText('You are looking at demo data.').waitFor(WAIT);
    await banner.getByRole('button', { name: 'Remove demo' }).waitFor();
    await checkPage(page, 'people-01-home-demo');
    await page.goto(`${app.baseUrl}/inventory`);
    await banner.waitFor(WAIT);
    expect(problems).toEqual([]);
  });

  it("opens a developer's page from their name, with their themes and everything recorded with them", async () => {
    await page.goto(`${app.baseUrl}/interviews`);
    await page.getByRole('link', { name: 'Ada Okafor', exact: true }).click();
    await page.waitForURL(/\/directory\/[0-9a-f-]{36}$/, WAIT);
    await page.getByRole('heading', { name: 'Ada Okafor', level: 1 }).waitFor(WAIT);
    const themes = page.getByRole('table', { name: 'Pain themes Ada Okafor is affected by' });
    await themes.waitFor(WAIT);
    expect(await themes.locator('tbody tr').count()).toBeGreaterThan(0);
    await themes.locator('tbody tr').first().getByText(/^#\d+$/).waitFor();
    await page.getByRole('heading', { name: 'Interviews (1)' }).waitFor();
    await page.getByRole('heading', { name: /^Evidence \(\d+\)$/ }).waitFor();
    await checkPage(page, 'people-02-developer');
    await page.setViewportSize({ width: 390, height: 844 });
    await checkPage(page, 'people-03-developer-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The interview page links back to the person.
    await page.getByRole('link', { name: /^\d+ \w+ \d{4} · / }).first().click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/, WAIT);
    await page.getByRole('link', { name: 'Ada Okafor', exact: true }).first().click();
    await page.waitForURL(/\/directory\/[0-9a-f-]{36}$/, WAIT);
    expect(problems).toEqual([]);
  });

  it('moves and archives selected developers, and deletes a team after moving its people', async () => {
    await page.goto(`${app.baseUrl}/directory`);
    await page.getByText('12 developers').waitFor(WAIT);
    await page.getByRole('checkbox', { name: 'Select Tomás Rivera' }).check();
    await page.getByRole('checkbox', { name: 'Select Mei Chen' }).check();
    const bar = page.getByRole('region', { name: 'Selected developers' });
    await bar.getByText('2 selected').waitFor();
    await bar.getByLabel('Move to team').selectOption({ label: 'Search' });
    await checkPage(page, 'people-04-directory-selected');
    await bar.getByRole('button', { name: 'Move' }).click();
    await page.getByText('2 developers moved to Search').waitFor(WAIT);
    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await row('Tomás Rivera').getByRole('cell', { name: 'Search', exact: true }).waitFor(WAIT);

    await page.getByRole('checkbox', { name: 'Select Mei Chen' }).check();
    await page.getByRole('region', { name: 'Selected developers' }).getByRole('button', { name: 'Archive' }).click();
    await page.getByText('1 developer archived').waitFor(WAIT);
    await page.getByText('11 developers').waitFor(WAIT);

    await page.goto(`${app.baseUrl}/directory/teams`);
    await page.getByRole('button', { name: 'Delete Payments' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the team Payments?' });
    await dialog.getByText(/Payments has \d+ developers? \(archived ones included\)/).waitFor();
    await dialog.getByLabel('Move its developers to').selectOption({ label: 'Data Platform' });
    await checkPage(page, 'people-05-delete-team');
    await dialog.getByRole('button', { name: /^Move \d+ and delete$/ }).click();
    await page.getByText(/Team Payments deleted; \d+ developers? moved/).waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'Payments', exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('imports a directory CSV with tenure in years and months, skipping the bad rows it names', async () => {
    await page.goto(`${app.baseUrl}/directory/import`);
    await page.getByRole('link', { name: 'Download the template CSV' }).waitFor();
    const template = await page.request.get(`${app.baseUrl}/directory-template.csv`);
    expect(template.status()).toBe(200);
    expect((await template.text()).split('\n')[0]).toBe('name,email,team,tenure,background');

    const csv = ['name,email,team,tenure,background', 'Ravi Iyer,ravi@example.com,Search,2 years,backend', 'Bad Tenure,bad@example.com,Search,forever,', 'Zoe Park,zoe@example.com,Mobile Apps,18m,mobile'].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('cell', { name: /^"forever" is not a tenure\./ }).waitFor(WAIT);
    const importButton = page.getByRole('button', { name: 'Import 2 developers, skip 1 row' });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('Skip the 1 bad row and import the others').check();
    await checkPage(page, 'people-06-import-skip');
    await importButton.click();
    await page.getByText('2 added, 0 updated, 0 already up to date; 1 row skipped (below).').waitFor(WAIT);
    await page.getByRole('cell', { name: 'tenure', exact: true }).waitFor();
    await checkPage(page, 'people-07-import-report');
    expect(problems).toEqual([]);
  });

  it('saves a friction event without a note as evidence, its kind and minutes as the excerpt', async () => {
    await page.goto(`${app.baseUrl}/shadowing`);
    await page.getByRole('button', { name: 'New shadowing session' }).click();
    const form = page.getByRole('form', { name: 'New shadowing session' });
    await form.getByLabel('Developer').selectOption({ label: 'Priya Nair (Search)' });
    await form.getByLabel('What they work on').fill('Add a feature flag');
    await form.getByRole('button', { name: 'Start observing now' }).click();
    await page.waitForURL(/\/shadowing\/[0-9a-f-]{36}$/, WAIT);
    await page.getByRole('timer').waitFor();
    await page.locator('body').press('4');
    const note = page.getByRole('form', { name: 'Note for the captured event' });
    await note.getByLabel('What happened').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('25');
    await page.keyboard.press('Enter');
    await note.waitFor({ state: 'detached' });
    await page.getByText('1 friction event captured').waitFor(WAIT);
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('timer').waitFor({ state: 'detached', ...WAIT });

    await page.getByRole('button', { name: /^Save as evidence: the event at / }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Excerpt').inputValue()).toBe('Waiting, 25 minutes lost');
    await checkPage(page, 'people-08-event-evidence');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByRole('status').getByText('Saved as evidence').waitFor(WAIT);
    await page.goto(`${app.baseUrl}/evidence?kind=shadowing`);
    await page.getByText('“Waiting, 25 minutes lost”').waitFor(WAIT);
    expect(problems).toEqual([]);
  });

  it('removes the demo from the banner and goes back to Home without it', async () => {
    await page.goto(`${app.baseUrl}/coverage`);
    await page.getByRole('region', { name: 'Demo workspace' }).getByRole('button', { name: 'Remove demo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the demo workspace?' });
    await checkPage(page, 'people-09-remove-demo');
    await dialog.getByRole('button', { name: 'Remove the demo' }).click();
    await page.waitForURL(`${app.baseUrl}/`, WAIT);
    await page.getByText('Demo removed', { exact: false }).first().waitFor(WAIT);
    await page.getByRole('region', { name: 'Demo workspace' }).waitFor({ state: 'detached', ...WAIT });
    await checkPage(page, 'people-10-home-after-demo');
    expect(problems).toEqual([]);
  });
});
