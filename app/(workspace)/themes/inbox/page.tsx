import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { inboxInputs } from '@/app/(workspace)/themes/inputs';
import { InboxView } from './inbox-view';

export const metadata: Metadata = { title: 'Untagged evidence' };

// Prefetched on the server with the page the view reads from the same address (themes/inputs.ts), so the first HTML holds the evidence.
export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { list } = inboxInputs(toUrlSearchParams(await searchParams));
  return (
    <HydrateClient prefetch={[trpc.evidence.list.queryOptions(list)]}>
      <Suspense fallback={<LoadingState />}>
        <InboxView />
      </Suspense>
    </HydrateClient>
  );
}
