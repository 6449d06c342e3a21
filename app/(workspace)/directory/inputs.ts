// The directory's filters as its URL holds them, and the participants.list input they make: one
// pure function for the browser's view (directory-view.tsx) and the page that prefetches the same
// list on the server (page.tsx), so both ask for exactly the same query.
import type { RouterInputs } from '@/server/root';
import { oneOf, pageOf, type ParamReader } from '@/app/_components/url-params';

export const PAGE_SIZE = 50;
export const SORTS = ['name', 'team', 'tenure', 'background', 'created'] as const;
export type Sort = (typeof SORTS)[number];

export function directoryFilterOf(params: ParamReader) {
  return {
    search: params.get('q') ?? '',
    teamId: params.get('team') ?? '',
    tenureBand: params.get('tenure') ?? '',
    background: params.get('background') ?? '',
    status: (params.get('status') ?? 'active') as 'active' | 'archived' | 'all',
    sort: oneOf(params.get('sort'), SORTS, 'name'),
    direction: params.get('dir') === 'desc' ? ('desc' as const) : ('asc' as const),
    page: pageOf(params),
  };
}

export type DirectoryFilter = ReturnType<typeof directoryFilterOf>;

export function directoryListInput(filter: DirectoryFilter): RouterInputs['participants']['list'] {
  return {
    search: filter.search || undefined,
    teamId: filter.teamId || undefined,
    tenureBand: (filter.tenureBand || undefined) as '<1y' | undefined,
    background: filter.background || undefined,
    status: filter.status,
    sort: filter.sort,
    direction: filter.direction,
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
}
