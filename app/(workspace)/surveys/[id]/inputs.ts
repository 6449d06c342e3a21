// The tab and the query inputs of one survey's page on first paint, read from its address: one
// set of functions for the page's server prefetch (page.tsx) and the views (survey-view.tsx,
// survey-results.tsx, free-text-answers.tsx), so both ask for exactly the same queries.
import { oneOf, type ParamReader } from '@/app/_components/url-params';

export const TABS = [
  ['results', 'Results'],
  ['edit', 'Edit'],
  ['preview', 'Preview'],
  ['share', 'Share and invite'],
] as const;
export type Tab = (typeof TABS)[number][0];

/** ?tab=…, the results when absent or unknown. */
export function surveyTab(params: ParamReader): Tab {
  return oneOf(params.get('tab'), TABS.map(([value]) => value), 'results');
}

/** The trend across quarters of one series; null is the survey's headline question. */
export const trendInput = (id: string, seriesKey: string | null = null) => ({ id, seriesKey });

export const FREE_TEXT_PAGE = 20;

/** One page of free-text answers; the first paint asks for every question, no search, no answer anchor. */
export function freeTextInput(id: string, { questionId = '', responseId = null, search = '', offset = 0 }: { questionId?: string; responseId?: string | null; search?: string; offset?: number } = {}) {
  return { id, questionId: questionId || null, responseId, search: search || null, limit: FREE_TEXT_PAGE, offset };
}
