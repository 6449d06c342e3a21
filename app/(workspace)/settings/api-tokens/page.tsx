import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { ApiTokensView } from './api-tokens-view';

export const metadata: Metadata = { title: 'API tokens' };

// Prefetched on the server, so the first HTML holds the tokens the view reads (admins'; anyone else's is refused and not sent).
export default function ApiTokensPage() {
  return (
    <HydrateClient prefetch={[trpc.apiTokens.list.queryOptions()]}>
      <ApiTokensView />
    </HydrateClient>
  );
}
