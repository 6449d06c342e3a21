import type { Metadata } from 'next';
import { RatingsView } from './ratings-view';

export const metadata: Metadata = { title: 'Ratings' };

export default function RatingsPage() {
  return <RatingsView />;
}
