import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { DEVELOPER_OPTIONS_INPUT, evidenceFilterOf, evidenceListInput } from './inputs';
import { EvidenceView } from './evidence-view';

export const metadata: Metadata = { title: 'Evidence' };

// Prefetched on the server (the view's own queries, the list's input read from the URL by the same function), so the first HTML holds the evidence.
export default async function EvidencePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const filter = evidenceFilterOf(toUrlSearchParams(await searchParams));
  const prefetch = [
    trpc.evidence.list.queryOptions(evidenceListInput(filter)),
    trpc.teams.list.queryOptions(),
    trpc.participants.list.queryOptions(DEVELOPER_OPTIONS_INPUT),
    // The theme filter's choices (ThemePicker).
    trpc.themes.options.queryOptions(),
  ];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <EvidenceView />
      </Suspense>
    </HydrateClient>
  );
}
