import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { searchInputs } from './inputs';
import { SearchView } from './search-view';

export const metadata: Metadata = { title: 'Search' };

// Prefetched on the server with the words and group the view reads from the same address (inputs.ts), so the first HTML holds the results.
export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { input, isEnabled } = searchInputs(toUrlSearchParams(await searchParams));
  return (
    <HydrateClient prefetch={isEnabled ? [trpc.search.query.queryOptions(input)] : []}>
      <Suspense fallback={<LoadingState />}>
        <SearchView />
      </Suspense>
    </HydrateClient>
  );
}
