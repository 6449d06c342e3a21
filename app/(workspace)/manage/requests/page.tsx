// The request inbox: triage of developers' requests, and the boards they are filed under.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { BoardsPanel } from './boards-panel';
import { requestsInputs } from './inputs';
import { RequestsInbox } from './requests-inbox';

export const metadata: Metadata = { title: 'Request inbox' };

// Prefetched on the server with the filters the inbox reads from the same address (inputs.ts), and the boards. Not
// the "fits theme" suggestions: they are asked for the rows shown, for editors only, so the browser loads them after.
export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { list, focused, focusId } = requestsInputs(toUrlSearchParams(await searchParams));
  const prefetch = [trpc.requests.list.queryOptions(list), ...(focusId ? [trpc.requests.list.queryOptions(focused)] : []), trpc.requests.boards.queryOptions()];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <RequestsInbox />
        <BoardsPanel />
      </Suspense>
    </HydrateClient>
  );
}
