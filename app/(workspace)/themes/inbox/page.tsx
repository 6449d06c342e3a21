import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { InboxView } from './inbox-view';

export const metadata: Metadata = { title: 'Untagged evidence' };

export default function InboxPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <InboxView />
    </Suspense>
  );
}
