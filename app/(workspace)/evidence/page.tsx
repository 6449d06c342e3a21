import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { EvidenceView } from './evidence-view';

export const metadata: Metadata = { title: 'Evidence' };

export default function EvidencePage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <EvidenceView />
    </Suspense>
  );
}
