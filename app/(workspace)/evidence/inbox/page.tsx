import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { pageOf, toSearchParams } from '@/app/_components/url-params';
import { getQueryClient, HydrateClient, trpc } from '@/app/_trpc/server';
import { inboxListInput } from '@/app/(workspace)/evidence/evidence-params';
import { InboxView } from './inbox-view';

export const metadata: Metadata = { title: 'Untagged evidence' };

// Prefetched on the server (the view's own queries, same inputs): the list first, then the suggestions for its rows, which the view asks for once the list is there.
export default async function UntaggedInboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const list = trpc.evidence.list.queryOptions(inboxListInput(pageOf(toSearchParams(await searchParams))));
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ ...list, retry: false });
  const rows = queryClient.getQueryData(list.queryKey)?.rows;
  const prefetch = rows ? [list, trpc.themes.suggestions.queryOptions({ evidenceIds: rows.map((row) => row.id) })] : [list];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <InboxView />
      </Suspense>
    </HydrateClient>
  );
}
