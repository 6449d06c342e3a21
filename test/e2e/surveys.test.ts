// Surveys in the browser: an editor builds the quarterly survey from the template, developers
// answer it anonymously on a phone, a past run is imported into the trend, and the results show
// the score, its band, the trend, breakdowns with small groups hidden, and searchable feedback
// that becomes evidence. axe-core runs on every page, the survey form included.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf, quarterStart } from '@/server/surveys/rules';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot, waitForHydration } from './helpers/browser';
import { openPage, setUpFirstAdmin, createThemeInPicker } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let editor: BrowserContext;
const ADMIN = { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  editor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Calls a tRPC mutation as the signed-in page would (setup data the test is not about). */
async function trpcMutation(page: Page, path: string, input: unknown) {
  const status = await page.evaluate(
    async ({ path: procedure, input: body }) => {
      const response = await fetch(`/api/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: body }) });
      return response.status;
    },
    { path, input },
  );
  expect(status).toBe(200);
}

const now = new Date();
const currentQuarter = quarterOf(now.toISOString().slice(0, 10));
const [year, q] = currentQuarter.split('-Q').map(Number);
const pastQuarter = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
const pastQuarterStart = quarterStart(pastQuarter);
let surveyUrl = '';
let surveyPath = '';

describe('the quarterly survey', () => {
  it('is built from the template by an editor', async () => {
    const { page, problems } = await openPage(editor);
    await setUpFirstAdmin(page, app.baseUrl, ADMIN);
    for (const name of ['Payments', 'Search', 'Mobile']) await trpcMutation(page, 'teams.create', { name });

    await page.getByRole('link', { name: 'Surveys' }).first().click();
    await page.getByRole('heading', { name: 'No surveys yet' }).waitFor();
    await checkPage(page, 'surveys-01-empty');
    await page.getByRole('link', { name: 'Start the quarterly survey' }).click();
    await page.waitForURL(/\/surveys\/new$/);
    const form = page.getByRole('form', { name: 'New survey' });
    await expect.poll(() => form.getByLabel('Title').inputValue()).toBe('Quarterly platform satisfaction');
    await checkPage(page, 'surveys-02-new-from-template');

    // Bad input first: the form names the fields and nothing is created.
    await form.getByLabel('Title').fill('');
    await form.getByLabel('Quarter').fill('next quarter');
    await form.getByRole('button', { name: 'Create survey' }).click();
    await form.getByText('Give the survey a title').waitFor();
    await form.getByText('Enter a quarter like 2026-Q3').waitFor();
    await screenshot(page, 'surveys-03-new-bad-input');

    await form.getByLabel('Title').fill('Quarterly platform satisfaction');
    await form.getByLabel('Quarter').fill(currentQuarter);
    await form.getByRole('button', { name: 'Create survey' }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}\?tab=share$/);
    surveyPath = new URL(page.url()).pathname;
    surveyUrl = (await page.locator('code', { hasText: '/s/' }).innerText()).trim();
    expect(surveyUrl).toMatch(new RegExp(`^${app.baseUrl}/s/quarterly-platform-satisfaction-[a-z2-9]{8}$`));
    await checkPage(page, 'surveys-04-share');

    // Saving an edit is refused on the same field (the server names `draft.title`): the message sits
    // under Title, and the survey keeps its title.
    await page.goto(`${app.baseUrl}${surveyPath}?tab=edit`);
    const edit = page.getByRole('form', { name: 'Edit survey' });
    await waitForHydration(edit.getByRole('button', { name: 'Save changes' }));
    await edit.getByLabel('Title').fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('Give the survey a title').waitFor();
    expect(await edit.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'surveys-04b-edit-bad-input');
    await page.goto(`${app.baseUrl}${surveyPath}?tab=share`);
    await page.getByRole('heading', { name: 'Quarterly platform satisfaction' }).waitFor();

    await page.getByRole('link', { name: 'Preview' }).click();
    await page.getByText('Preview: this is what developers see.').waitFor();
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByText('This question needs an answer.').waitFor();
    await checkPage(page, 'surveys-05-preview');
    expect(problems).toEqual([]);
  });

  it('is answered anonymously on a phone, keyboard and touch alike', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page, problems } = await openPage(phone);
    await page.goto(surveyUrl);
    await page.getByRole('heading', { name: 'Quarterly platform satisfaction' }).waitFor();
    await checkPage(page, 'surveys-06-form-phone');

    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByRole('alert').getByText('One question needs an answer.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('FIELDSET');
    await screenshot(page, 'surveys-07-form-phone-missing');

    // Keyboard: focus the first score and move with the arrow keys, as a radio group does.
    await page.getByRole('radio', { name: '5', exact: true }).focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(true);
    await page.getByLabel('What is the one thing we should improve?').fill('Creating a database needs three tickets and a week of waiting.');
    await page.getByLabel('Your team').selectOption('Payments');
    await page.getByLabel('How long you have been here').selectOption('1-3y');
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.waitForURL(/\/thanks$/);
    await page.getByRole('heading', { name: 'Thank you: your answers are in' }).waitFor();
    await checkPage(page, 'surveys-08-thanks-phone');

    // This phone has answered: the open link takes one answer per browser.
    await page.goto(surveyUrl);
    await page.getByText('This browser has already answered this survey.').waitFor();
    expect(problems).toEqual([]);
    await phone.close();

    // A second developer answers by touch on their own phone.
    const secondPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const second = await openPage(secondPhone);
    await second.page.goto(surveyUrl);
    await second.page.getByRole('radio', { name: '7', exact: true }).tap();
    await second.page.getByLabel('Your team').selectOption('Payments');
    await second.page.getByRole('button', { name: 'Send answers' }).tap();
    await second.page.waitForURL(/\/thanks$/);
    expect(second.problems).toEqual([]);
    await secondPhone.close();

    // More developers answer (through the same public endpoint the form uses).
    const slug = new URL(surveyUrl).pathname.split('/')[2];
    const form = await (await fetch(`${app.baseUrl}/api/trpc/surveys.publicForm?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`)).json();
    const [score, improve] = form.result.data.json.questions as { id: string }[];
    const answers: [number, string, string | null][] = [
      [9, 'Payments', 'Docs for the deploy pipeline are out of date.'],
      [8, 'Payments', null],
      [6, 'Search', 'Flaky CI runs cost me an hour a day.'],
      [7, 'Payments', null],
      [3, 'Mobile', 'Nobody answers in the platform channel.'],
    ];
    for (const [value, team, text] of answers) {
      const response = await fetch(`${app.baseUrl}/api/v1/surveys/${slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: { [score.id]: value, ...(text ? { [improve.id]: text } : {}) }, team }),
      });
      expect(response.status).toBe(201);
    }
  });

  it('takes last quarter’s results from a survey export into the trend', async () => {
    const { page, problems } = await openPage(editor);
    await page.goto(`${app.baseUrl}/surveys/import`);
    await checkPage(page, 'surveys-09-import');
    const csv = [
      'Timestamp,How satisfied are you with the platform? (1-10),What should we improve?',
      ...[5, 6, 7, 6, 5, 7].map((value, index) => `${pastQuarterStart.slice(0, 8)}1${index} 10:00:00,${value},${index === 0 ? 'Slow builds' : ''}`),
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'last-quarter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('heading', { name: 'last-quarter.csv: 6 responses' }).waitFor();
    await page.getByLabel('Add to the trend of').selectOption({ label: `Quarterly platform satisfaction (${currentQuarter})` });
    await page.getByLabel('Quarter').fill(pastQuarter);
    await page
      .getByLabel('What the column "How satisfied are you with the platform? (1-10)" holds')
      .selectOption({ label: 'Same as: How would you rate the platform overall, from 1 (very poor) to 10 (excellent)? (scale 1-10)' });
    await checkPage(page, 'surveys-10-import-mapping');
    await page.getByRole('button', { name: 'Import 6 responses' }).click();
    await page.getByText('Imported 6 responses from last-quarter.csv.').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the score, the trend with its bands, breakdowns and searchable feedback that becomes evidence', async () => {
    const { page, problems } = await openPage(editor);
    await page.goto(`${app.baseUrl}${surveyPath}`);
    await page.getByText('Platform score (1-10)').waitFor();
    // 8, 7, 9, 8, 6, 7, 3: mean 6.86, in the "watch" band.
    await page.getByText('Watch (6.5 to 7.5)').first().waitFor();
    const trendPanel = page.locator('section', { has: page.getByRole('heading', { name: 'Trend across quarters' }) });
    await trendPanel.getByText('Show the numbers').click();
    const rows = await trendPanel.locator('figure tbody tr').allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([`${pastQuarter} 6.00 6`, `${currentQuarter} 6.86 7`]);
    await trendPanel.getByText('healthy above 7.5', { exact: true }).waitFor();
    await trendPanel.getByText('warning below 6.5', { exact: true }).waitFor();

    const breakdown = page.locator('section', { has: page.getByRole('heading', { name: 'Breakdowns' }) });
    await trendPanel.getByRole('table', { name: 'Response rate per quarter' }).waitFor();
    await trendPanel.getByText(/Response rate = responses ÷ (the \d+ )?active developers in the directory/).waitFor();
    await breakdown.getByText('Too few answers to show (fewer than 5)').first().waitFor();
    // Payments has 5 answers but would give Search and Mobile away: everything is hidden, and each
    // cell says why.
    expect(await breakdown.getByText('Too few answers to show (fewer than 5)').count()).toBe(2);
    expect(await breakdown.getByText('Hidden so that a smaller group cannot be worked out from the total').count()).toBe(1);
    await checkPage(page, 'surveys-11-results');

    const answers = page.getByRole('region', { name: 'Free-text answers' });
    await answers.getByLabel('Search the answers').fill('ticket');
    await answers.getByRole('button', { name: 'Search' }).click();
    await answers.getByText('1 answer mentions “ticket”').waitFor();
    expect(await answers.locator('mark').allInnerTexts()).toEqual(['tickets']);
    await answers.getByRole('button', { name: 'Save as evidence' }).click();
    const dialog = page.getByRole('dialog', { name: /Save as evidence/ });
    await dialog.getByLabel('Excerpt').fill('Creating a database needs three tickets');
    await dialog.getByText('Unattributed: it counts as a mention').waitFor();
    await createThemeInPicker(dialog, 'Getting a database takes a week of tickets');
    await checkPage(page, 'surveys-12-save-evidence');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByText('Saved as evidence').waitFor();
    expect(problems).toEqual([]);
  });

  it('says when it is closed, and its next run says when it opens', async () => {
    const { page, problems } = await openPage(editor);
    await page.goto(`${app.baseUrl}${surveyPath}?tab=results`);
    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByRole('button', { name: 'Open again' }).waitFor();

    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page: anonymous, problems: anonymousProblems } = await openPage(visitor);
    await anonymous.goto(surveyUrl);
    await anonymous.getByText('This survey is closed and no longer takes answers.').waitFor();
    await checkPage(anonymous, 'surveys-13-closed');

    await page.getByRole('button', { name: 'Run again next quarter' }).click();
    await page.waitForURL(/\?tab=edit$/);
    await page.getByRole('form', { name: 'Edit survey' }).waitFor();
    await page.getByRole('link', { name: 'Share and invite' }).click();
    const nextUrl = (await page.locator('code', { hasText: '/s/' }).innerText()).trim();
    expect(nextUrl).not.toBe(surveyUrl);
    await anonymous.goto(nextUrl);
    await anonymous.getByText(/This survey is not open yet: it opens on/).waitFor();
    await checkPage(anonymous, 'surveys-14-not-yet-open');

    await page.getByRole('link', { name: 'Surveys' }).first().click();
    await page.getByRole('cell', { name: pastQuarter }).waitFor();
    await checkPage(page, 'surveys-15-list');
    expect([...problems, ...anonymousProblems]).toEqual([]);
    await visitor.close();
  });
});
