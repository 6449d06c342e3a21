import type { Metadata } from 'next';
import { GuidesView } from './guides-view';

export const metadata: Metadata = { title: 'Interview guides' };

export default function GuidesPage() {
  return <GuidesView />;
}
