import type { Metadata } from 'next';
import { FlowView } from './flow-view';

export const metadata: Metadata = { title: 'Ratings of a flow' };

export default async function FlowPage({ params }: { params: Promise<{ flow: string }> }) {
  const { flow } = await params;
  return <FlowView flowKey={decodeURIComponent(flow)} />;
}
