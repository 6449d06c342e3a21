import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { SurveyView } from './survey-view';

export const metadata: Metadata = { title: 'Survey' };

export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<LoadingState />}>
      <SurveyView id={id} />
    </Suspense>
  );
}
