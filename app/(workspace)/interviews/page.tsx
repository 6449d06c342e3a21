import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { InterviewsView } from './interviews-view';

export const metadata: Metadata = { title: 'Interviews' };

export default function InterviewsPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <InterviewsView />
    </Suspense>
  );
}
