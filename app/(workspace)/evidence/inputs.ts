// The evidence lists' filters as their URL holds them, and the evidence.list inputs they make: one
// pure function for each browser view (evidence-view.tsx, inbox/inbox-view.tsx) and the page that
// prefetches the same list on the server, so both ask for exactly the same query.
import type { RouterInputs } from '@/server/root';
import { MAX_FILTER_TEXT } from '@/server/evidence/rules';
import { pageOf, type ParamReader } from '@/app/_components/url-params';

export const PAGE_SIZE = 50;

/** The developer filter's choices: every developer, archived ones too. */
export const DEVELOPER_OPTIONS_INPUT = { status: 'all', sort: 'name', limit: 500 } as const satisfies RouterInputs['participants']['list'];

export function evidenceFilterOf(params: ParamReader) {
  return {
    kind: params.get('kind') ?? '',
    participantId: params.get('participant') ?? '',
    teamId: params.get('team') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    /** A theme's id, or `untagged` for evidence in no theme yet. */
    theme: params.get('theme') ?? '',
    text: params.get('q') ?? '',
    page: pageOf(params),
  };
}

export type EvidenceFilter = ReturnType<typeof evidenceFilterOf>;

const isValidDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day);

export function evidenceListInput(filter: EvidenceFilter): RouterInputs['evidence']['list'] {
  const isUntagged = filter.theme === 'untagged';
  const themeId = filter.theme && !isUntagged ? filter.theme : '';
  return {
    sourceKinds: filter.kind ? [filter.kind as 'interview'] : undefined,
    participantId: filter.participantId || undefined,
    teamId: filter.teamId || undefined,
    themeId: themeId || undefined,
    isUntagged: isUntagged || undefined,
    text: filter.text.slice(0, MAX_FILTER_TEXT) || undefined,
    from: isValidDay(filter.from) ? filter.from : undefined,
    to: isValidDay(filter.to) ? filter.to : undefined,
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
}

/** The untagged inbox's page of evidence. */
export function inboxListInput(page: number): RouterInputs['evidence']['list'] {
  return { isUntagged: true, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}
