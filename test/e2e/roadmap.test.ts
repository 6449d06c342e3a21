// The public roadmap end to end, on PostgreSQL: the PM publishes three items linked to pain
// themes; an anonymous developer sees them (also on a phone, without JavaScript and on paper),
// asks for something, sees the duplicate suggestion and votes; another votes for the request;
// the PM merges it and the public page shows the new count; a webhook receiver the test starts
// gets the signed messages. Then three more requests appear on the board, take votes without
// JavaScript, and one is merged into another; the emails a local SMTP server receives (started
// here) are read and their unsubscribe link used. axe-core runs on every page visited.
import http from 'node:http';
import pg from 'pg';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/create-db';
import { isValidSignature } from '@/server/webhooks/signature';
import { freePort } from '@/test/helpers/net';
import { startSmtpServer, unsubscribeLinkOf } from '@/test/helpers/smtp';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot, watchPage } from './helpers/browser';
import { pickTheme, setUpFirstAdmin } from './helpers/workspace';

const SERVER_URL = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
// Named by E2E_ROADMAP_DATABASE where two checkouts share one server (two runs would drop each other's).
const DATABASE = process.env.E2E_ROADMAP_DATABASE ?? 'frictionlog_e2e_6';
const databaseUrl = () => Object.assign(new URL(SERVER_URL), { pathname: `/${DATABASE}` }).toString();

