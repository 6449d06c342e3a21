import type { Metadata } from 'next';
import { NewSurveyView } from './new-survey-view';

export const metadata: Metadata = { title: 'New survey' };

export default function NewSurveyPage() {
  return <NewSurveyView />;
}
