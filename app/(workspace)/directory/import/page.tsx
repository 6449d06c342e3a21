import type { Metadata } from 'next';
import { ImportView } from './import-view';

export const metadata: Metadata = { title: 'Import developers' };

export default function DirectoryImportPage() {
  // Nothing to prefetch: an upload form whose only calls (preview, import) are mutations made after a file is chosen.
  return <ImportView />;
}
