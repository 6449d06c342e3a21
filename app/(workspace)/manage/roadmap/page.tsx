import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { RoadmapEditor } from './roadmap-editor';

export const metadata: Metadata = { title: 'Roadmap' };

// Prefetched on the server, so the first HTML holds the data the view reads.
export default function RoadmapEditorPage() {
  return (
    <HydrateClient prefetch={[trpc.roadmap.board.queryOptions()]}>
      <RoadmapEditor />
    </HydrateClient>
  );
}
