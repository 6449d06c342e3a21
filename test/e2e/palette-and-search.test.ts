// Issue 18, items 3-5 in a real browser: the command palette by keyboard alone (Ctrl+K, arrows,
// Enter, Escape with focus returned, `/`), search over the new kinds, the type-ahead theme picker
// creating a theme from the tag dialog, and the evidence filters kept in the URL. axe-core on
// every page visited; screenshots at 1280x800 and 390x844.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser } from './helpers/browser';
import { mutate, openPage, setUpFirstAdmin, WAIT_MS } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];
const WAIT = { timeout: WAIT_MS };
const THEME = 'Staging environments take days to get';
const NEW_THEME = 'Nobody knows who owns the wiki';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  ({ page, problems } = await openPage(await browser.newContext({ viewport: { width: 1280, height: 800 } })));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const activeOption = () => page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');

/** Presses ArrowDown until the palette's active option holds `text`: at most once per option listed, then fails. */
async function arrowDownTo(text: string) {
  const count = await page.getByRole('dialog', { name: 'Go to or do' }).getByRole('option').count();
  for (let presses = 0; presses < count && !(await activeOption()).includes(text); presses += 1) await page.keyboard.press('ArrowDown');
  expect(await activeOption()).toContain(text);
}

describe('command palette, search everything, type-ahead themes and evidence filters', () => {
  it('works by keyboard alone', async () => {
    await setUpFirstAdmin(page, app.baseUrl, { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' });
    const mei = await mutate<{ id: string }>(page, 'participants.create', { displayName: 'Mei Chen', email: null, teamId: null, tenureBand: '1-3y', background: 'SRE' });
    const interview = await mutate<{ id: string }>(page, 'interviews.create', { participantId: mei.id, interviewedOn: '2026-11-20' });
    await mutate(page, 'interviews.save', {
      id: interview.id,
      changes: [
        { field: 'answer:3', base: '', value: 'I waited two days for a staging database. The wiki page on databases is out of date.' },
      ],
    });
    const staging = await mutate<{ id: string }>(page, 'evidence.create', { sourceKind: 'interview', sourceId: interview.id, anchor: 'q-3', excerpt: 'I waited two days for a staging database', minutesLost: 120 });
    await mutate(page, 'evidence.create', { sourceKind: 'interview', sourceId: interview.id, anchor: 'q-3', excerpt: 'The wiki page on databases is out of date', minutesLost: 30 });
    await mutate(page, 'evidence.tag', { evidenceIds: [staging.id], newThemeTitle: THEME });

    // Ctrl+K from Home; typing filters; Enter goes.
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('heading', { name: 'Hello, Priya Platform' }).waitFor(WAIT);
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Go to or do' });
    const box = palette.getByRole('combobox');
    await expect.poll(() => box.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    await checkPage(page, 'palette-01-open');
    await page.keyboard.type('inventory');
    expect(await activeOption()).toContain('Pain inventory');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inventory$/, WAIT);
    await checkPage(page, 'palette-02-inventory');

    // A developer by name, reached with the arrow keys: the developer first, then the interview.
    await page.keyboard.press('Control+K');
    await expect.poll(() => box.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    await page.keyboard.type('mei chen');
    await palette.getByRole('option', { name: /Interview with Mei Chen/ }).waitFor(WAIT);
    await page.keyboard.press('ArrowDown');
    expect(await activeOption()).toContain('Interview with Mei Chen');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/interviews/${interview.id}$`), WAIT);
    await checkPage(page, 'palette-03-interview');

    // A theme, then an action.
    await page.keyboard.press('Control+K');
    await expect.poll(() => box.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    await page.keyboard.type('staging environments');
    await palette.getByRole('option', { name: new RegExp(THEME) }).waitFor(WAIT);
    await checkPage(page, 'palette-04-theme-option');
    await arrowDownTo(THEME);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: THEME }).waitFor(WAIT);
    await checkPage(page, 'palette-05-theme');
    await page.keyboard.press('Control+K');
    await expect.poll(() => box.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    await page.keyboard.type('new interview');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/interviews\?new=1$/, WAIT);
    await page.getByRole('form', { name: 'Record an interview' }).waitFor(WAIT);
    await checkPage(page, 'palette-06-new-interview');

    // Escape closes it and gives focus back to where it was.
    await page.goto(`${app.baseUrl}/evidence`);
    await page.getByText('2 evidence items').waitFor(WAIT);
    await checkPage(page, 'palette-07-evidence');
    const searchLink = page.getByRole('link', { name: 'Search everything' });
    await searchLink.focus();
    await page.keyboard.press('Control+K');
    await expect.poll(() => box.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    await palette.waitFor(WAIT);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden', ...WAIT });
    expect(await searchLink.evaluate((element) => element === document.activeElement)).toBe(true);

    // `/` puts the cursor in the page's own search box; on a page without one it opens the palette.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.getByLabel('Words', { exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.goto(`${app.baseUrl}/inventory`);
    await page.getByRole('heading', { name: 'Pain inventory' }).first().waitFor(WAIT);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    await expect.poll(() => box.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    await page.keyboard.type('staging');
    await palette.getByRole('option', { name: /Search everything/ }).waitFor(WAIT);
    await arrowDownTo('Search everything');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=staging$/, WAIT);

    // Search counts the new kinds: the theme joins the evidence and the interview answer.
    await page.getByRole('button', { name: 'Pain themes (1)' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Evidence (1)' }).waitFor(WAIT);
    await page.getByRole('link', { name: THEME }).waitFor(WAIT);
    await checkPage(page, 'palette-08-search');
    expect(problems).toEqual([]);
  });

  it('creates a theme from the type-ahead picker and filters evidence in the URL', async () => {
    await page.goto(`${app.baseUrl}/evidence`);
    await page.getByRole('button', { name: 'Tag “The wiki page on databases is out of date” into themes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag into pain themes' });
    const picker = dialog.getByRole('combobox', { name: 'Pain themes' });
    await picker.fill('stag');
    // Filters as you type: the matching theme, and no offer to create what already exists.
    await dialog.getByRole('option', { name: THEME }).waitFor(WAIT);
    await picker.fill(NEW_THEME);
    expect(await dialog.getByRole('option').allTextContents()).toEqual([`+Create theme “${NEW_THEME}”`]);
    await picker.press('Enter');
    await dialog.getByRole('button', { name: `Remove New: ${NEW_THEME}` }).waitFor(WAIT);
    await checkPage(page, 'picker-01-create');
    await dialog.getByRole('button', { name: 'Tag evidence' }).click();
    await page.getByText('Evidence tagged').waitFor(WAIT);

    // Words, then a theme, then "not in a theme yet": each in the URL, and a reload keeps them.
    await page.getByLabel('Words', { exact: true }).fill('databases');
    await page.waitForURL(/[?&]q=databases/, WAIT);
    await page.getByText('2 evidence items').waitFor(WAIT);
    const themePicker = page.getByRole('combobox', { name: 'Pain theme' });
    await themePicker.fill('wiki');
    await themePicker.press('Enter');
    await page.waitForURL(/[?&]theme=[\w-]+/, WAIT);
    await page.getByText('1 evidence item').waitFor(WAIT);
    await page.getByText('“The wiki page on databases is out of date”').waitFor(WAIT);
    await checkPage(page, 'filters-01-theme');
    await page.reload();
    expect(await page.getByLabel('Words', { exact: true }).inputValue()).toBe('databases');
    await page.getByRole('button', { name: `Remove ${NEW_THEME}` }).waitFor(WAIT);
    await page.getByText('1 evidence item').waitFor(WAIT);

    await page.goto(`${app.baseUrl}/evidence`);
    // The box shows what the URL says: it is ticked once the address has changed.
    await page.getByLabel('Not in a theme yet').click();
    await page.waitForURL(/[?&]theme=untagged/, WAIT);
    await page.getByText('No evidence matches these filters').waitFor(WAIT);
    await checkPage(page, 'filters-02-untagged-none');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/evidence?q=staging`);
    await page.getByText('1 evidence item').waitFor(WAIT);
    await checkPage(page, 'filters-03-phone');
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog', { name: 'Go to or do' }).waitFor(WAIT);
    await checkPage(page, 'palette-09-phone');
    expect(problems).toEqual([]);
  });
});
