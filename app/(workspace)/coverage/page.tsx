import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { CoverageView } from './coverage-view';

export const metadata: Metadata = { title: 'Coverage' };

// Prefetched on the server, so the first HTML holds the data the view reads (its URL filters only pick among the rows it already has;
// auth.me is the "Interview now" buttons' interviewer).
export default function CoveragePage() {
  return (
    <HydrateClient prefetch={[trpc.coverage.get.queryOptions(), trpc.auth.me.queryOptions()]}>
      <Suspense fallback={<LoadingState />}>
        <CoverageView />
      </Suspense>
    </HydrateClient>
  );
}
