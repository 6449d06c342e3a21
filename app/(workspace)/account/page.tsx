import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { AccountView } from './account-view';

export const metadata: Metadata = { title: 'Your account' };

// Prefetched on the server, so the first HTML holds the data the view reads.
export default function AccountPage() {
  return (
    <HydrateClient prefetch={[trpc.auth.me.queryOptions()]}>
      <AccountView />
    </HydrateClient>
  );
}
