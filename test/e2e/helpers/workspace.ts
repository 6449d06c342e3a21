// Shared steps of browser tests: a page with generous waits (the test machine is shared, so
// nothing is timed tightly) that records page errors, and the first admin of a fresh app.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { waitForHydration, watchPage } from './browser';

export const WAIT_MS = 60_000;

export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  return { page, problems: watchPage(page) };
}

/** Creates the first admin through /setup and leaves the page signed in on the home page. */
export async function setUpFirstAdmin(page: Page, baseUrl: string, admin: { name: string; email: string; password: string }) {
  await page.goto(`${baseUrl}/setup`);
  const create = page.getByRole('button', { name: 'Create admin account', exact: true });
  await waitForHydration(create);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Work email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await create.click();
  await page.waitForURL(`${baseUrl}/`, { timeout: WAIT_MS });
}

/** Picks an existing pain theme in a type-ahead theme picker (types part of it, clicks the option). */
export async function pickTheme(scope: Locator | Page, title: string, label = 'Pain themes') {
  await scope.getByRole('combobox', { name: label }).fill(title);
  await scope.getByRole('option', { name: title, exact: true }).click();
}

/** Writes a new pain theme in a type-ahead theme picker and chooses "Create theme “…”". */
export async function createThemeInPicker(scope: Locator | Page, title: string) {
  await scope.getByRole('combobox', { name: 'Pain themes' }).fill(title);
  await scope.getByRole('option', { name: `Create theme “${title}”` }).click();
}

/** Calls a tRPC mutation from the signed-in page, for setting up rows the test is not about. */
export async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([procedure, body]) => {
      const response = await fetch(`/api/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: body }) });
      const payload = await response.json();
      if (!response.ok) throw new Error(JSON.stringify(payload));
      return payload.result.data.json;
    },
    [path, input] as const,
  ) as Promise<T>;
}
