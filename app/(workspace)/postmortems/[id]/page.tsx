import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { PostmortemView } from './postmortem-view';

export const metadata: Metadata = { title: 'Post-mortem' };

// Prefetched on the server, so the first HTML holds the post-mortem the view reads.
export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <HydrateClient prefetch={[trpc.postmortems.get.queryOptions({ id })]}>
      <PostmortemView id={id} />
    </HydrateClient>
  );
}
