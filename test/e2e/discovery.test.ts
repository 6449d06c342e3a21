// Golden path of discovery capture: record an interview with answers -> select words and save
// them as evidence -> a shadowing session with five friction events captured from the keyboard
// -> search finds both -> coverage counts them -> reload mid-typing, lose the connection, edit
// from two tabs: nothing typed is lost or silently overwritten. axe-core runs on every page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot, watchPage } from './helpers/browser';
import { createThemeInPicker, pickTheme, mutate, setUpFirstAdmin } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;

const ADMIN = { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' };
const WAIT = { timeout: 60_000 };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return { page, problems: watchPage(page) };
}


const saved = (page: Page) => page.locator('[data-save-status="saved"]').first().waitFor(WAIT);

let interviewUrl = '';

describe('discovery capture', () => {
  it('sets up a workspace with developers', async () => {
    const { page, problems } = await newPage();
    await setUpFirstAdmin(page, app.baseUrl, ADMIN);

    const payments = await mutate<{ id: string }>(page, 'teams.create', { name: 'Payments' });
    const search = await mutate<{ id: string }>(page, 'teams.create', { name: 'Search' });
    for (const [name, teamId, tenureBand, background] of [
      ['Ada Okafor', payments.id, '1-3y', 'backend'],
      ['Tomás Rivera', payments.id, '<1y', 'backend'],
      ['Jonas Becker', search.id, '3-5y', 'backend'],
      ['Hana Sato', search.id, '<1y', 'frontend'],
    ] as const) {
      await mutate(page, 'participants.create', { displayName: name, email: null, teamId, tenureBand, background });
    }
    expect(problems).toEqual([]);
  });

  it('records an interview with answers and saves selected words as evidence', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${app.baseUrl}/interviews`);
    await page.getByRole('heading', { name: 'No interviews yet' }).waitFor();
    await checkPage(page, 'discovery-01-interviews-empty');

    await page.getByRole('button', { name: 'Record an interview' }).first().click();
    const form = page.getByRole('form', { name: 'Record an interview' });
    // Bad input first: no developer chosen.
    await form.getByRole('button', { name: 'Start the interview' }).click();
    await form.getByText('Pick the developer you interviewed').waitFor();
    await form.getByLabel('Developer').selectOption({ label: 'Ada Okafor (Payments)' });
    await checkPage(page, 'discovery-02-record-interview');
    await form.getByRole('button', { name: 'Start the interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/, WAIT);
    interviewUrl = page.url();
    await page.getByRole('heading', { name: 'Interview with Ada Okafor' }).waitFor();

    const q1 = page.getByRole('textbox', { name: '1. Walk me through the last time you deployed a service.' });
    const q2 = page.getByRole('textbox', { name: '2. What took longer than you expected?' });
    await q1.fill('Merge to main, wait for Jenkins, then open a change request and post in #sre-help. <script>alert("x")</script>');
    await q2.fill('The change request. Most weeks I lose **half a day per deploy** to waiting for approvals.');
    await saved(page);
    await checkPage(page, 'discovery-03-interview-writing');

    // Select words in the answer as a person would: with Shift and the arrow keys.
    const answer = await q2.inputValue();
    const start = answer.indexOf('half a day');
    const end = answer.indexOf(' to waiting');
    await q2.click();
    await page.keyboard.press('Control+Home');
    for (let step = 0; step < start; step += 1) await page.keyboard.press('ArrowRight');
    for (let step = start; step < end; step += 1) await page.keyboard.press('Shift+ArrowRight');
    const section = page.locator('section#q-2');
    await section.getByText('“half a day per deploy**” selected').waitFor();
    await section.getByRole('button', { name: 'Save selection as evidence' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /Save as evidence — interview with Ada Okafor, question 2/ }).waitFor();
    // The markdown markers are part of the typed text, not of the words said: tidy the excerpt.
    await dialog.getByLabel('Excerpt').fill('lose half a day per deploy to waiting for approvals');
    await dialog.getByLabel('Minutes per occurrence').check();
    await dialog.getByLabel('Minutes lost each time').fill('-5');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await dialog.getByText('Minutes lost cannot be negative').waitFor();
    await dialog.getByLabel('Minutes lost each time').fill('240');
    await dialog.getByLabel('Times per month').fill('4');
    await createThemeInPicker(dialog, 'Production deploys wait hours for a manual change approval');
    await checkPage(page, 'discovery-04-save-evidence');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await section.getByText('“lose half a day per deploy to waiting for approvals”').waitFor(WAIT);

    // Reading view: rendered Markdown, no script ran (watchPage fails on an alert).
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByRole('button', { name: 'Reopen as draft' }).waitFor();
    await saved(page);
    await page.getByRole('radio', { name: 'Read' }).click();
    await section.locator('strong', { hasText: 'half a day per deploy' }).waitFor();
    await page.locator('section#q-1').getByText('<script>alert("x")</script>', { exact: false }).waitFor();
    await checkPage(page, 'discovery-05-interview-read');
    expect(problems).toEqual([]);
  });

  it('runs a shadowing session capturing five friction events from the keyboard', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${app.baseUrl}/shadowing`);
    await page.getByRole('heading', { name: 'No shadowing sessions yet' }).waitFor();
    await checkPage(page, 'discovery-06-shadowing-empty');
    await page.getByRole('button', { name: 'New shadowing session' }).click();
    const form = page.getByRole('form', { name: 'New shadowing session' });
    await form.getByLabel('Developer').selectOption({ label: 'Hana Sato (Search)' });
    await form.getByLabel('Scenario').selectOption('first-ci-cd');
    await form.getByLabel('What they work on').fill('First pipeline for the companion app');
    await form.getByRole('button', { name: 'Start observing now' }).click();
    await page.waitForURL(/\/shadowing\/[0-9a-f-]{36}$/, WAIT);
    await page.getByRole('timer').waitFor();
    await checkPage(page, 'discovery-07-observing');

    const captures = [
      { key: '1', note: "Compared three teams' pipeline files" },
      { key: '3', note: 'Copied the GitHub Actions workflow from the search repo', minutes: '10' },
      { key: '5', note: 'Build failed on a runner label only the search team has', minutes: '20' },
      { key: '2', note: '' },
      { key: '4', note: 'Waited for a staging deploy slot', minutes: '15' },
    ];
    for (const capture of captures) {
      await page.locator('body').press(capture.key);
      const note = page.getByRole('form', { name: 'Note for the captured event' });
      await note.getByLabel('What happened').waitFor();
      if (capture.note || capture.minutes) {
        await page.keyboard.type(capture.note);
        if (capture.minutes) {
          await page.keyboard.press('Tab');
          await page.keyboard.type(capture.minutes);
        }
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Escape');
      }
      await note.waitFor({ state: 'detached' });
    }
    await page.getByText('5 friction events captured').waitFor(WAIT);
    await page.getByText('Build failed on a runner label only the search team has').waitFor(WAIT);
    await checkPage(page, 'discovery-08-observing-with-events');

    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('timer').waitFor({ state: 'detached', ...WAIT });
    await page.getByRole('table', { name: 'Friction per kind' }).waitFor();
    const kinds = await page.getByRole('table', { name: 'Friction per kind' }).locator('tbody tr').allInnerTexts();
    expect(kinds.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'Tab switch 1 —',
      'Asked for help 1 —',
      'Copied from a runbook 1 10',
      'Waiting 1 15',
      'Dead end / error 1 20',
    ]);

    // An event moved past the end of the session is refused with a clear message.
    await page.getByRole('button', { name: /^Edit the event at / }).first().click();
    const edit = page.getByRole('form', { name: /^Edit the event at / });
    await edit.getByLabel('At (m:ss)').fill('59:00');
    await edit.getByRole('button', { name: 'Save event' }).click();
    await edit.getByText(/is after the session ended/).waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await checkPage(page, 'discovery-09-session-ended');
    expect(problems).toEqual([]);
  });

  it('finds the interview and the friction events in search, and counts them in coverage', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${app.baseUrl}/search`);
    await checkPage(page, 'discovery-10-search-empty');
    await page.getByLabel('Words to find').fill('approvals');
    await page.getByRole('link', { name: 'Interview with Ada Okafor' }).first().waitFor(WAIT);
    await page.getByRole('button', { name: 'Evidence (1)' }).waitFor();
    await page.locator('mark', { hasText: 'approvals' }).first().waitFor();
    await checkPage(page, 'discovery-11-search-results');

    await page.getByLabel('Words to find').fill('runner label');
    await page.getByRole('link', { name: 'Dead end / error while shadowing Hana Sato' }).waitFor(WAIT);
    await page.getByLabel('Words to find').fill(`'&|!:*() ${'x'.repeat(20)}`);
    await page.getByRole('heading', { name: /Nothing found for/ }).waitFor(WAIT);

    // A result opens the exact spot.
    await page.getByLabel('Words to find').fill('change request');
    await page.getByRole('link', { name: 'Interview with Ada Okafor' }).first().click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}#q-\d$/, WAIT);
    await page.locator('section.ring-amber-400').waitFor(WAIT);

    await page.goto(`${app.baseUrl}/coverage`);
    await page.getByRole('heading', { name: '1 of 15-20 developers interviewed' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Payments, 1-3 years: 1/1 developers interviewed', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Search, Less than 1 year: 0/1 developers interviewed Gap', exact: true }).waitFor();
    expect(await page.getByText('Developers shadowed').locator('..').innerText()).toContain('1');
    await checkPage(page, 'discovery-12-coverage');

    // One click from a developer not interviewed yet to a new interview.
    await page.getByRole('button', { name: /Interview now.*Jonas Becker/ }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/, WAIT);
    await page.getByRole('heading', { name: 'Interview with Jonas Becker' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('lists evidence with filters and tags it into themes', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${app.baseUrl}/shadowing`);
    await page.getByRole('link', { name: /^Shadowing Hana Sato on / }).click();
    await page.getByText('Build failed on a runner label only the search team has').waitFor(WAIT);
    // Save words of a friction event as evidence, straight from the rendered note.
    const event = page.locator('li[id^="event-"]', { hasText: 'Build failed on a runner label' });
    await event.getByText('Build failed on a runner label only the search team has').evaluate((element) => {
      const range = document.createRange();
      const text = element.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 'Build failed on a runner label'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await event.getByText('“Build failed on a runner label” selected').waitFor();
    await event.getByRole('button', { name: 'Save selection as evidence' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Minutes lost each time').inputValue()).toBe('20');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await event.getByText('Saved as evidence', { exact: true }).waitFor(WAIT);

    await page.goto(`${app.baseUrl}/evidence`);
    await page.getByText('2 evidence items').waitFor(WAIT);
    await page.getByLabel('Source').selectOption('shadowing');
    await page.getByText('1 evidence item').waitFor(WAIT);
    await page.getByLabel('Source').selectOption('');
    await page.getByText('2 evidence items').waitFor(WAIT);
    await page.getByLabel('Select all on this page').check();
    await page.getByRole('button', { name: 'Tag selected into themes' }).click();
    const dialog2 = page.getByRole('dialog');
    await pickTheme(dialog2, 'Production deploys wait hours for a manual change approval');
    await checkPage(page, 'discovery-13-tag-dialog');
    await dialog2.getByRole('button', { name: 'Tag' }).click();
    await expect.poll(() => page.getByText('Production deploys wait hours for a manual change approval').count(), { timeout: 60_000 }).toBe(2);
    await checkPage(page, 'discovery-14-evidence');

    // Each item opens its exact spot.
    await page.getByRole('link', { name: 'Open in source' }).first().click();
    await page.waitForURL(/#(q-\d|event-[0-9a-f-]{36})$/, WAIT);
    expect(problems).toEqual([]);
  });

  it('keeps what was typed through a reload, a lost connection and a second tab', async () => {
    const { page, problems } = await newPage();
    await page.goto(interviewUrl);
    await page.getByRole('radio', { name: 'Write' }).click();
    const q3 = page.getByRole('textbox', { name: '3. What did you have to ask someone else for help with?' });
    // Reload right after typing, before the autosave had time to send it.
    await q3.pressSequentially('Which Terraform module to use for the database.', { delay: 5 });
    await page.reload();
    await page.getByRole('radio', { name: 'Write' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /^3\. / }).inputValue(), { timeout: 60_000 }).toBe('Which Terraform module to use for the database.');
    await saved(page);

    // Offline: what is typed waits on the device and is saved when the connection returns.
    await context.setOffline(true);
    const notes = page.getByRole('textbox', { name: 'Overall notes' });
    await notes.fill('Typed on the train without a connection.');
    await page.locator('[data-save-status="offline"]').waitFor(WAIT);
    await screenshot(page, 'discovery-15-offline');
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await saved(page);

    // Two tabs edit the same answer: the later save is refused and the user chooses.
    const other = await newPage();
    await other.page.goto(interviewUrl);
    await other.page.getByRole('radio', { name: 'Write' }).click();
    const q4 = page.getByRole('textbox', { name: /^4\. / });
    const q4Other = other.page.getByRole('textbox', { name: /^4\. / });
    await q4Other.waitFor();
    await q4.fill('First tab: we copy the payments-api repo.');
    await saved(page);
    await q4Other.fill('Second tab: the template does not build.');
    await other.page.getByText('Someone changed the answer to question 4 in another tab or window while you were typing.').waitFor(WAIT);
    await checkPage(other.page, 'discovery-16-conflict');
    await other.page.getByRole('button', { name: 'Keep my version' }).click();
    await saved(other.page);

    await page.reload();
    await page.getByRole('radio', { name: 'Read' }).click();
    await page.locator('section#q-4').getByText('Second tab: the template does not build.').waitFor(WAIT);
    await page.locator('section#q-3').getByText('Which Terraform module to use for the database.').waitFor();
    await page.locator('section#notes').getByText('Typed on the train without a connection.').waitFor();
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
  });

  it('shows guides, works on a phone, and lets the admin load and remove the demo', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${app.baseUrl}/interviews/guides`);
    await page.getByRole('heading', { name: 'Discovery interview' }).waitFor();
    await page.getByRole('button', { name: 'New guide', exact: true }).click();
    await page.getByRole('button', { name: 'Create guide' }).click();
    await page.getByText('Give the guide a title').waitFor();
    await checkPage(page, 'discovery-17-guides');

    await page.goto(`${app.baseUrl}/settings/demo`);
    await page.getByRole('button', { name: 'Load the demo workspace' }).click();
    await page.getByRole('heading', { name: 'The demo is loaded' }).waitFor(WAIT);
    await checkPage(page, 'discovery-18-demo-loaded');
    await page.goto(`${app.baseUrl}/coverage`);
    await page.getByRole('heading', { name: '10 of 15-20 developers interviewed' }).waitFor(WAIT);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/evidence`);
    await page.getByText(/\d+ evidence items/).waitFor(WAIT);
    await checkPage(page, 'discovery-19-evidence-phone');
    await page.goto(interviewUrl);
    await page.getByRole('heading', { name: 'Interview with Ada Okafor' }).waitFor(WAIT);
    await checkPage(page, 'discovery-20-interview-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${app.baseUrl}/settings/demo`);
    await page.getByRole('button', { name: 'Remove the demo' }).click();
    await page.getByRole('dialog', { name: 'Remove the demo workspace?' }).getByRole('button', { name: 'Remove the demo' }).click();
    await page.waitForURL(`${app.baseUrl}/`, WAIT);
    await page.goto(`${app.baseUrl}/settings/demo`);
    await page.getByRole('heading', { name: 'No demo loaded' }).waitFor(WAIT);
    await page.goto(`${app.baseUrl}/coverage`);
    await page.getByRole('heading', { name: '2 of 15-20 developers interviewed' }).waitFor(WAIT);
    expect(problems).toEqual([]);
  });
});
