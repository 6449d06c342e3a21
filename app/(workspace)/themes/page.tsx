import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { themesInputs, UNTAGGED_COUNT } from './inputs';
import { ThemesView } from './themes-view';

export const metadata: Metadata = { title: 'Pain themes' };

// Prefetched on the server with the filters the view reads from the same address (inputs.ts), so the first HTML holds the themes.
export default async function ThemesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { list } = themesInputs(toUrlSearchParams(await searchParams));
  return (
    <HydrateClient prefetch={[trpc.themes.list.queryOptions(list), trpc.evidence.list.queryOptions(UNTAGGED_COUNT)]}>
      <Suspense fallback={<LoadingState />}>
        <ThemesView />
      </Suspense>
    </HydrateClient>
  );
}
