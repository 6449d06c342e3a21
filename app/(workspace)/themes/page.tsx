import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { ThemesView } from './themes-view';

export const metadata: Metadata = { title: 'Pain themes' };

export default function ThemesPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <ThemesView />
    </Suspense>
  );
}
