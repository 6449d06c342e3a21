import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionView } from './session-view';
import { isUuid } from '@/server/lib/uuid';

export const metadata: Metadata = { title: 'Shadowing session' };

// Loaded in the browser on purpose: a running session shows a clock from the browser's Date.now() and events still
// waiting in the browser's outbox (local storage); a server render of the session would differ from the browser's (#418).
export default async function ShadowingSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <SessionView id={id} />;
}
