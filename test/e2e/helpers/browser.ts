// Debian's Chromium driven by playwright-core, an axe-core check every e2e test runs on each page
// it visits, and screenshots kept under test-results/screenshots/ to look at.
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';

export const SCREENSHOT_DIR = path.join(process.cwd(), 'test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Every page of every context records its requests in flight from its first one, for checkPage.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>): Promise<BrowserContext> => {
    const context = await newContext(...args);
    context.on('page', trackRequests);
    return context;
  };
  return browser;
}

const inFlight = new WeakMap<Page, Set<Request>>();

function trackRequests(page: Page): void {
  const requests = new Set<Request>();
  inFlight.set(page, requests);
  page.on('request', (request) => requests.add(request));
  page.on('requestfinished', (request) => requests.delete(request));
  page.on('requestfailed', (request) => requests.delete(request));
}

/**
 * Waits until the page has loaded, has no request in flight, and stays so after its scripts have
 * had a turn to act on the last response (a frame and a task). The condition Playwright's
 * 'networkidle' approximates with 500 ms of silence on every call; this returns as soon as it holds.
 */
async function waitForSettledPage(page: Page): Promise<void> {
  const requests = inFlight.get(page);
  // A page not opened through launchBrowser's contexts: Playwright's heuristic.
  if (!requests) return page.waitForLoadState('networkidle');
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.waitForLoadState('load');
    while (requests.size > 0) {
      if (Date.now() > deadline) throw new Error(`Requests still in flight on ${page.url()} after 60 s: ${[...requests].map((r) => r.url()).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // A frame and a task: responses just handled get to render and to start the requests they
    // lead to. rAF does not run in a page that is not drawn, hence the page's own 100 ms bound,
    // and the outer one for a page whose timers do not run (JavaScript turned off).
    let navigated = false;
    const turn = page
      .evaluate(() => new Promise<void>((resolve) => (requestAnimationFrame(() => setTimeout(resolve, 0)), setTimeout(resolve, 100))))
      .catch(() => (navigated = true));
    await Promise.race([turn, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    if (navigated) continue; // The page navigated meanwhile: wait for the new document.
    if (requests.size === 0) return;
  }
}

/**
 * Waits until React has hydrated the element (it attaches its props to the DOM node then). A click
 * on a form's button before that is the browser's own submit, not the app's: CI once clicked
 * "Create admin account" on /setup before hydration, and the page reloaded instead of answering.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await locator.waitFor();
  await locator.page().waitForFunction(
    (element) => element !== null && Object.keys(element).some((key) => key.startsWith('__reactProps$')),
    await locator.elementHandle(),
  );
}

/**
 * Fails the test on any page script error, any native alert or confirm (the app confirms in its own
 * dialog; an alert would be injected script running) or
 * script or resource the page's Content-Security-Policy refused (a page that would not hydrate).
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error on ${new URL(page.url()).pathname}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on('dialog', async (dialog) => {
    // The app asks through its own ConfirmDialog: any window.confirm/alert/prompt is a problem.
    problems.push(`unexpected ${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page and throws on any serious or critical violation, naming the rule and
 * the elements. Also saves a screenshot under the same name.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await waitForSettledPage(page);
  // Next.js streams a dynamic page's metadata after its first bytes: give the <title> a moment to
  // arrive. A page that never gets one fails the axe check below (document-title).
  await page.waitForFunction(() => document.title.trim().length > 0, null, { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  await screenshot(page, name);
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (a <script> tag without the page's nonce would be refused).
  // Once per document: a client-side navigation keeps the window, and axe-core with it (evaluating
  // its 550 kB source took 0.6-2 s a time on a loaded machine).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = (await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target as string[] })) }));
  })) as AxeViolation[];
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) {
    const lines = blocking.map((v) => `- ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
    throw new Error(`Accessibility violations on ${name} (${page.url()}):\n${lines.join('\n')}`);
  }
}
