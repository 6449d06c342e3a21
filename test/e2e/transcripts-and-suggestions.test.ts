// Interview transcript to theme, in Chromium: import a WebVTT export into an interview (speakers
// mapped to roles), select words in a turn and save them as evidence, then accept the inbox's
// "fits theme" suggestion for it; then code a survey's free-text answer and a developer's request
// into the suggested theme from where the PM reviews them. axe-core runs on every page.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { startApp, type RunningApp } from './helpers/app';
import { checkPage, launchBrowser, screenshot } from './helpers/browser';
import { openPage, setUpFirstAdmin, WAIT_MS, mutate } from './helpers/workspace';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;

const ADMIN = { name: 'Priya Shah', email: 'priya@example.com', password: 'admin password 1' };
const WAIT = { timeout: WAIT_MS };

const VTT = [
  '\uFEFFWEBVTT',
  '',
  '00:00:02.000 --> 00:00:05.000',
  '<v Priya Shah>Tell me about your last deploy.',
  '',
  '00:00:06.000 --> 00:00:12.000 align:start',
  '<v Ada Okafor>Getting a staging database takes two days',
  'and blocks my deploy.',
  '',
  '00:00:13.000 --> 00:00:15.000',
  '<v Priya Shah>Does it happen often?',
  '',
  '00:00:16.000 --> 00:00:20.000',
  '<v Ada Okafor>The staging database request sat in a queue again.',
  '',
  '00:00:21.000 --> 00:00:23.000',
  '<v Priya Shah>And last week?',
  '',
  '00:01:23.000 --> 00:01:30.000',
  '<v Ada Okafor>Last week I waited three days for a staging database before I could test.',
  '',
].join('\r\n');

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});


