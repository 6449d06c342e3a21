// The input of the search the page shows on first paint, read from its address: one function for
// the page's server prefetch (page.tsx) and the view (search-view.tsx), so both ask for exactly
// the same query. No words, no search (`input` is null).
import { oneOf, pageOf, type ParamReader } from '@/app/_components/url-params';
import { SEARCH_GROUPS } from '@/server/search/search-text';

export const PAGE_SIZE = 20;

export function searchInputs(params: ParamReader) {
  const query = params.get('q') ?? '';
  const group = oneOf(params.get('kind'), SEARCH_GROUPS, null);
  const page = pageOf(params);
  const input = { text: query, groups: group ? [group] : undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  return { query, group, input, isEnabled: query.trim().length > 0 };
}
