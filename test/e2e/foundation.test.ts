// Golden path of the foundation: fresh start -> first-run admin -> add an editor and a viewer ->
// sign out -> the editor signs in, adds a developer and imports a directory CSV -> a viewer
// cannot edit. axe-core runs on every page visited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot, watchPage } from './helpers/browser';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const ADMIN = { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' };
const EDITOR = { name: 'Eli Editor', email: 'eli@example.com', password: 'editor password 1' };
const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'viewer password 1' };

async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  return { page, problems: watchPage(page) };
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${app.baseUrl}/`);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login$/);
}

describe('foundation golden path', () => {
  it('sets up the first admin, who adds an editor and a viewer', async () => {
    const { page, problems } = await newPage();
    await page.goto(app.baseUrl);
    await page.waitForURL(/\/setup$/);
    await checkPage(page, 'foundation-01-setup');

    // Bad input first: the form names the fields and nothing is created.
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect.poll(() => page.getByText('Enter a name').count()).toBe(1);
    await expect(page.getByText('Use at least 12 characters for the password').count()).resolves.toBe(1);

    // A common password: the meter says so while typing, and the server refuses it naming the field.
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Work email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('leavemealone');
    await expect.poll(() => page.getByText(/^Strength: Weak\. This is one of the 10,000 most common passwords/).count()).toBe(1);
    await screenshot(page, 'foundation-01b-setup-weak-password');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect.poll(() => page.getByText('This is one of the 10,000 most common passwords: choose another.').count()).toBeGreaterThan(0);

    await page.getByLabel('Password').fill(ADMIN.password);
    await expect.poll(() => page.getByText(/^Strength: Very strong/).count()).toBe(1);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(`${app.baseUrl}/`);
    await page.getByRole('heading', { name: `Hello, ${ADMIN.name}` }).waitFor();
    await checkPage(page, 'foundation-02-home');

    // A second setup is refused once an admin exists.
    await page.goto(`${app.baseUrl}/setup`);
    await page.waitForURL(`${app.baseUrl}/`);

    await page.getByRole('link', { name: 'Members' }).first().click();
    await page.waitForURL(/\/members$/);
    for (const member of [
      { ...EDITOR, role: 'editor' },
      { ...VIEWER, role: 'viewer' },
    ]) {
      const form = page.getByRole('form', { name: 'Add a member' });
      await form.getByLabel('Name').fill(member.name);
      await form.getByLabel('Email').fill(member.email);
      await form.getByLabel('Role').selectOption(member.role);
      await form.getByLabel('Temporary password').fill(member.password);
      await form.getByRole('button', { name: 'Add member' }).click();
      await page.getByText(member.email, { exact: true }).waitFor();
    }
    // The only admin cannot be demoted.
    await page.getByLabel(`Role of ${ADMIN.name}`).selectOption('viewer');
    await page.getByText('This is the last admin').waitFor();
    await checkPage(page, 'foundation-03-members');

    // API tokens: shown once, then only their first characters.
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'No API tokens yet' }).waitFor();
    await page.getByLabel('What uses it').fill('nightly Jira import');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.locator('code', { hasText: /^fl_/ }).innerText()).trim();
    expect(token).toMatch(/^fl_[\w-]{40,}$/);
    await checkPage(page, 'foundation-03b-api-tokens');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByText(token).count()).toBe(0);
    await signOut(page);
    expect(problems).toEqual([]);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${app.baseUrl}/login`);
    await checkPage(page, 'foundation-04-login');
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect.').waitFor();
    await screenshot(page, 'foundation-05-login-wrong-password');
    expect(problems).toEqual([]);
  });

  it('lets the editor add a developer and import a directory CSV', async () => {
    const { page, problems } = await newPage();
    await signIn(page, EDITOR);
    await page.getByRole('link', { name: 'Developer directory' }).click();
    await page.getByRole('heading', { name: 'The directory is empty' }).waitFor();
    await checkPage(page, 'foundation-06-directory-empty');

    await page.getByRole('button', { name: 'Add developer' }).first().click();
    const form = page.getByRole('form', { name: 'Add developer' });
    await form.getByLabel('Name or alias').fill('<script>alert("xss")</script> Sam');
    await form.getByLabel('Email (optional)').fill('not-an-email');
    await form.getByRole('button', { name: 'Add developer' }).click();
    await form.getByText('Enter a valid email address').waitFor();
    await form.getByLabel('Email (optional)').fill('sam@example.com');
    await form.getByLabel('Tenure').selectOption('1-3y');
    await form.getByLabel('Background').fill('backend');
    await form.getByRole('button', { name: 'Add developer' }).click();
    await page.getByText('<script>alert("xss")</script> Sam', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.waitForURL(/\/directory\/import$/);
    await checkPage(page, 'foundation-07-import');

    // A broken file: the problems are listed by row and column and the import cannot start.
    await page.locator('input[type=file]').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,email,team,tenure,background\nAda,ada@example.com,Payments,forever,backend\nBo,ADA@example.com,,,\n'),
    });
    await page.getByRole('cell', { name: /^"forever" is not a tenure\. Write a band \(<1y, 1-3y, 3-5y, 5y\+\), a length such as "2 years"/ }).waitFor();
    await page.getByRole('cell', { name: 'ADA@example.com already appears in row 2.' }).waitFor();
    expect(await page.getByRole('button', { name: /^Import \d+ developer/ }).count()).toBe(0);
    await checkPage(page, 'foundation-08-import-problems');

    const csv = [
      'name,email,team,tenure,background',
      'Ada Okafor,ada@example.com,Payments,1-3 years,backend',
      '"Lin, Wei",wei@example.com,Search,<1y,frontend',
      'Grace Hopper,grace@example.com,Platform,5y+,SRE',
      'Tomás Núñez,tomas@example.com,Payments,3-5y,mobile',
    ].join('\r\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'directory.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByText('4 rows: 4 to add, 0 to update, 0 already up to date; new teams: Payments, Search, Platform.').waitFor();
    await checkPage(page, 'foundation-09-import-preview');
    await page.getByRole('button', { name: 'Import 4 developers' }).click();
    await page.getByText('4 added, 0 updated, 0 already up to date, 3 new teams.').waitFor();

    // The same file again changes nothing.
    await page.locator('input[type=file]').setInputFiles({ name: 'directory.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByText('Nothing to change').waitFor();

    await page.goto(`${app.baseUrl}/directory`);
    await page.getByText('5 developers').waitFor();
    await page.getByText('Tomás Núñez', { exact: true }).waitFor();
    await checkPage(page, 'foundation-10-directory');

    await page.getByLabel('Team').selectOption({ label: 'Payments' });
    await page.getByText('2 developers').waitFor();
    await page.getByRole('button', { name: 'Tenure' }).click();
    await page.waitForURL(/sort=tenure/);
    const names = await page.locator('tbody tr a[href^="/directory/"]').allInnerTexts();
    expect(names.map((name) => name.trim())).toEqual(['Ada Okafor', 'Tomás Núñez']);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/directory`);
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    await checkPage(page, 'foundation-11-directory-phone');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#mobile-nav').getByRole('link', { name: 'Members' }).waitFor();
    await screenshot(page, 'foundation-12-phone-menu');
    expect(problems).toEqual([]);
  });

  it('lets a viewer read the directory but change nothing', async () => {
    const { page, problems } = await newPage();
    await signIn(page, VIEWER);
    await page.goto(`${app.baseUrl}/directory`);
    await page.getByText('5 developers').waitFor();
    expect(await page.getByRole('button', { name: 'Add developer' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Import CSV' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    await checkPage(page, 'foundation-13-directory-viewer');

    // The server refuses the write even when the page is bypassed.
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/trpc/participants.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { displayName: 'Sneaky', email: null, teamId: null, tenureBand: null, background: null } }),
      });
      return response.status;
    });
    expect(status).toBe(403);

    await page.goto(`${app.baseUrl}/directory/import`);
    await page.getByText('Viewers cannot import').waitFor();
    await checkPage(page, 'foundation-14-import-viewer');
    expect(problems).toEqual([]);
  });

  it('treats a forged session cookie as signed out and shows a 404 page', async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'frictionlog_session', value: 'forged-value', url: app.baseUrl }]);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.baseUrl}/directory`);
    await page.waitForURL(/\/login$/);
    const response = await page.goto(`${app.baseUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();
    await checkPage(page, 'foundation-15-not-found');
    expect(problems).toEqual([]);
  });
});
