import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { GuidesView } from './guides-view';

export const metadata: Metadata = { title: 'Interview guides' };

// Prefetched on the server, so the first HTML holds the data the view reads.
export default function GuidesPage() {
  return (
    <HydrateClient prefetch={[trpc.interviews.guides.list.queryOptions()]}>
      <GuidesView />
    </HydrateClient>
  );
}
