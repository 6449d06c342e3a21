import type { Metadata } from 'next';
import { DemoView } from './demo-view';

export const metadata: Metadata = { title: 'Demo workspace' };

export default function DemoPage() {
  return <DemoView />;
}
