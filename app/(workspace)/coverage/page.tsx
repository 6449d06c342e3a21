import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { CoverageView } from './coverage-view';

export const metadata: Metadata = { title: 'Coverage' };

export default function CoveragePage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <CoverageView />
    </Suspense>
  );
}
