import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionView } from './session-view';
import { isUuid } from '@/server/lib/uuid';

export const metadata: Metadata = { title: 'Shadowing session' };

export default async function ShadowingSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <SessionView id={id} />;
}
