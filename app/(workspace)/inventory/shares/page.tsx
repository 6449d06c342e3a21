import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { SharesView } from './shares-view';

export const metadata: Metadata = { title: 'Share links' };

// Prefetched on the server, so the first HTML holds the share links the view reads (editors'; a viewer's is refused and not sent).
export default function SharesPage() {
  return (
    <HydrateClient prefetch={[trpc.inventory.shares.queryOptions()]}>
      <SharesView />
    </HydrateClient>
  );
}
