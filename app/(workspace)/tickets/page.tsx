import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { FIRST_SIMILARITY, ticketsInputs } from './inputs';
import { TicketsView } from './tickets-view';

export const metadata: Metadata = { title: 'Tickets' };

// Prefetched on the server with the filters the view reads from the same address (inputs.ts), so the first HTML holds every panel's data.
export default async function TicketsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { filter, list } = ticketsInputs(toUrlSearchParams(await searchParams));
  const prefetch = [
    trpc.tickets.overview.queryOptions(filter),
    trpc.tickets.categories.queryOptions(),
    trpc.tickets.list.queryOptions(list),
    trpc.tickets.repeatQuestions.queryOptions({ ...filter, similarity: FIRST_SIMILARITY }),
    trpc.tickets.rules.queryOptions(),
    trpc.tickets.categoryCosts.queryOptions(),
    trpc.metrics.manualWorkCategories.queryOptions(),
    trpc.metrics.shipMarkers.queryOptions(),
  ];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <TicketsView />
      </Suspense>
    </HydrateClient>
  );
}
