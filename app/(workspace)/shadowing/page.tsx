import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { PARTICIPANT_CHOICES } from '@/app/(workspace)/_listen/participant-choices';
import { shadowingInputs } from './inputs';
import { ShadowingListView } from './shadowing-list-view';

export const metadata: Metadata = { title: 'Shadowing sessions' };

// Prefetched on the server with the filter the view reads from the same address (inputs.ts), and the developer
// picker's list when the address opens the new-session form (?new=1), so the first HTML holds them.
export default async function ShadowingPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { list, isFormAsked } = shadowingInputs(toUrlSearchParams(await searchParams));
  const prefetch = [trpc.shadowing.list.queryOptions(list), ...(isFormAsked ? [trpc.participants.list.queryOptions(PARTICIPANT_CHOICES)] : [])];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <ShadowingListView />
      </Suspense>
    </HydrateClient>
  );
}