describe('transcripts and theme suggestions', () => {
  it('imports a VTT, saves a quote from a turn, and accepts the suggested theme in the inbox', async () => {
    const { page, problems } = await openPage(context);
    await setUpFirstAdmin(page, app.baseUrl, ADMIN);
    const team = await mutate<{ id: string }>(page, 'teams.create', { name: 'Payments' });
    const ada = await mutate<{ id: string }>(page, 'participants.create', { displayName: 'Ada Okafor', email: null, teamId: team.id, tenureBand: '1-3y', background: 'backend' });
    const interview = await mutate<{ id: string }>(page, 'interviews.create', { participantId: ada.id, interviewedOn: '2026-01-15' });

    // Import: a file with no cues first (a clear message, nothing imported), then the export.
    await page.goto(`${app.baseUrl}/interviews/${interview.id}`);
    await page.getByRole('heading', { name: 'Interview with Ada Okafor' }).waitFor();
    await page.getByRole('button', { name: 'Import a transcript' }).click();
    const form = page.getByRole('form', { name: 'Import a transcript' });
    await form.locator('input[type=file]').setInputFiles({ name: 'empty.vtt', mimeType: 'text/vtt', buffer: Buffer.from('WEBVTT\r\n\r\n') });
    await form.getByText(/The transcript has no cues/).waitFor(WAIT);
    await form.locator('input[type=file]').setInputFiles({ name: 'zoom.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });
    await form.getByText(/zoom\.vtt: WebVTT, 6 turns/).waitFor(WAIT);
    await expect.poll(() => form.getByLabel('Ada Okafor (3 turns)').inputValue()).toBe('participant');
    await checkPage(page, 'transcripts-01-import');
    await form.getByRole('button', { name: 'Import 6 turns' }).click();
    const turn = page.locator('li#t-6');
    await turn.getByText('Last week I waited three days for a staging database before I could test.').waitFor(WAIT);

    // Two quotes become a theme (set up through the API), the third is saved from the page.
    const first = await mutate<{ themeIds: string[] }>(page, 'evidence.create', {
      sourceKind: 'interview',
      sourceId: interview.id,
      anchor: 't-2',
      excerpt: 'Getting a staging database takes two days',
      newThemeTitle: 'Getting a staging database takes days',
    });
    await mutate(page, 'evidence.create', { sourceKind: 'interview', sourceId: interview.id, anchor: 't-4', excerpt: 'staging database request sat in a queue', themeIds: first.themeIds });

    await page.getByLabel('Recording address').fill('https://video.example.com/rec/42');
    await page.getByRole('button', { name: 'Save address' }).click();
    await turn.getByRole('link', { name: 'Play the recording at 00:01:23' }).waitFor(WAIT);
    expect(await turn.getByRole('link', { name: 'Play the recording at 00:01:23' }).getAttribute('href')).toBe('https://video.example.com/rec/42#t=83');

    await turn.getByText('Last week I waited three days').evaluate((element) => {
      const range = document.createRange();
      const text = element.firstChild!;
      range.setStart(text, 'Last week '.length);
      range.setEnd(text, 'Last week I waited three days for a staging database'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await turn.getByText('“I waited three days for a staging database” selected').waitFor();
    await turn.getByRole('button', { name: 'Save selection as evidence' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /transcript at 00:01:23/ }).waitFor();
    await checkPage(page, 'transcripts-02-save-quote');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await turn.getByText('“I waited three days for a staging database”').waitFor(WAIT);
    await checkPage(page, 'transcripts-03-turns');

    // Another transcript is refused while evidence comes from this one; picking a new file clears
    // the refusal.
    await page.getByRole('button', { name: 'Import another transcript' }).click();
    const again = page.getByRole('form', { name: 'Import a transcript' });
    await again.locator('input[type=file]').setInputFiles({ name: 'zoom.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });
    await again.getByRole('button', { name: 'Import 6 turns' }).click();
    const refusal = again.getByText(/evidence items were taken from the current transcript; delete them before importing another/);
    await refusal.waitFor(WAIT);
    await screenshot(page, 'transcripts-03b-import-refused');
    await again.locator('input[type=file]').setInputFiles({ name: 'zoom-again.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });
    await again.getByText(/zoom-again\.vtt: WebVTT, 6 turns/).waitFor(WAIT);
    expect(await refusal.count()).toBe(0);

    // The evidence's link opens the recording at that second.
    const redirect = await page.evaluate(async (id) => {
      const response = await fetch(`/interviews/${id}/turns/6`, { redirect: 'manual' });
      return { type: response.type, status: response.status };
    }, interview.id);
    expect(redirect.type).toBe('opaqueredirect');

    // The inbox suggests the theme, with the shared words; accepting it tags the quote.
    await page.goto(`${app.baseUrl}/evidence/inbox`);
    const item = page.getByRole('listitem').filter({ hasText: '“I waited three days for a staging database”' });
    await item.getByText('Fits theme').waitFor(WAIT);
    await item.getByText('Getting a staging database takes days').waitFor();
    await item.locator('mark', { hasText: 'staging database' }).first().waitFor();
    await checkPage(page, 'transcripts-04-inbox');
    await item.getByRole('button', { name: /^Tag into this theme: “Getting a staging database takes days”/ }).click();
    await page.getByRole('heading', { name: 'Every piece of evidence is in a theme' }).waitFor(WAIT);
    await checkPage(page, 'transcripts-05-inbox-empty');

    expect(problems).toEqual([]);
  });

  it('shows "Fits theme" beside survey answers and requests not yet evidence, and saves one into that theme', async () => {
    const { page, problems } = await openPage(context);
    await page.goto(`${app.baseUrl}/`);
    const theme = 'Getting a staging database takes days';

    // A survey with two anonymous answers, sent through the public endpoint the form uses.
    const today = todayOf();
    const { id } = await mutate<{ id: string }>(page, 'surveys.create', { ...quarterlyTemplate(today), quarter: '2031-Q1', opensOn: addDays(today, -1) });
    const survey = await page.evaluate(async (surveyId) => {
      const response = await fetch(`/api/trpc/surveys.get?input=${encodeURIComponent(JSON.stringify({ json: { id: surveyId } }))}`);
      return (await response.json()).result.data.json as { slug: string; questions: { id: string; kind: string }[] };
    }, id);
    const score = survey.questions.find((question) => question.kind === 'scale_10')!;
    const text = survey.questions.find((question) => question.kind === 'free_text')!;
    for (const answer of ['We waited a week for a staging database again.', 'The coffee is fine.']) {
      const response = await fetch(`${app.baseUrl}/api/v1/surveys/${survey.slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: { [score.id]: 6, [text.id]: answer } }),
      });
      expect(response.status).toBe(201);
    }

    await page.goto(`${app.baseUrl}/surveys/${id}?tab=results`);
    const answers = page.getByRole('region', { name: 'Free-text answers' });
    const waiting = answers.getByRole('listitem').filter({ hasText: 'We waited a week for a staging database again.' }).first();
    await waiting.getByText('Fits theme').waitFor(WAIT);
    await waiting.locator('mark', { hasText: 'staging database' }).first().waitFor();
    expect(await answers.getByRole('listitem').filter({ hasText: 'The coffee is fine.' }).getByText('Fits theme').count()).toBe(0);
    await waiting.scrollIntoViewIfNeeded();
    await checkPage(page, 'transcripts-06-survey-answer-fits');
    await waiting.getByRole('button', { name: new RegExp(`^Save as evidence in this theme: “${theme}”`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Unattributed: it counts as a mention').waitFor();
    await dialog.getByRole('list', { name: 'Chosen pain themes' }).getByRole('button', { name: `Remove ${theme}` }).waitFor();
    await checkPage(page, 'transcripts-07-survey-answer-save');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByText('Saved as evidence').waitFor(WAIT);
    // Saved: the answer is evidence of the theme now, so it is no longer suggested.
    await expect.poll(() => waiting.getByText('Fits theme').count(), WAIT).toBe(0);

    // A developer's request on the public roadmap, then the request inbox.
    await mutate(page, 'requests.submit', { title: 'Faster staging databases', details: 'A staging database should not take two days to get.' });
    await page.goto(`${app.baseUrl}/manage/requests`);
    const request = page.getByRole('listitem').filter({ hasText: 'Faster staging databases' }).first();
    await request.getByText('Fits theme').waitFor(WAIT);
    await checkPage(page, 'transcripts-08-request-fits');
    await request.getByRole('button', { name: new RegExp(`^Save as evidence in this theme: “${theme}”`) }).click();
    await page.getByRole('dialog').getByRole('list', { name: 'Chosen pain themes' }).getByRole('button', { name: `Remove ${theme}` }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Save evidence' }).click();
    await expect.poll(() => request.getByText('Fits theme').count(), WAIT).toBe(0);

    // "Not this theme" on another request: the fit goes (remembered: see the integration test).
    await mutate(page, 'requests.submit', { title: 'Staging databases arrive late', details: 'We wait days for a staging database.' });
    await page.reload();
    const late = page.getByRole('listitem').filter({ hasText: 'Staging databases arrive late' }).first();
    await late.getByText('Fits theme').waitFor(WAIT);
    await late.getByRole('button', { name: new RegExp(`^Not this theme: “${theme}”`) }).click();
    await page.getByText('Suggestion dismissed').waitFor(WAIT);
    await expect.poll(() => late.getByText('Fits theme').count(), WAIT).toBe(0);

    // Both are in the theme's evidence now.
    const themes = await page.evaluate(async () => {
      const response = await fetch(`/api/trpc/themes.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
      return (await response.json()).result.data.json as { title: string; evidenceCount: number }[];
    });
    const found = themes.find((row) => row.title === theme)!;
    expect(found.evidenceCount).toBe(5);
    expect(problems).toEqual([]);
  });
});
