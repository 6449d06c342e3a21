import type { Metadata } from 'next';
import { PostmortemView } from './postmortem-view';

export const metadata: Metadata = { title: 'Post-mortem' };

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PostmortemView id={id} />;
}
