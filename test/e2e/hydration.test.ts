// First paint equals the browser's first render on pages whose data the server prefetches (issue
// 20, point 6). A hydration mismatch (React #418) depends on timing: CI met one only under load.
// This test makes the timing bad on purpose: the browser's CPU runs 6x slower (DevTools
// Emulation.setCPUThrottlingRate) while the server does not, so the browser's own fetches finish
// long before React hydrates the page's part of the HTML. Each page is opened fresh several times
// with the demo workspace loaded (its banner in the layout reads the same query as /settings/demo)
// and deployments imported (the dashboard shows figures, a team filter, markers).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { launchBrowser } from './helpers/browser';
import { mutate, openPage, setUpFirstAdmin } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let admin: BrowserContext;

// Main's /settings/demo (no prefetch in the layout) failed in round 3 of 4 in both of two runs.
const ROUNDS = 6;
const SLOWER = 6;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  admin = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page } = await openPage(admin);
  await setUpFirstAdmin(page, app.baseUrl, { name: 'Priya Platform', email: 'priya@example.com', password: 'admin password 1' });
  await mutate(page, 'demo.load', {});
  const header = 'event_id,service,team,via_platform,commit_time,deploy_time,outcome,recovered_at';
  const text = [header, 'h-1,checkout,Payments,yes,2026-09-28 09:00,2026-09-28 10:00,success,', 'h-2,search,Search,no,2026-10-05 09:00,2026-10-05 12:00,failure,2026-10-05 13:00'].join('\n');
  await mutate(page, 'metrics.importDeployments', { text });
  await page.close();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Opens the path in a fresh tab with a throttled CPU; returns the page and what went wrong on it. */
async function openThrottled(path: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await openPage(admin);
  // Production React reports a mismatch as a page error (#418) and sometimes only on the console.
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat|Minified React error #4(18|19|20|21|22|23|25)/i.test(message.text())) problems.push(`console on ${path}: ${message.text()}`);
  });
  const cdp = await admin.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWER });
  await page.goto(`${app.baseUrl}${path}`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return { page, problems };
}

