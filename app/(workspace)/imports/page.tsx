import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { ImportsView } from './imports-view';

export const metadata: Metadata = { title: 'Imports' };

// Prefetched on the server, so the first HTML holds the import history; the upload form's queries (saved mappings, a source's time
// zone) are read only once a file is chosen.
export default function ImportsPage() {
  return (
    <HydrateClient prefetch={[trpc.imports.history.queryOptions({ limit: 50 })]}>
      <ImportsView />
    </HydrateClient>
  );
}
