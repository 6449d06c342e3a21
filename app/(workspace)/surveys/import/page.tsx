import type { Metadata } from 'next';
import { SurveyImportView } from './import-view';

export const metadata: Metadata = { title: 'Import a past survey' };

// Nothing to prefetch: the view is a file upload that only sends mutations and reads no query.
export default function SurveyImportPage() {
  return <SurveyImportView />;
}
