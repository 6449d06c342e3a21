import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '../../../_components/states';
import { RequestsInbox } from './requests-inbox';

export const metadata: Metadata = { title: 'Request inbox' };

export default function RequestsPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <RequestsInbox />
    </Suspense>
  );
}
