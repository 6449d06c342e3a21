import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { DeveloperView } from './developer-view';

export const metadata: Metadata = { title: 'Developer' };

// Prefetched on the server, so the first HTML holds the data the view reads.
export default async function DeveloperPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <HydrateClient prefetch={[trpc.participants.profile.queryOptions({ id })]}>
      <DeveloperView id={id} />
    </HydrateClient>
  );
}
