import type { Metadata } from 'next';
import { DeveloperView } from './developer-view';

export const metadata: Metadata = { title: 'Developer' };

export default async function DeveloperPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DeveloperView id={id} />;
}
