import type { Metadata } from 'next';
import { NewSurveyView } from './new-survey-view';

export const metadata: Metadata = { title: 'New survey' };

// Nothing to prefetch: the view starts from a template in code and reads no query.
export default function NewSurveyPage() {
  return <NewSurveyView />;
}
