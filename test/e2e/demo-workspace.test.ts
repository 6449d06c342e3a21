// The demo workspace from the first-run screen: one click gives a working product (coverage,
// interviews, shadowing, evidence, search), a viewer can read it but not change it, and one
// action removes it again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, watchPage } from './helpers/browser';

let app: RunningApp;
let browser: Browser;
const WAIT = { timeout: 60_000 };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return { page, problems: watchPage(page) };
}

describe('demo workspace', () => {
  // Two more page loads than before (Home first, and Home again after removing): a longer budget.
  it('loads from the first-run screen, reads like real discovery notes, and is removed in one action', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${app.baseUrl}/setup`);
    await page.getByLabel('Your name').fill('Dana Demo');
    await page.getByLabel('Work email').fill('dana@example.com');
    await page.getByLabel('Password').fill('demo password 1');
    await checkPage(page, 'demo-01-setup');
    await page.getByRole('button', { name: 'Set up with the demo workspace' }).click();
    // The first-run demo lands on Home, the weekly review, with the demo banner on it.
    await page.waitForURL(`${app.baseUrl}/`, WAIT);
    await page.getByRole('region', { name: 'Demo workspace' }).getByText('You are looking at demo data.').waitFor(WAIT);
    await page.goto(`${app.baseUrl}/coverage`);
    await page.getByRole('heading', { name: '8 of 15-20 developers interviewed' }).waitFor(WAIT);
    await checkPage(page, 'demo-02-coverage');

    await page.goto(`${app.baseUrl}/interviews`);
    await page.getByText('8 interviews').waitFor(WAIT);
    await checkPage(page, 'demo-03-interviews');
    await page.getByRole('link', { name: /^Interview with Ada Okafor on / }).click();
    await page.getByText('Everyone on my team copies the payments-api repo').first().waitFor(WAIT);
    await checkPage(page, 'demo-04-interview');

    await page.goto(`${app.baseUrl}/shadowing`);
    await page.getByRole('link', { name: /^Shadowing Noor Haddad on / }).click();
    await page.getByRole('table', { name: 'Friction per kind' }).waitFor(WAIT);
    await checkPage(page, 'demo-05-session');

    await page.goto(`${app.baseUrl}/evidence?kind=shadowing`);
    await page.getByText(/^\d+ evidence items$/).waitFor(WAIT);
    await checkPage(page, 'demo-06-evidence');

    await page.goto(`${app.baseUrl}/search?q=FinOps`);
    await page.locator('mark', { hasText: 'FinOps' }).first().waitFor(WAIT);

    // A viewer reads everything and changes nothing.
    await page.goto(`${app.baseUrl}/members`);
    const form = page.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill('Vic Viewer');
    await form.getByLabel('Email').fill('vic@example.com');
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByLabel('Temporary password').fill('viewer password 1');
    await form.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('vic@example.com', { exact: true }).waitFor(WAIT);

    const viewer = await newPage();
    await viewer.page.goto(`${app.baseUrl}/login`);
    await viewer.page.getByLabel('Email').fill('vic@example.com');
    await viewer.page.getByLabel('Password').fill('viewer password 1');
    await viewer.page.getByRole('button', { name: 'Sign in' }).click();
    await viewer.page.waitForURL(`${app.baseUrl}/`, WAIT);
    await viewer.page.goto(`${app.baseUrl}/interviews`);
    await viewer.page.getByRole('link', { name: /^Interview with Mei Chen on / }).click();
    await viewer.page.getByText('I grep logs in three services').first().waitFor(WAIT);
    expect(await viewer.page.getByRole('textbox').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'Save selection as evidence' }).count()).toBe(0);
    await checkPage(viewer.page, 'demo-07-interview-viewer');
    await viewer.page.goto(`${app.baseUrl}/evidence`);
    await viewer.page.getByText(/^\d+ evidence items$/).waitFor(WAIT);
    // A viewer filters (the "Not in a theme yet" box) but has nothing to select for tagging.
    expect(await viewer.page.getByRole('checkbox', { name: /^Select/ }).count()).toBe(0);
    await viewer.page.getByRole('checkbox', { name: 'Not in a theme yet' }).waitFor();
    expect(await viewer.page.getByRole('link', { name: 'Open in source' }).count()).toBeGreaterThan(0);

    await page.goto(`${app.baseUrl}/settings/demo`);
    await page.getByRole('button', { name: 'Remove the demo' }).click();
    await page.getByRole('dialog', { name: 'Remove the demo workspace?' }).getByRole('button', { name: 'Remove the demo' }).click();
    await page.waitForURL(`${app.baseUrl}/`, WAIT);
    await page.goto(`${app.baseUrl}/settings/demo`);
    await page.getByRole('heading', { name: 'No demo loaded' }).waitFor(WAIT);
    expect(await page.getByRole('region', { name: 'Demo workspace' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/coverage`);
    await page.getByRole('heading', { name: 'Nobody to cover yet' }).waitFor(WAIT);
    await checkPage(page, 'demo-08-coverage-empty');
    await page.goto(`${app.baseUrl}/evidence`);
    await page.getByRole('heading', { name: 'No evidence yet' }).waitFor(WAIT);
    await checkPage(page, 'demo-09-evidence-empty');
    expect(problems).toEqual([]);
    expect(viewer.problems).toEqual([]);
  }, 240_000);
});
