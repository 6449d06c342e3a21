import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { PostmortemsView } from './postmortems-view';

export const metadata: Metadata = { title: 'Post-mortems' };

export default function PostmortemsPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <PostmortemsView />
    </Suspense>
  );
}
