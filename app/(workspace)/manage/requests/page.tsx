// The request inbox: triage of developers' requests, and the boards they are filed under.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { BoardsPanel } from './boards-panel';
import { RequestsInbox } from './requests-inbox';

export const metadata: Metadata = { title: 'Request inbox' };

export default function RequestsPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <RequestsInbox />
      <BoardsPanel />
    </Suspense>
  );
}
