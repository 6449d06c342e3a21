import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { SurveysView } from './surveys-view';

export const metadata: Metadata = { title: 'Surveys' };

// Prefetched on the server, so the first HTML holds the data the view reads.
export default function SurveysPage() {
  return (
    <HydrateClient prefetch={[trpc.surveys.list.queryOptions()]}>
      <SurveysView />
    </HydrateClient>
  );
}
