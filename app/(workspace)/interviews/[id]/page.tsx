import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getServerCaller, HydrateClient, trpc } from '@/app/_trpc/server';
import { PARTICIPANT_CHOICES } from '@/app/(workspace)/_listen/participant-choices';
import { interviewEvidenceInput } from '@/app/(workspace)/interviews/inputs';
import { InterviewView } from './interview-view';
import { isUuid } from '@/server/lib/uuid';

export const metadata: Metadata = { title: 'Interview' };

// Prefetched on the server (the view's own queries, same inputs), so the first HTML holds the interview; the typed text itself appears
// once the autosave has read this device's unsaved changes, in the browser.
export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // The details panel (interviewer, developer) is shown to editors only: its choices are prefetched for them alone.
  const { user } = await (await getServerCaller()).auth.status();
  const canEdit = Boolean(user) && user?.role !== 'viewer';
  const prefetch = [
    trpc.interviews.get.queryOptions({ id }),
    // The evidence saved from this interview, and its transcript panel.
    trpc.evidence.list.queryOptions(interviewEvidenceInput(id)),
    trpc.interviews.transcript.queryOptions({ id }),
    ...(canEdit ? [trpc.members.list.queryOptions(), trpc.participants.list.queryOptions(PARTICIPANT_CHOICES)] : []),
  ];
  return (
    <HydrateClient prefetch={prefetch}>
      <InterviewView id={id} />
    </HydrateClient>
  );
}
