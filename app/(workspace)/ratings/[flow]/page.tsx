import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { FlowView } from './flow-view';
import { commentsInput } from './inputs';

export const metadata: Metadata = { title: 'Ratings of a flow' };

// Prefetched on the server (the flow, its first page of comments, the ship markers on its chart), so the first HTML holds them.
export default async function FlowPage({ params }: { params: Promise<{ flow: string }> }) {
  const { flow } = await params;
  const flowKey = decodeURIComponent(flow);
  const prefetch = [trpc.ratings.flow.queryOptions({ key: flowKey }), trpc.ratings.comments.queryOptions(commentsInput(flowKey)), trpc.metrics.shipMarkers.queryOptions()];
  return (
    <HydrateClient prefetch={prefetch}>
      <FlowView flowKey={flowKey} />
    </HydrateClient>
  );
}
