import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { interviewsFilterOf, interviewsListInput } from './inputs';
import { InterviewsView } from './interviews-view';

export const metadata: Metadata = { title: 'Interviews' };

// Prefetched on the server (the view's own queries, the list's input read from the URL by the same function), so the first HTML holds
// the interviews. The new-interview form (?new=1, opened from a button elsewhere) loads its choices in the browser.
export default async function InterviewsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const filter = interviewsFilterOf(toUrlSearchParams(await searchParams));
  const prefetch = [
    trpc.interviews.list.queryOptions(interviewsListInput(filter)),
    // The developer the list is filtered by, named in the heading.
    ...(filter.participantId ? [trpc.participants.get.queryOptions({ id: filter.participantId })] : []),
  ];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <InterviewsView />
      </Suspense>
    </HydrateClient>
  );
}
