// The interviews list's filters as its URL holds them, and the interviews.list input they make:
// one pure function for the browser's view (interviews-view.tsx) and the page that prefetches the
// same list on the server (page.tsx), so both ask for exactly the same query; likewise an
// interview's evidence (interviews/[id]).
import type { RouterInputs } from '@/server/root';
import { pageOf, type ParamReader } from '@/app/_components/url-params';

export const PAGE_SIZE = 50;

export function interviewsFilterOf(params: ParamReader) {
  return { participantId: params.get('participant') ?? '', status: params.get('status') ?? '', page: pageOf(params) };
}

export type InterviewsFilter = ReturnType<typeof interviewsFilterOf>;

/** An interview's evidence (interviews/[id]): what was saved from its answers, notes and transcript. */
export function interviewEvidenceInput(id: string): RouterInputs['evidence']['list'] {
  return { sourceKinds: ['interview'], sourceId: id, limit: 500 };
}

export function interviewsListInput(filter: InterviewsFilter): RouterInputs['interviews']['list'] {
  return {
    participantId: filter.participantId || undefined,
    status: (filter.status || undefined) as 'draft' | undefined,
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
}
