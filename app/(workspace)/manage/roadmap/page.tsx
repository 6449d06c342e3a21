import type { Metadata } from 'next';
import { RoadmapEditor } from './roadmap-editor';

export const metadata: Metadata = { title: 'Roadmap' };

export default function RoadmapEditorPage() {
  return <RoadmapEditor />;
}
