import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { FlowSettingsView } from './flow-settings-view';

export const metadata: Metadata = { title: 'Flow settings' };

// Prefetched on the server, so the first HTML holds the flow the view reads.
export default async function FlowSettingsPage({ params }: { params: Promise<{ flow: string }> }) {
  const { flow } = await params;
  const flowKey = decodeURIComponent(flow);
  return (
    <HydrateClient prefetch={[trpc.ratings.flow.queryOptions({ key: flowKey })]}>
      <FlowSettingsView flowKey={flowKey} />
    </HydrateClient>
  );
}