describe('pages hydrate what the server rendered, on a slow CPU', () => {
  it('/metrics shows the prefetched dashboard in the first HTML and hydrates it unchanged', async () => {
    const html = await (await admin.request.get(`${app.baseUrl}/metrics`)).text();
    // The server's HTML already holds the figures and the team filter's teams, not a loading state.
    expect(html).toContain('Adoption, last full week');
    expect(html).toMatch(/<option value="[0-9a-f-]{36}">Payments<\/option>/);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { page, problems } = await openThrottled('/metrics');
      await page.getByRole('heading', { name: 'Platform metrics' }).waitFor();
      await page.getByText('Adoption, last full week').waitFor();
      expect(problems, `round ${round}`).toEqual([]);
      await page.close();
    }
  });

  it('/settings/demo hydrates its status unchanged although the layout\'s banner reads it too', async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { page, problems } = await openThrottled('/settings/demo');
      await page.getByRole('heading', { name: 'The demo is loaded' }).waitFor();
      await page.getByRole('region', { name: 'Demo workspace' }).waitFor();
      expect(problems, `round ${round}`).toEqual([]);
      await page.close();
    }
  });

  it('the other prefetched pages hydrate unchanged too', async () => {
    for (const [path, heading] of [
      ['/account', 'Your account'],
      ['/members', 'Members'],
      ['/surveys', 'Surveys'],
      ['/manage/roadmap', 'Roadmap'],
    ]) {
      for (let round = 1; round <= 2; round += 1) {
        const { page, problems } = await openThrottled(path);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        expect(problems, `${path} round ${round}`).toEqual([]);
        await page.close();
      }
    }
  });

  // The list and detail pages (issue 20, point 6), one round each: the lists with a filter or words in the address too, and
  // an id page of each kind the workspace has rows for (a survey, a rating flow and a request are added here).
  it('the themes, tickets, post-mortems, ratings, surveys, search, shadowing, requests and settings pages hydrate unchanged, with filters in the address too', async () => {
    const { page: setup } = await openPage(admin);
    await setup.goto(`${app.baseUrl}/account`);
    const { surveyId } = await mutate<{ surveyId: string }>(setup, 'surveys.import', {
      fileName: 'satisfaction.csv',
      text: ['Submitted,How would you rate the platform overall (1-10)?', '2026-10-01,7', '2026-10-02,8'].join('\n'),
      title: 'Platform satisfaction',
      quarter: '2026-Q4',
      mapping: [
        { column: 0, target: { kind: 'date' } },
        { column: 1, target: { kind: 'question', questionKind: 'scale_10' } },
      ],
    });
    await mutate(setup, 'ratings.createFlow', { key: 'create-service', name: 'Create a new service', allowedOrigins: ['https://backstage.example.com'] });
    await mutate(setup, 'requests.submit', { title: 'Faster staging databases', details: 'A staging database should not take two days to get.' });
    await setup.close();
    const query = async <T,>(path: string, input?: unknown): Promise<T> => {
      const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      return ((await (await admin.request.get(`${app.baseUrl}/api/trpc/${path}${search}`)).json()) as { result: { data: { json: T } } }).result.data.json;
    };
    const themes = await query<{ id: string; title: string }[]>('themes.list', { status: 'active' });
    const theme = themes.find((row) => row.title.startsWith('Getting a staging environment'))!;
    const payments = (await query<{ id: string; name: string }[]>('teams.list')).find((team) => team.name === 'Payments')!;

    // The server's HTML already holds the data, not a loading state (checked without printing whole pages).
    const serverHtmlHas = async (path: string, text: string) => (await (await admin.request.get(`${app.baseUrl}${path}`)).text()).includes(text);
    expect(await serverHtmlHas('/themes', theme.title)).toBe(true);
    expect(await serverHtmlHas('/tickets', 'No tickets yet')).toBe(true);
    expect(await serverHtmlHas('/tickets?category=Access', 'No ticket matches these filters')).toBe(true);
    expect(await serverHtmlHas(`/surveys/${surveyId}`, 'Platform satisfaction')).toBe(true);
    expect(await serverHtmlHas('/manage/requests', 'Faster staging databases')).toBe(true);

    for (const [path, text] of [
      ['/inventory/shares', 'Share links'],
      ['/manage/requests?filter=all&q=staging', 'Faster staging databases'],
      ['/postmortems?infrastructure=yes&q=outage', 'Post-mortems'],
      ['/ratings', 'Create a new service'],
      ['/ratings/create-service', 'Create a new service'],
      ['/ratings/create-service/settings', 'Settings of Create a new service'],
      ['/search?q=staging&kind=themes&page=1', 'Search'],
      ['/settings/api-tokens', 'API tokens'],
      ['/settings/webhooks', 'Webhooks'],
      ['/shadowing?new=1', 'New shadowing session'],
      [`/surveys/${surveyId}`, 'Platform satisfaction'],
      [`/surveys/${surveyId}?tab=share`, 'Platform satisfaction'],
      ['/themes', theme.title],
      ['/themes?status=all&q=staging', theme.title],
      [`/themes/${theme.id}?teamId=${payments.id}&who=attributed`, theme.title],
      ['/themes/inbox', 'Untagged evidence'],
      ['/tickets', 'No tickets yet'],
      ['/tickets?from=2026-01-01&category=Access&q=vpn', 'Tickets'],
    ]) {
      const { page, problems } = await openThrottled(path);
      await page.getByText(text).first().waitFor();
      expect(problems, path).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it('the directory, evidence, interviews, coverage and imports pages hydrate unchanged, filtered ones too', async () => {
    // The server's HTML already holds the lists (not a loading state), and the ids the detail pages below need.
    const html = async (path: string) => (await admin.request.get(`${app.baseUrl}${path}`)).text();
    const directory = await html('/directory');
    expect(directory).toContain('Ada Okafor');
    expect(directory).not.toContain('Loading developers');
    const evidence = await html('/evidence?kind=interview');
    expect(evidence).toMatch(/\d+ evidence items/);
    const interviews = await html('/interviews');
    expect(interviews).toMatch(/\d+ interviews/);
    const developerId = /href="\/directory\/([0-9a-f-]{36})"/.exec(directory)?.[1];
    const interviewId = /href="\/interviews\/([0-9a-f-]{36})"/.exec(interviews)?.[1];
    expect(developerId && interviewId).toBeTruthy();
    const teamId = /<option value="([0-9a-f-]{36})">Payments<\/option>/.exec(directory)?.[1];
    expect(teamId).toBeTruthy();

    for (const [path, heading] of [
      ['/coverage', 'Coverage'],
      ['/directory', 'Developer directory'],
      [`/directory?team=${teamId}&sort=tenure&dir=desc&status=all&page=1`, 'Developer directory'],
      [`/directory/${developerId}`, /./],
      ['/directory/teams', 'Teams'],
      ['/evidence', 'Evidence'],
      [`/evidence?kind=interview&team=${teamId}&q=deploy`, 'Evidence'],
      ['/evidence/inbox', 'Untagged evidence'],
      ['/imports', 'Imports'],
      ['/interviews', 'Interviews'],
      [`/interviews?participant=${developerId}&status=complete`, /^Interviews/],
      [`/interviews/${interviewId}`, /^Interview with /],
      ['/interviews/guides', 'Interview guides'],
    ] as const) {
      const { page, problems } = await openThrottled(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(problems, path).toEqual([]);
      await page.close();
    }
  }, 600_000);
});
