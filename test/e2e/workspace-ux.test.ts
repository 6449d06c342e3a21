// The workspace a PM lives in all week (issue 18, items 1, 2, 10 and 11): sign-in after a typo
// keeps the email; at 1280x800 and 390x844 every sidebar link can be scrolled into view, unclipped
// and uncovered, the current page's entry is in view on arrival, the roadmap's five lanes fit;
// /favicon.ico answers; the metrics CSV import previews first; an open survey link takes one
// answer per browser until its owner switches that off. axe-core on every page visited.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser } from './helpers/browser';
import { openPage, setUpFirstAdmin } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let problems: string[];
const ADMIN = { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  admin = await browser.newContext({ viewport: DESKTOP });
  ({ page, problems } = await openPage(admin));
  await setUpFirstAdmin(page, app.baseUrl, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function call(kind: 'query' | 'mutation', path: string, input: unknown = {}) {
  const response =
    kind === 'mutation'
      ? await page.request.post(`${app.baseUrl}/api/trpc/${path}`, { data: { json: input } })
      : await page.request.get(`${app.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/** Why a link is out of reach after scrolling it into view, or 'ok'. */
function reachOf(link: Element): string {
  const box = link.getBoundingClientRect();
  if (box.height < 12 || box.width < 40) return `too small (${Math.round(box.width)}x${Math.round(box.height)})`;
  if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight + 0.5 || box.right > window.innerWidth + 0.5) return 'outside the window';
  if (link.scrollWidth > link.clientWidth + 1) return 'its label is cut';
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit && (hit === link || link.contains(hit)) ? 'ok' : `covered by <${hit?.tagName.toLowerCase()}>`;
}

async function expectSidebarReachable(target: Page, label: string) {
  const links = target.getByRole('navigation', { name: 'Workspace' }).getByRole('link');
  const count = await links.count();
  expect(count, label).toBeGreaterThanOrEqual(18);
  for (let index = 0; index < count; index += 1) {
    const link = links.nth(index);
    await link.scrollIntoViewIfNeeded();
    expect(`${await link.innerText()}: ${await link.evaluate(reachOf)}`, label).toBe(`${await link.innerText()}: ok`);
  }
}

describe('sign-in', () => {
  it('keeps the email (and the password to fix) after a wrong password', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page: login, problems: loginProblems } = await openPage(context);
    await login.goto(`${app.baseUrl}/login`);
    await login.getByLabel('Email').fill(ADMIN.email);
    await login.getByLabel('Password').fill('admin pasword 1');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.getByText('Email or password is incorrect.').waitFor();
    expect(await login.getByLabel('Email').inputValue()).toBe(ADMIN.email);
    expect(await login.getByLabel('Password').inputValue()).toBe('admin pasword 1');
    await checkPage(login, 'workspace-ux-01-login-typo');
    await login.getByLabel('Password').fill(ADMIN.password);
    await login.getByRole('button', { name: 'Sign in' }).click();
    await login.waitForURL(`${app.baseUrl}/`);
    expect(loginProblems).toEqual([]);
    await context.close();
  });
});

describe('screens of 1280x800 and 390x844', () => {
  it('reaches every sidebar link on a laptop, with the current page in view on arrival, and fits the roadmap lanes', async () => {
    for (const [lane, title] of [
      ['in_progress', 'Self-service staging'],
      ['planned', 'Faster CI caches'],
      ['requested', 'Preview environments'],
      ['shipped', 'One-click rollbacks'],
      ['declined', 'Custom base images'],
    ]) {
      await call('mutation', 'roadmap.create', { title, lane, isPublic: true });
    }
    for (const [path, name] of [
      ['/', 'home'],
      ['/manage/roadmap', 'roadmap'],
      ['/metrics', 'metrics'],
      ['/settings/demo', 'demo'],
      ['/account', 'account'],
    ]) {
      await page.goto(`${app.baseUrl}${path}`);
      await checkPage(page, `workspace-ux-02-desktop-${name}`);
      // Arriving on a page low in the list, its entry is scrolled into view without a hand.
      const current = page.getByRole('navigation', { name: 'Workspace' }).locator('[aria-current="page"]');
      expect(await current.evaluate(reachOf), `${path} current entry`).toBe('ok');
      await expectSidebarReachable(page, `1280x800 ${path}`);
    }

    await page.goto(`${app.baseUrl}/manage/roadmap`);
    const lanes = page.getByRole('region', { name: 'Roadmap lanes' }).locator('section');
    await lanes.nth(4).waitFor();
    expect(await lanes.count()).toBe(5);
    for (const lane of await lanes.all()) {
      const box = (await lane.boundingBox())!;
      expect(box.x + box.width, `${await lane.getAttribute('aria-labelledby')} ends past the window`).toBeLessThanOrEqual(DESKTOP.width);
    }
    expect(problems).toEqual([]);
  });

  it('reaches every link from the menu on a phone, with nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, storageState: await admin.storageState() });
    const { page: phone, problems: phoneProblems } = await openPage(context);
    for (const [path, name] of [
      ['/', 'home'],
      ['/manage/roadmap', 'roadmap'],
      ['/metrics', 'metrics'],
      ['/surveys', 'surveys'],
    ]) {
      await phone.goto(`${app.baseUrl}${path}`);
      await checkPage(phone, `workspace-ux-03-phone-${name}`);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), `${path} page width`).toBeLessThanOrEqual(PHONE.width);
      await phone.getByRole('button', { name: 'Menu' }).click();
      await expectSidebarReachable(phone, `390x844 ${path}`);
      await phone.getByRole('button', { name: 'Close menu' }).click();
    }
    expect(phoneProblems).toEqual([]);
    await context.close();
  });

  it('serves a favicon', async () => {
    const response = await page.request.get(`${app.baseUrl}/favicon.ico`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/image/);
  });
});

describe('metrics import', () => {
  it('previews a deployments CSV before importing it', async () => {
    const header = 'event_id,service,team,via_platform,commit_time,deploy_time,outcome,recovered_at';
    const csv = [header, 'e2e-1,checkout,Payments,yes,2026-09-28 09:00,2026-09-28 10:00,success,', 'e2e-2,search,Search,no,2026-10-05 09:00,2026-10-05 12:00,failure,2026-10-05 13:00'].join(
      '\n',
    );
    await page.goto(`${app.baseUrl}/metrics`);
    await page.locator('input[type=file]').setInputFiles({ name: 'deployments.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByRole('region', { name: 'Import preview' });
    await preview.getByRole('button', { name: 'Import 2 deployments' }).waitFor();
    // en-GB writes September 'Sept' in current ICU.
    expect(await preview.innerText()).toMatch(/2 deployments of 2 services, deployed 28 Sept? 2026 to 5 Oct 2026/);
    await checkPage(page, 'workspace-ux-04-metrics-preview');
    // Nothing is imported by picking the file.
    expect(await call('mutation', 'metrics.previewDeployments', { text: csv })).toMatchObject({ newRows: 2, alreadyStored: 0 });
    await preview.getByRole('button', { name: 'Import 2 deployments' }).click();
    await page.getByText('2 deployments imported, 0 already stored').waitFor();
    await checkPage(page, 'workspace-ux-05-metrics-imported');
    expect(problems).toEqual([]);
  });
});

describe('open survey links', () => {
  it('take one answer per browser, say so, and take more once the owner switches it off', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { id } = (await call('mutation', 'surveys.create', {
      title: 'Platform pulse',
      intro: '',
      quarter: `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`,
      opensOn: today,
      closesOn: today,
      asksTeam: false,
      asksTenure: false,
      access: 'link',
      questions: [{ kind: 'scale_10', prompt: 'How would you rate the platform?', isRequired: true, options: [] }],
    })) as { id: string };
    const { slug } = (await call('query', 'surveys.get', { id })) as { slug: string };

    const respondent = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const { page: form, problems: formProblems } = await openPage(respondent);
    const answerOnce = async () => {
      await form.goto(`${app.baseUrl}/s/${slug}`);
      await form.getByRole('button', { name: 'Send answers' }).waitFor();
      await form.getByRole('radio', { name: '8' }).check();
      await form.getByRole('button', { name: 'Send answers' }).click();
      await form.waitForURL(`${app.baseUrl}/s/${slug}/thanks`);
    };
    await form.goto(`${app.baseUrl}/s/${slug}`);
    await form.getByText('One answer per browser: once you send').waitFor();
    await checkPage(form, 'workspace-ux-06-survey-form');
    await answerOnce();

    // The page (the cookie) says it; without the cookie, local storage still says it.
    await form.goto(`${app.baseUrl}/s/${slug}`);
    await form.getByText('This browser has already answered this survey.').waitFor();
    await checkPage(form, 'workspace-ux-07-survey-already-answered');
    await respondent.clearCookies();
    await form.reload();
    await form.getByText('This browser has already answered this survey.').waitFor();
    expect(await form.getByRole('button', { name: 'Send answers' }).count()).toBe(0);

    // Another browser answers as usual.
    const other = await browser.newContext({ viewport: DESKTOP });
    const { page: otherForm } = await openPage(other);
    await otherForm.goto(`${app.baseUrl}/s/${slug}`);
    await otherForm.getByRole('button', { name: 'Send answers' }).waitFor();
    await other.close();

    // The owner switches it off in the survey's settings.
    await page.goto(`${app.baseUrl}/surveys/${id}?tab=edit`);
    const oncePerBrowser = page.getByRole('checkbox', { name: /One answer per browser/ });
    expect(await oncePerBrowser.isChecked()).toBe(true);
    await oncePerBrowser.uncheck();
    await checkPage(page, 'workspace-ux-08-survey-settings');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/tab=preview/);

    await answerOnce();
    await form.goto(`${app.baseUrl}/s/${slug}`);
    await form.getByRole('button', { name: 'Send answers' }).waitFor();
    const results = (await call('query', 'surveys.get', { id })) as { responseCount: number };
    expect(results.responseCount).toBe(2);
    expect(formProblems).toEqual([]);
    expect(problems).toEqual([]);
    await respondent.close();
  });
});
