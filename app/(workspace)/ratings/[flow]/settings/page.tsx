import type { Metadata } from 'next';
import { FlowSettingsView } from './flow-settings-view';

export const metadata: Metadata = { title: 'Flow settings' };

export default async function FlowSettingsPage({ params }: { params: Promise<{ flow: string }> }) {
  const { flow } = await params;
  return <FlowSettingsView flowKey={decodeURIComponent(flow)} />;
}
