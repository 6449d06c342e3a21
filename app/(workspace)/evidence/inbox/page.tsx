import type { Metadata } from 'next';
import { Suspense } from 'react';
import type { RouterOutputs } from '@/server/root';
import { LoadingState } from '@/app/_components/states';
import { pageOf, toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { inboxListInput } from '@/app/(workspace)/evidence/inputs';
import { InboxView } from './inbox-view';

export const metadata: Metadata = { title: 'Untagged evidence' };

// Prefetched on the server (the view's own queries, same inputs): the list, then the suggestions for its rows, which the view asks for once the list is in.
export default async function UntaggedInboxPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const list = trpc.evidence.list.queryOptions(inboxListInput(pageOf(toUrlSearchParams(await searchParams))));
  return (
    <HydrateClient<RouterOutputs['evidence']['list']>
      prefetch={[list]}
      then={(untagged) => [trpc.themes.suggestions.queryOptions({ evidenceIds: untagged.rows.map((row) => row.id) })]}
    >
      <Suspense fallback={<LoadingState />}>
        <InboxView />
      </Suspense>
    </HydrateClient>
  );
}
