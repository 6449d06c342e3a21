import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewView } from './interview-view';
import { isUuid } from '@/server/lib/uuid';

export const metadata: Metadata = { title: 'Interview' };

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <InterviewView id={id} />;
}
