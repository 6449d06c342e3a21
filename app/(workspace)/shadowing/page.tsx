import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { ShadowingListView } from './shadowing-list-view';

export const metadata: Metadata = { title: 'Shadowing sessions' };

export default function ShadowingPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <ShadowingListView />
    </Suspense>
  );
}
