import type { Metadata } from 'next';
import { SurveyImportView } from './import-view';

export const metadata: Metadata = { title: 'Import a past survey' };

export default function SurveyImportPage() {
  return <SurveyImportView />;
}
