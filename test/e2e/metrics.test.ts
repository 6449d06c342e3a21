// Delivery events posted through the API show up on the metrics dashboard: adoption, time to
// first deploy and DORA with bands. axe-core on every page visited.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, watchPage } from './helpers/browser';
import { setUpFirstAdmin } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  problems = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const DAY = 86_400_000;

describe('platform metrics', () => {
  it('shows delivery events posted through the API', async () => {
    await setUpFirstAdmin(page, app.baseUrl, { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' });

    await page.goto(`${app.baseUrl}/metrics`);
    await page.getByRole('heading', { name: 'No delivery events yet' }).waitFor();
    await checkPage(page, 'metrics-01-empty');

    await page.goto(`${app.baseUrl}/settings/api-tokens`);
    await page.getByLabel('What uses it').fill('CI pipeline');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.locator('code', { hasText: /^fl_/ }).innerText()).trim();
    const post = (path: string, body: unknown) =>
      fetch(`${app.baseUrl}/api/v1/events/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    // Three services created 20 days ago; two deploy through the platform every day, one by hand weekly.
    const now = Date.now();
    const created = new Date(now - 20 * DAY);
    const services = ['checkout', 'search', 'legacy-billing'];
    const servicesResponse = await post('services', {
      events: services.map((service) => ({ eventId: `created-${service}`, service, team: service === 'search' ? 'Search' : 'Payments', createdAt: created.toISOString() })),
    });
    expect(servicesResponse.status).toBe(200);
    const events = [];
    for (let day = 19; day >= 1; day -= 1) {
      const deployedAt = new Date(now - day * DAY);
      for (const service of ['checkout', 'search']) {
        events.push({
          eventId: `${service}-${day}`,
          service,
          viaPlatform: true,
          commitAt: new Date(deployedAt.getTime() - 2 * 3_600_000).toISOString(),
          deployedAt: deployedAt.toISOString(),
          outcome: day === 10 && service === 'search' ? 'failure' : 'success',
          recoveredAt: day === 10 && service === 'search' ? new Date(deployedAt.getTime() + 30 * 60_000).toISOString() : null,
        });
      }
      if (day % 7 === 0) {
        events.push({
          eventId: `legacy-${day}`,
          service: 'legacy-billing',
          viaPlatform: false,
          commitAt: new Date(deployedAt.getTime() - 72 * 3_600_000).toISOString(),
          deployedAt: deployedAt.toISOString(),
          outcome: 'success',
        });
      }
    }
    const bad = await post('deployments', { events: [...events.slice(0, 3), { ...events[3], outcome: 'rolled back' }] });
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.error.details.problems).toEqual([{ index: 3, field: 'outcome', message: 'outcome must be "success" or "failure"' }]);

    const ok = await post('deployments', { events });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: events.length, inserted: events.length, alreadyStored: 0 });
    const again = await post('deployments', { events });
    expect((await again.json()).inserted).toBe(0);

    await page.goto(`${app.baseUrl}/metrics`);
    await page.getByRole('heading', { name: 'Adoption' }).waitFor();
    await page.getByText('Year-one target 60-80%').waitFor();
    // The adoption headline: the same figure and label as Home, with the deployment share beside it.
    await page.getByText('of deploying services on the platform', { exact: true }).first().waitFor();
    await page.getByText('Share of deployments through the platform, last full week').waitFor();
    await page.getByText('Still waiting for a first deploy').waitFor();
    await page.getByRole('table', { name: 'DORA metrics per quarter' }).waitFor();
    await page.getByText('The 2024 clusters as published').click();
    await page.getByRole('table', { name: 'DORA 2024 clusters as published' }).waitFor();
    await page.getByText(/Failed deployment recovery time: high and medium publish the same range/).waitFor();
    await checkPage(page, 'metrics-02-dashboard');
    expect(problems).toEqual([]);
  });

  it('marks a shipped item on the trends and opens its before and after', async () => {
    const trpc = async (procedure: string, input: unknown) => {
      const response = await page.request.post(`${app.baseUrl}/api/trpc/${procedure}`, { data: { json: input } });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()).result.data.json;
    };
    await trpc('ratings.createFlow', { key: 'create-service', name: 'Create a service', allowedOrigins: [] });
    for (const score of [4, 5, 5]) {
      const rated = await fetch(`${app.baseUrl}/api/v1/ratings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ flow: 'create-service', score }),
      });
      expect(rated.status).toBe(201);
    }
    const item = await trpc('roadmap.create', { title: 'One-click service template', lane: 'shipped' });

    await page.goto(`${app.baseUrl}/metrics`);
    await page.getByRole('heading', { name: 'Support load' }).waitFor();
    await page.getByText('Self-service ratio', { exact: true }).first().waitFor();
    // Without platform task events the ratio is not measured, whatever the deployments say.
    await page.getByText(/not measured yet/i).first().waitFor();

    const tokenResponse = await trpc('apiTokens.create', { name: 'platform portal' });
    const postTasks = (body: unknown) =>
      fetch(`${app.baseUrl}/api/v1/events/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenResponse.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const yesterday = new Date(Date.now() - DAY).toISOString();
    const tasks = [true, true, true, false].map((selfService, index) => ({ eventId: `task-${index}`, task: 'create-database', selfService, completedAt: yesterday }));
    const refused = await postTasks({ events: [...tasks.slice(0, 2), { ...tasks[2], selfService: 'sometimes' }] });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details.problems).toEqual([{ index: 2, field: 'selfService', message: 'selfService must be true or false' }]);
    expect((await (await postTasks({ events: tasks })).json()).inserted).toBe(4);
    await page.reload();
    await page.getByText(/3 tasks without a person ÷ \(3 \+ 1 waiting for approval \+ 0 manual-work tickets\)/).waitFor();
    await page.getByText(/= platform tasks done without a person ÷/).waitFor();
    await page.getByRole('heading', { name: 'Satisfaction' }).waitFor();
    await page.getByRole('link', { name: 'Create a service' }).waitFor();
    // The ship date is marked under the trend lines, and the item is listed with its before/after.
    await page.getByText('Shipped:', { exact: true }).first().waitFor();
    await checkPage(page, 'metrics-03-outcomes');

    await page.getByRole('link', { name: 'Before and after' }).first().click();
    await page.waitForURL(`${app.baseUrl}/metrics/impact/${item.id}`);
    await page.getByRole('heading', { name: 'Before and after: One-click service template' }).waitFor();
    await page.getByLabel('Flow this item changed').selectOption({ label: 'Create a service' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Rating of “Create a service”' }).waitFor();
    await page.getByText('3 ratings', { exact: false }).waitFor();
    await checkPage(page, 'metrics-04-impact');
    expect(problems).toEqual([]);
  });
});
