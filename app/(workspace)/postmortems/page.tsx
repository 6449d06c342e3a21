import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { postmortemsInputs } from './inputs';
import { PostmortemsView } from './postmortems-view';

export const metadata: Metadata = { title: 'Post-mortems' };

// Prefetched on the server with the filters the view reads from the same address (inputs.ts), so the first HTML holds the list.
export default async function PostmortemsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { list } = postmortemsInputs(toUrlSearchParams(await searchParams));
  return (
    <HydrateClient prefetch={[trpc.postmortems.list.queryOptions(list), trpc.postmortems.categories.queryOptions()]}>
      <Suspense fallback={<LoadingState />}>
        <PostmortemsView />
      </Suspense>
    </HydrateClient>
  );
}
