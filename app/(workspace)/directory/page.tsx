import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { directoryFilterOf, directoryListInput } from './inputs';
import { DirectoryView } from './directory-view';

export const metadata: Metadata = { title: 'Developer directory' };

// Prefetched on the server (the view's own queries, the list's input read from the URL by the same function), so the first HTML holds the directory.
export default async function DirectoryPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const filter = directoryFilterOf(toUrlSearchParams(await searchParams));
  const prefetch = [trpc.teams.list.queryOptions(), trpc.participants.backgrounds.queryOptions(), trpc.participants.list.queryOptions(directoryListInput(filter))];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <DirectoryView />
      </Suspense>
    </HydrateClient>
  );
}
