import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { TicketsView } from './tickets-view';

export const metadata: Metadata = { title: 'Tickets' };

export default function TicketsPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <TicketsView />
    </Suspense>
  );
}
