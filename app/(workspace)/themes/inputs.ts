// The inputs of the queries the themes pages show on first paint (the list, one theme, the
// untagged inbox), read from their addresses: one function per page for its server prefetch
// (page.tsx) and its view, so both ask for exactly the same queries.
import { oneOf, pageOf, type ParamReader } from '@/app/_components/url-params';
import { SOURCE_KINDS } from '@/server/evidence/rules';
import { parseInventoryParams } from '@/server/inventory/inventory-params';
import { isUuid } from '@/server/lib/uuid';

export const STATUS_FILTERS = [
  { value: 'active', label: 'Candidate and confirmed' },
  { value: 'candidate', label: 'Candidate' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'archived', label: 'Archived' },
  { value: 'merged', label: 'Merged into another' },
  { value: 'all', label: 'All' },
] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number]['value'];

/** How many evidence items are untagged, for the list's "Untagged evidence (n)" button. */
export const UNTAGGED_COUNT = { isUntagged: true, limit: 1 } as const;

/** /themes: the status filter (candidate and confirmed unless asked) and the search words. */
export function themesInputs(params: ParamReader) {
  const status: StatusFilter = oneOf(params.get('status'), STATUS_FILTERS.map((option) => option.value), 'active');
  const search = params.get('q') ?? '';
  return { status, search, list: { status, search: search || undefined } };
}

export const THEME_EVIDENCE_PAGE = 50;

/** /themes/[id]: the inventory's filters it was opened with, and the evidence list's narrowing and page. */
export function themeInputs(id: string, params: Pick<URLSearchParams, 'get' | 'getAll' | 'keys'>) {
  const { filter } = parseInventoryParams(Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)])));
  const who = params.get('who') === 'unattributed' || params.get('who') === 'attributed' ? (params.get('who') as 'attributed' | 'unattributed') : undefined;
  const source = SOURCE_KINDS.find((kind) => kind === params.get('source'));
  const participantId = isUuid(params.get('participant') ?? '') ? params.get('participant')! : undefined;
  const page = pageOf(params);
  return {
    filter,
    who,
    source,
    participantId,
    page,
    evidence: { id, filter, who, sourceKind: source, participantId, limit: THEME_EVIDENCE_PAGE, offset: (page - 1) * THEME_EVIDENCE_PAGE },
    /** The team filter's name comes from the teams list, read only when the filter has a team. */
    isTeamsShown: Boolean(filter.teamId),
  };
}

export const INBOX_PAGE = 50;

/** /themes/inbox: one page of untagged evidence. */
export function inboxInputs(params: ParamReader) {
  const page = pageOf(params);
  return { page, list: { isUntagged: true, limit: INBOX_PAGE, offset: (page - 1) * INBOX_PAGE } };
}
