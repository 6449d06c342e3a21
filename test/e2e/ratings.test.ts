// The rating widget in the browser: an admin registers a flow, a plain HTML page on another port
// (with hostile CSS) embeds it with one script tag, a developer rates the flow, a page on an origin
// the flow does not allow cannot, and the rating shows on the flow's Ratings page, where its
// comment becomes evidence. axe-core runs on the widget and every page.
import http from 'node:http';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/test/helpers/net';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot } from './helpers/browser';
import { openPage, setUpFirstAdmin, createThemeInPicker } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let admin: BrowserContext;
const servers: http.Server[] = [];

/** A plain page of some internal tool, on its own port, whose CSS tries hard to restyle everything. */
async function servePage(flow: string): Promise<string> {
  const port = await freePort();
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><title>Create a service — internal tool</title>
<style>
  * { color: #ff0000 !important; font-family: serif; font-size: 40px; }
  button { display: none; }
  label, span, p { background: yellow; letter-spacing: 8px; }
  input { width: 200px; }
</style>
</head>
<body>
<main>
<h1>Your service is ready</h1>
<p>It took a few minutes. Tell the platform team how it went.</p>
<script src="${app.baseUrl}/widget.js" data-flow="${flow}" async></script>
</main>
</body>
</html>`;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await browser?.close();
  await app?.stop();
});

let toolOrigin = '';
let otherOrigin = '';

describe('the in-flow rating widget', () => {
  it('starts with an admin registering the flow and the page allowed to embed it', async () => {
    [toolOrigin, otherOrigin] = await Promise.all([servePage('create-service'), servePage('create-service')]);
    const { page, problems } = await openPage(admin);
    await setUpFirstAdmin(page, app.baseUrl, { name: 'Ada Admin', email: 'ada@example.com', password: 'admin password 1' });

    await page.getByRole('link', { name: 'Ratings' }).first().click();
    await page.getByRole('heading', { name: 'No flows yet' }).waitFor();
    await checkPage(page, 'ratings-01-empty');
    await page.getByRole('button', { name: 'Register the first flow' }).click();
    const form = page.getByRole('form', { name: 'Register a flow' });
    await form.getByLabel('Key').fill('Create Service');
    await form.getByLabel('Name').fill('Create a new service');
    await form.getByLabel('Pages allowed to show the widget').fill(`${toolOrigin}/create`);
    await form.getByRole('button', { name: 'Register flow' }).click();
    await form.getByText('Use lowercase letters, digits and dashes').waitFor();
    await form.getByText('is not an origin: write it like https://backstage.example.com (no path)').waitFor();
    await screenshot(page, 'ratings-02-register-bad-input');

    await form.getByLabel('Key').fill('create-service');
    await form.getByLabel('Pages allowed to show the widget').fill(toolOrigin);
    await form.getByRole('button', { name: 'Register flow' }).click();
    await page.getByRole('link', { name: 'Create a new service' }).click();
    await page.getByRole('heading', { name: 'No ratings yet' }).waitFor();
    await checkPage(page, 'ratings-03-flow-empty');
    await page.getByRole('link', { name: 'Get the embed code' }).click();
    await page.getByText(`<script src="${app.baseUrl}/widget.js" data-flow="create-service" async></script>`).waitFor();
    await checkPage(page, 'ratings-04-settings');
    expect(problems).toEqual([]);
  });

  it('is embedded with one script tag, untouched by the page’s CSS, and rates the flow', async () => {
    const developer = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const { page, problems } = await openPage(developer);
    await page.goto(toolOrigin);
    const widget = page.locator('frictionlog-rating');
    await widget.getByRole('group', { name: 'Was this easier than before?' }).waitFor();
    await checkPage(page, 'ratings-05-widget-embedded');

    // The page's CSS does not reach inside: the button shows, in the widget's own colours and size.
    const send = widget.getByRole('button', { name: 'Send rating' });
    expect(await send.isVisible()).toBe(true);
    const style = await widget.getByText('Was this easier than before?').evaluate((element) => {
      const computed = getComputedStyle(element);
      return { color: computed.color, fontSize: computed.fontSize };
    });
    expect(style).toEqual({ color: 'rgb(15, 23, 42)', fontSize: '14px' });

    await send.click();
    await widget.getByText('Choose a score from 1 to 5.').waitFor();
    await widget.getByRole('radio', { name: '4' }).check();
    await widget.getByLabel('Comment (optional)').fill('Needed three approvals just to get a database.');
    await send.click();
    await widget.getByText('Thank you! Your rating was sent.').waitFor();
    await screenshot(page, 'ratings-06-widget-sent');
    expect(problems).toEqual([]);
    await developer.close();
  });

  it('cannot rate from a page on an origin the flow does not allow', async () => {
    const developer = await browser.newContext();
    const { page } = await openPage(developer);
    await page.goto(otherOrigin);
    const widget = page.locator('frictionlog-rating');
    await widget.getByRole('radio', { name: '5 (much easier)' }).check();
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByText('The rating could not be sent: Frictionlog cannot be reached from this page.').waitFor();
    await developer.close();
  });

  it('shows the rating on the flow’s Ratings page, and its comment becomes evidence', async () => {
    const { page, problems } = await openPage(admin);
    await page.goto(`${app.baseUrl}/ratings`);
    const row = page.getByRole('row', { name: /Create a new service/ });
    await expect.poll(() => row.getByRole('cell').allInnerTexts()).toEqual(['Create a new service', 'create-service', '1', '4.0', '4.0 (1)', '1']);
    await checkPage(page, 'ratings-07-list');
    await row.getByRole('link', { name: 'Create a new service' }).click();
    await page.getByText('Average (1-5)').waitFor();
    await page.locator('dd', { hasText: '4.00' }).waitFor();
    const comments = page.locator('section', { has: page.getByRole('heading', { name: 'Comments' }) });
    await comments.getByText('Needed three approvals just to get a database.').waitFor();
    await checkPage(page, 'ratings-08-flow');

    await comments.getByRole('button', { name: 'Save as evidence' }).click();
    const dialog = page.getByRole('dialog', { name: /Save as evidence/ });
    await dialog.getByLabel('Excerpt').fill('three approvals just to get a database');
    await createThemeInPicker(dialog, 'Getting a database needs three approvals');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByText('Saved as evidence').waitFor();
    expect(problems).toEqual([]);
  });
});
