import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionView } from './session-view';

export const metadata: Metadata = { title: 'Shadowing session' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ShadowingSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return <SessionView id={id} />;
}
