import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { MembersView } from './members-view';

export const metadata: Metadata = { title: 'Members' };

// Prefetched on the server, so the first HTML holds the data the view reads.
export default function MembersPage() {
  return (
    <HydrateClient prefetch={[trpc.members.list.queryOptions()]}>
      <MembersView />
    </HydrateClient>
  );
}