async function onServer(text: string) {
  const client = new pg.Client({ connectionString: Object.assign(new URL(SERVER_URL), { pathname: '/postgres' }).toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const WAIT = { timeout: 60_000 };
const ADMIN = { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' };
const PRIVATE = ['Ada Secretname', 'ada@private.example', 'PRIVATE-QUOTE', 'INTERNAL-NOTE'];
const ITEMS = {
  preview: 'Preview environments for every pull request',
  databases: 'Self-service Postgres databases',
  ci: 'Faster CI on the monorepo',
};

let app: RunningApp;
let browser: Browser;
let receiver: http.Server;
let receiverUrl: string;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let webhookSecret = '';
let requestUrl = '';
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  await onServer(`drop database if exists ${DATABASE}`);
  await onServer(`create database ${DATABASE}`);
  const port = await freePort();
  receiverUrl = `http://127.0.0.1:${port}/hook`;
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
  smtp = await startSmtpServer();
  [app, browser] = await Promise.all([startApp({ env: { DATABASE_URL: databaseUrl(), SMTP_URL: smtp.url } }), launchBrowser()]);
  await seedPainInventory();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await smtp?.close();
  await onServer(`drop database if exists ${DATABASE}`);
});

/** Themes, developers and evidence, written straight into the database the app runs on. */
async function seedPainInventory() {
  const handle = await createDb({ kind: 'postgres', url: databaseUrl(), poolSize: 1 });
  const { db } = handle;
  const people = await db
    .insertInto('participants')
    .values([
      { display_name: 'Ada Secretname', email: 'ada@private.example' },
      { display_name: 'Bo Lindqvist', email: null },
      { display_name: 'Cy Moreau', email: null },
    ])
    .returning('id')
    .execute();
  const themes = await db
    .insertInto('themes')
    .values([
      { title: 'Setting up a new service takes two days and needs four teams', status: 'confirmed' },
      { title: 'Getting a database takes three days of tickets', status: 'confirmed' },
      { title: 'CI is flaky and slow on the monorepo', status: 'candidate' },
    ])
    .returning('id')
    .execute();
  const evidence = [
    [0, 0, 960, 'PRIVATE-QUOTE we begged the infra team for a namespace'],
    [1, 0, 480, 'Two days to get DNS and a pipeline'],
    [0, 1, 1440, 'Three days of tickets for one database'],
    [2, 2, 30, 'Retried the build four times'],
    [1, 2, 45, 'CI queue was 40 minutes'],
  ] as const;
  for (const [person, theme, minutes, excerpt] of evidence) {
    const row = await db
      .insertInto('evidence')
      .values({
        source_kind: 'interview',
        source_id: people[person].id,
        source_path: '/seed',
        excerpt,
        participant_id: people[person].id,
        minutes_lost: minutes,
        observed_on: '2026-10-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('evidence_themes').values({ evidence_id: row.id, theme_id: themes[theme].id }).execute();
  }
  await handle.close();
}

async function newPage(options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

async function expectNoPrivateWords(page: Page) {
  const html = await page.content();
  for (const word of PRIVATE) expect(html, word).not.toContain(word);
}

let pm: { context: BrowserContext; page: Page; problems: string[] };
let developer: { context: BrowserContext; page: Page; problems: string[] };

/** A drag as a person does it: press, move in several steps (each a dragover), release. */
async function drag(page: Page, source: Locator, target: Locator) {
  // The page answers a drag once hydrated (after a reload the server's HTML already shows the cards).
  await page.waitForLoadState('networkidle');
  await source.waitFor(WAIT);
  await target.waitFor(WAIT);
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 4, { steps: 2 });
  await page.mouse.up();
}

async function addItem(page: Page, item: { title: string; lane: string; theme: string; description?: string; note?: string }) {
  const dialog = page.getByRole('dialog');
  const form = dialog.getByRole('form', { name: 'New roadmap item' });
  await form.getByLabel('Title').fill(item.title);
  await form.getByLabel('Lane').selectOption({ label: item.lane });
  if (item.description) await form.getByLabel('Public description').fill(item.description);
  if (item.note) await form.getByLabel('Internal note').fill(item.note);
  await pickTheme(form, item.theme, 'Pain themes it answers');
  await form.getByRole('button', { name: 'Add item' }).click();
  await dialog.waitFor({ state: 'hidden', ...WAIT });
  await page.locator('[data-card]', { hasText: item.title }).waitFor(WAIT);
}

describe('public roadmap', () => {
  it('lets the PM set up a webhook, add three items linked to pain themes, order them and publish', async () => {
    pm = await newPage();
    const { page } = pm;
    await setUpFirstAdmin(page, app.baseUrl, ADMIN);

    // Webhooks first, so the chat hears about everything that follows.
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'No webhooks yet' }).waitFor(WAIT);
    await checkPage(page, 'roadmap-01-webhooks-empty');
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Name').fill('#platform-roadmap');
    await form.getByLabel('Address (URL)').fill('ftp://files.example.com/hook');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await form.getByText('Use an http:// or https:// address').waitFor(WAIT);
    // The receiver runs on this machine: refused until an admin allows private receivers.
    await form.getByLabel('Address (URL)').fill(receiverUrl);
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await form.getByText(/This address is on a private network/).waitFor(WAIT);
    await page.getByLabel('Allow receivers on private networks').click();
    await page.getByText('Receivers on private networks are allowed').waitFor(WAIT);
    await checkPage(page, 'roadmap-01b-webhooks-private-allowed');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    webhookSecret = (await page.locator('code', { hasText: /^whsec_/ }).innerText()).trim();
    expect(webhookSecret).toMatch(/^whsec_[\w-]{32}$/);
    await checkPage(page, 'roadmap-02-webhook-secret');
    await page.getByRole('button', { name: 'I have copied it' }).click();

    await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
    await page.getByRole('heading', { name: 'No roadmap items yet' }).waitFor(WAIT);
    await checkPage(page, 'roadmap-03-editor-empty');

    await page.getByRole('button', { name: 'Add the first item' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await dialog.getByText('Give the item a title').first().waitFor(WAIT);
    await checkPage(page, 'roadmap-04-item-dialog-error');
    await addItem(page, {
      title: ITEMS.preview,
      lane: 'Planned',
      theme: 'Setting up a new service takes two days and needs four teams',
      description: 'Every pull request gets **its own environment**, torn down on merge. ![tracking](http://tracker.example/p.png)',
      note: 'INTERNAL-NOTE ask Ada Secretname before promising a date',
    });
    await page.getByRole('button', { name: 'New item' }).click();
    await addItem(page, { title: ITEMS.databases, lane: 'In progress', theme: 'Getting a database takes three days of tickets' });
    await page.getByRole('button', { name: 'New item' }).click();
    await addItem(page, { title: ITEMS.ci, lane: 'Requested — not yet prioritized', theme: 'CI is flaky and slow on the monorepo' });

    // Votes and pain side by side: the preview item answers 2 developers' 12 h/month each.
    const previewCard = page.locator('[data-card]', { hasText: ITEMS.preview });
    await expect.poll(() => previewCard.innerText()).toMatch(/Votes\s*0\s*Pain \(dev-hours\/month\)\s*24/);
    await page.getByText('The public roadmap has never been published.').waitFor(WAIT);

    // Keyboard: pick up the CI item, move it one lane left (into Planned, first place), drop.
    const handle = page.getByRole('button', { name: `Move ${ITEMS.ci}` });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    const planned = page.locator('ol[aria-labelledby="lane-planned"] > [data-card]');
    await expect.poll(() => planned.allInnerTexts(), WAIT).toEqual([expect.stringContaining(ITEMS.ci), expect.stringContaining(ITEMS.preview)]);
    await page.reload();
    await expect.poll(() => planned.allInnerTexts(), WAIT).toEqual([expect.stringContaining(ITEMS.ci), expect.stringContaining(ITEMS.preview)]);

    // Mouse: drag it back into Requested.
    await drag(page, page.locator('[data-card]', { hasText: ITEMS.ci }), page.locator('ol[aria-labelledby="lane-requested"]'));
    await expect.poll(() => page.locator('ol[aria-labelledby="lane-requested"] > [data-card]').allInnerTexts(), WAIT).toEqual([expect.stringContaining(ITEMS.ci)]);
    await checkPage(page, 'roadmap-05-editor-drafts');

    await page.getByRole('button', { name: 'Review and publish' }).click();
    await page.getByRole('dialog').getByText(`“${ITEMS.preview}” appears in Planned`).waitFor(WAIT);
    await checkPage(page, 'roadmap-06-publish-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: the public roadmap shows 3 items.').waitFor(WAIT);
    await page.getByText('The public roadmap is up to date.').waitFor(WAIT);
    expect(pm.problems).toEqual([]);
  });

  it('shows an anonymous developer the three items and why they are there, with nothing private', async () => {
    developer = await newPage();
    const { page } = developer;
    await page.goto(`${app.baseUrl}/roadmap`);
    for (const title of Object.values(ITEMS)) await page.getByRole('link', { name: title }).waitFor(WAIT);
    await page.getByText('“Setting up a new service takes two days and needs four teams” — affects 2 developers').waitFor(WAIT);
    await expectNoPrivateWords(page);
    await checkPage(page, 'roadmap-07-public-board');

    await page.getByRole('link', { name: ITEMS.preview }).click();
    await page.getByRole('heading', { name: ITEMS.preview, level: 1 }).waitFor(WAIT);
    await page.getByText('Added to Planned').waitFor(WAIT);
    expect(await page.locator('main img').count()).toBe(0);
    await expectNoPrivateWords(page);
    await checkPage(page, 'roadmap-08-public-item');

    // The lane change reached the webhook receiver, signed.
    await expect.poll(() => received.length, WAIT).toBeGreaterThan(0);
    const laneChange = received.find((message) => message.headers['x-frictionlog-event'] === 'item.lane_changed')!;
    expect(JSON.parse(laneChange.body).text).toContain(`${ITEMS.preview} → Planned`);
    expect(
      isValidSignature({
        secret: webhookSecret,
        timestamp: Number(laneChange.headers['x-frictionlog-timestamp']),
        body: laneChange.body,
        signature: String(laneChange.headers['x-frictionlog-signature']),
        nowSeconds: Math.floor(Date.now() / 1000),
      }),
    ).toBe(true);
    expect(developer.problems).toEqual([]);
  });

  it('reads on a phone, without JavaScript, and on paper', async () => {
    const phone = await newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await phone.page.goto(`${app.baseUrl}/roadmap`);
    await phone.page.getByRole('link', { name: ITEMS.databases }).waitFor(WAIT);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(phone.page, 'roadmap-09-phone-no-javascript');
    await phone.page.emulateMedia({ media: 'print' });
    expect(await phone.page.getByRole('navigation', { name: 'Roadmap' }).isVisible()).toBe(false);
    await screenshot(phone.page, 'roadmap-10-print');
    await phone.context.close();
  });

  it('lets the developer ask for something, see the duplicate suggestion, and vote', async () => {
    const { page } = developer;
    await page.goto(`${app.baseUrl}/roadmap`);
    await page.getByRole('link', { name: 'Ask for something' }).first().click();
    await page.waitForURL(/\/roadmap\/requests\/new$/, WAIT);
    await checkPage(page, 'roadmap-11-request-form');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Say in a few words what you need').waitFor(WAIT);

    await page.getByLabel('What do you need?').fill('Preview environment per pull request');
    const suggestion = page.getByRole('region', { name: 'Is it one of these? Vote instead' });
    await suggestion.getByRole('link', { name: ITEMS.preview }).waitFor(WAIT);
    await checkPage(page, 'roadmap-12-duplicate-suggestion');
    await page.getByLabel('Details (optional)').fill('Reviewing frontend changes needs a running app.\n<script>alert("x")</script>');
    await page.getByLabel('Your email (optional)').fill('dev@example.com');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Thank you: your request is in, with your vote.').waitFor(WAIT);
    requestUrl = page.url();
    expect(requestUrl).toMatch(/\/roadmap\/requests\/[0-9a-f-]{36}$/);
    await page.getByText('<script>alert("x")</script>').waitFor(WAIT);
    await page.getByText('1 vote', { exact: true }).waitFor(WAIT);
    expect(await page.content()).not.toContain('dev@example.com');
    await checkPage(page, 'roadmap-13-request-page');

    // A vote for the existing item, from the board.
    await page.goto(`${app.baseUrl}/roadmap`);
    await page.getByRole('button', { name: `Vote for ${ITEMS.preview}` }).click();
    await page.getByRole('status').getByText('Your vote is in.', { exact: false }).waitFor(WAIT);
    await page.getByRole('button', { name: `Voted — undo for ${ITEMS.preview}` }).waitFor(WAIT);

    // Another developer votes for the request.
    const colleague = await newPage();
    await colleague.page.goto(requestUrl);
    await colleague.page.getByRole('button', { name: /^Vote for / }).click();
    await colleague.page.getByText('2 votes', { exact: true }).waitFor(WAIT);
    await checkPage(colleague.page, 'roadmap-14-request-voted');
    expect(colleague.problems).toEqual([]);
    await colleague.context.close();

    await expect.poll(() => received.some((message) => message.headers['x-frictionlog-event'] === 'request.created'), WAIT).toBe(true);
    expect(received.map((message) => message.body).join()).not.toContain('dev@example.com');
    expect(developer.problems).toEqual([]);
  });

  it('lets the PM merge the request into the item; the public page shows the new count', async () => {
    const { page } = pm;
    await page.getByRole('link', { name: 'Request inbox' }).click();
    await page.getByRole('heading', { name: 'Preview environment per pull request' }).waitFor(WAIT);
    await checkPage(page, 'roadmap-15-inbox');
    await page.getByRole('button', { name: 'Merge into an item' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: new RegExp(ITEMS.preview) }).check();
    await checkPage(page, 'roadmap-16-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    // The developer's own vote was already on the item; the colleague's moves.
    await page.getByText(`Merged into “${ITEMS.preview}”: 1 vote moved, 2 in all.`).waitFor(WAIT);
    await page.getByRole('heading', { name: 'Inbox zero' }).waitFor(WAIT);

    const board = developer.page;
    await board.goto(`${app.baseUrl}/roadmap`);
    const card = board.locator('li', { has: board.getByRole('link', { name: ITEMS.preview }) });
    await expect.poll(async () => (await board.reload(), card.innerText()), WAIT).toContain('2 votes');
    await board.goto(requestUrl);
    await board.getByText(/^Merged on .* into/).waitFor(WAIT);
    await board.getByRole('link', { name: ITEMS.preview }).waitFor(WAIT);
    await checkPage(board, 'roadmap-17-request-merged');

    await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
    await expect.poll(() => page.locator('[data-card]', { hasText: ITEMS.preview }).innerText(), WAIT).toMatch(/Votes\s*2/);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('cell', { name: 'New request: Preview environment per pull request' }).waitFor(WAIT);
    await checkPage(page, 'roadmap-18-delivery-log');
    expect(pm.problems).toEqual([]);
    expect(developer.problems).toEqual([]);
  });

  it('lets the PM save a request as evidence and decline it with a public reason', async () => {
    const asker = await newPage();
    await asker.page.goto(`${app.baseUrl}/roadmap/requests/new`);
    await asker.page.getByLabel('What do you need?').fill('Kubernetes namespaces on demand');
    await asker.page.getByLabel('Details (optional)').fill('Getting a namespace took me a week of tickets.');
    await asker.page.getByRole('button', { name: 'Send request' }).click();
    await asker.page.getByText('Thank you: your request is in, with your vote.').waitFor(WAIT);

    const { page } = pm;
    await page.getByRole('link', { name: 'Request inbox' }).click();
    const card = page.locator('li', { has: page.getByRole('heading', { name: 'Kubernetes namespaces on demand' }) });
    await card.getByRole('button', { name: 'Save as evidence', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Excerpt').fill('Getting a namespace took me a week of tickets');
    await pickTheme(dialog, 'Setting up a new service takes two days and needs four teams');
    await checkPage(page, 'roadmap-19-save-evidence');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByRole('status').getByText('Saved as evidence').waitFor(WAIT);

    await page.getByLabel('Show').selectOption('all');
    await card.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('dialog').getByText(/^Explain why/).waitFor(WAIT);
    await page.getByRole('dialog').getByLabel('Reason, shown publicly').fill('Namespaces come with the new service template: see “Preview environments”.');
    await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
    await page.getByText('Declined. The developer reads your reason on the request’s page.').waitFor(WAIT);

    await asker.page.reload();
    await asker.page.getByText('Namespaces come with the new service template: see “Preview environments”.').waitFor(WAIT);
    await asker.page.getByText('It is also recorded as evidence in the team’s pain inventory').waitFor(WAIT);
    await checkPage(asker.page, 'roadmap-20-request-declined');
    expect(asker.problems).toEqual([]);
    expect(pm.problems).toEqual([]);
  });
  it('lists three new requests on the board, takes votes without JavaScript, and merges one request into another', async () => {
    const titles = { npm: 'Faster npm installs in CI', cache: 'Cache node_modules between CI runs', flags: 'Self-service feature flags' };
    const asker = await newPage();
    for (const title of Object.values(titles)) {
      await asker.page.goto(`${app.baseUrl}/roadmap/requests/new`);
      await asker.page.getByLabel('What do you need?').fill(title);
      await asker.page.getByLabel('Your email (optional)').fill('asker@private.example');
      await asker.page.getByRole('button', { name: 'Send request' }).click();
      await asker.page.getByText('Thank you: your request is in, with your vote.').waitFor(WAIT);
    }
    // The confirmation's address is the request's own, and reopening it does not thank again.
    const flagsUrl = asker.page.url();
    await asker.page.reload();
    await asker.page.getByRole('heading', { name: titles.flags, level: 1 }).waitFor(WAIT);
    expect(await asker.page.getByText('Thank you: your request is in').count()).toBe(0);
    expect(flagsUrl).toMatch(/\/roadmap\/requests\/[0-9a-f-]{36}$/);

    // Without JavaScript: the Requested lane lists them; a vote is a plain form.
    const noScript = await newPage({ javaScriptEnabled: false });
    const board = noScript.page;
    // axe needs JavaScript: the pages the script-less browser sees are checked again in the asker's.
    const checkWithScript = async (name: string) => {
      await asker.page.goto(board.url());
      await checkPage(asker.page, name);
    };
    await board.goto(`${app.baseUrl}/roadmap`);
    const requests = board.getByRole('region', { name: /^Open requests from developers/ });
    for (const title of Object.values(titles)) await requests.getByRole('link', { name: title }).waitFor(WAIT);
    await requests.getByRole('button', { name: `Vote for ${titles.npm}` }).click();
    await board.getByRole('status').getByText('Your vote is in.', { exact: false }).waitFor(WAIT);
    const npmCard = board.locator('li', { has: board.getByRole('link', { name: titles.npm }) });
    expect(await npmCard.innerText()).toContain('2 votes');
    // Most votes first; Newest puts the last one sent on top; search narrows the list.
    expect(await requests.getByRole('listitem').first().innerText()).toContain(titles.npm);
    await requests.getByRole('link', { name: 'Newest' }).click();
    await board.waitForURL(/sort=newest/, WAIT);
    expect(await board.getByRole('region', { name: /^Open requests from developers/ }).getByRole('listitem').first().innerText()).toContain(titles.flags);
    await board.getByLabel('Search requests').fill('feature flags');
    await board.getByRole('button', { name: 'Search' }).click();
    await board.getByText('Open requests from developers (1)').waitFor(WAIT);
    await expectNoPrivateWords(board);
    expect(await board.content()).not.toContain('asker@private.example');
    await screenshot(board, 'roadmap-21-open-requests-no-javascript');
    await checkWithScript('roadmap-21-open-requests-no-javascript-axe');
    await board.goto(`${app.baseUrl}/roadmap?requests=declined#requests`);
    await board.getByText('Namespaces come with the new service template', { exact: false }).waitFor(WAIT);
    await screenshot(board, 'roadmap-22-declined-requests');
    await checkWithScript('roadmap-22-declined-requests-axe');

    // The PM merges one request into another: the voter already on it counts once.
    const { page } = pm;
    await page.getByRole('link', { name: 'Request inbox' }).click();
    const card = page.locator('li', { has: page.getByRole('heading', { name: titles.npm }) });
    await card.getByRole('button', { name: 'Merge into a request' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Open request').selectOption({ label: `${titles.cache} (1 vote)` });
    await checkPage(page, 'roadmap-23-merge-into-request');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await page.getByText(`Merged into “${titles.cache}”: 1 vote moved, 2 in all.`).waitFor(WAIT);

    await board.goto(`${app.baseUrl}/roadmap`);
    const cacheCard = board.locator('li', { has: board.getByRole('link', { name: titles.cache }) });
    expect(await cacheCard.innerText()).toContain('2 votes');
    expect(await board.getByRole('link', { name: titles.npm }).count()).toBe(0);
    await board.getByRole('link', { name: titles.cache }).click();
    await board.getByRole('link', { name: titles.npm }).click();
    await board.getByText(/^Merged on .* into the request/).waitFor(WAIT);
    await board.getByRole('link', { name: titles.cache }).waitFor(WAIT);
    await screenshot(board, 'roadmap-24-request-merged-into-request');
    await checkWithScript('roadmap-24-request-merged-into-request-axe');

    // The local SMTP server got the one email about the merge; its link unsubscribes without sign-in, once.
    await expect.poll(() => smtp.inbox.filter((mail) => mail.to.includes('asker@private.example')).length, WAIT).toBe(1);
    const mail = smtp.inbox.find((mail) => mail.to.includes('asker@private.example'))!;
    expect(mail.subject).toBe(`Merged: ${titles.npm}`);
    expect(mail.text).toContain(`merged the request you follow into “${titles.cache}”`);
    await expect.poll(() => smtp.inbox.some((mail) => mail.to.includes('dev@example.com') && mail.subject === 'Merged: Preview environment per pull request'), WAIT).toBe(true);
    const link = unsubscribeLinkOf(mail);
    await board.goto(link);
    await board.getByRole('button', { name: 'Unsubscribe' }).waitFor(WAIT);
    await screenshot(board, 'roadmap-25-unsubscribe');
    await checkWithScript('roadmap-25-unsubscribe-axe');
    await board.getByRole('button', { name: 'Unsubscribe' }).click();
    await board.getByRole('heading', { name: 'You are unsubscribed' }).waitFor(WAIT);
    await board.goto(link);
    await board.getByRole('alert').getByText(/^This unsubscribe link was already used on/).waitFor(WAIT);
    await board.goto(link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')));
    await board.getByRole('alert').getByText(/^This unsubscribe link is not valid/).waitFor(WAIT);
    await screenshot(board, 'roadmap-26-unsubscribe-refused');
    await checkWithScript('roadmap-26-unsubscribe-refused-axe');
    expect(smtp.inbox.map((mail) => mail.text).join()).not.toContain('PRIVATE-QUOTE');

    await page.goto(`${app.baseUrl}/settings/webhooks`);
    await page.getByText(/^On, through smtp:\/\/127\.0\.0\.1:\d+\./).waitFor(WAIT);
    expect(noScript.problems).toEqual([]);
    expect(asker.problems).toEqual([]);
    expect(pm.problems).toEqual([]);
    await noScript.context.close();
    await asker.context.close();
  });
});
