import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { DirectoryView } from './directory-view';

export const metadata: Metadata = { title: 'Developer directory' };

export default function DirectoryPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <DirectoryView />
    </Suspense>
  );
}
