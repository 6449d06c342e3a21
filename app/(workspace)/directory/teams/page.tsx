import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { TeamsView } from './teams-view';

export const metadata: Metadata = { title: 'Teams' };

// Prefetched on the server, so the first HTML holds the data the view reads.
export default function TeamsPage() {
  return (
    <HydrateClient prefetch={[trpc.teams.list.queryOptions()]}>
      <TeamsView />
    </HydrateClient>
  );
}
