// The inputs of the queries the post-mortems list shows on first paint, read from its address:
// one function for the page's server prefetch (page.tsx) and the view (postmortems-view.tsx), so
// both ask for exactly the same queries.
import { pageOf, type ParamReader } from '@/app/_components/url-params';

export const PAGE_SIZE = 50;
const INFRASTRUCTURE = ['yes', 'no', 'suggested', 'unreviewed'] as const;

export function postmortemsInputs(params: ParamReader) {
  const search = params.get('q') ?? '';
  const infrastructureParam = params.get('infrastructure');
  const infrastructure = (INFRASTRUCTURE as readonly string[]).includes(infrastructureParam ?? '') ? (infrastructureParam as (typeof INFRASTRUCTURE)[number]) : undefined;
  const category = params.get('category') || undefined;
  const page = pageOf(params);
  return { search, infrastructure, category, list: { search: search || undefined, infrastructure, category, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } };
}
