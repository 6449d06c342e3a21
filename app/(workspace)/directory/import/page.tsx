import type { Metadata } from 'next';
import { ImportView } from './import-view';

export const metadata: Metadata = { title: 'Import developers' };

export default function DirectoryImportPage() {
  return <ImportView />;
}
