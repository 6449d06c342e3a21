import type { Metadata } from 'next';
import { DemoView } from './demo-view';

export const metadata: Metadata = { title: 'Demo workspace' };

// Its one query (demo.status) is prefetched and hydrated by the workspace layout, for the banner that reads it too.
export default function DemoPage() {
  return <DemoView />;
}
