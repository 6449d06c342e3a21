import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewView } from './interview-view';

export const metadata: Metadata = { title: 'Interview' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return <InterviewView id={id} />;
}
