// The inputs of the queries the request inbox shows on first paint, read from its address: one
// function for the page's server prefetch (page.tsx) and the view (requests-inbox.tsx), so both
// ask for exactly the same queries.
import { oneOf, pageOf, type ParamReader } from '@/app/_components/url-params';

type Filter = 'untriaged' | 'open' | 'merged' | 'accepted' | 'declined' | 'evidence' | 'all';

export const FILTERS: { value: Filter; label: string }[] = [
  { value: 'untriaged', label: 'Needs triage' },
  { value: 'open', label: 'Open' },
  { value: 'merged', label: 'Merged' },
  { value: 'accepted', label: 'Accepted as an item' },
  { value: 'declined', label: 'Declined' },
  { value: 'evidence', label: 'Saved as evidence' },
  { value: 'all', label: 'All requests' },
];

export const PAGE_SIZE = 25;

export function requestsInputs(params: ParamReader) {
  const filter: Filter = oneOf(params.get('filter'), FILTERS.map((option) => option.value), 'untriaged');
  const search = params.get('q') ?? '';
  const focusId = params.get('request');
  const page = pageOf(params);
  return {
    filter,
    search,
    focusId,
    list: { filter, search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    /** The request a link opened (?request=), shown above the list; read only when there is one. */
    focused: { filter: 'all' as const, id: focusId ?? undefined, limit: 1, offset: 0 },
  };
}
