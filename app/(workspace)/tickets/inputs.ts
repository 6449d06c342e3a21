// The inputs of the queries the Tickets page shows on first paint, read from its address: one
// function for the page's server prefetch (page.tsx) and the view (tickets-view.tsx), so both ask
// for exactly the same queries.
import { pageOf, type ParamReader } from '@/app/_components/url-params';

export const PAGE_SIZE = 50;

/** The repeat-questions panel's first similarity, before the reader picks another. */
export const FIRST_SIMILARITY = 'normal';

export interface Filter {
  from?: string;
  to?: string;
  category?: string;
}

export function ticketsInputs(params: ParamReader) {
  const filter: Filter = { from: params.get('from') || undefined, to: params.get('to') || undefined, category: params.get('category') || undefined };
  const search = params.get('q') ?? '';
  const page = pageOf(params);
  return { filter, search, page, list: { ...filter, search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } };
}
