import type { Metadata } from 'next';
import { SurveysView } from './surveys-view';

export const metadata: Metadata = { title: 'Surveys' };

export default function SurveysPage() {
  return <SurveysView />;
}
