import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { RatingsView } from './ratings-view';

export const metadata: Metadata = { title: 'Ratings' };

// Prefetched on the server, so the first HTML holds the flows the view reads.
export default function RatingsPage() {
  return (
    <HydrateClient prefetch={[trpc.ratings.flows.queryOptions()]}>
      <RatingsView />
    </HydrateClient>
  );
}
