'use client';
// A new survey: from the "Quarterly platform satisfaction" template (a 1-10 score and one open
// question) or blank.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { PageHeader } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState } from '@/app/_components/states';
import { blankSurvey, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { SurveyBuilder } from '@/app/(workspace)/surveys/survey-builder';

type Start = 'template' | 'blank';

export function NewSurveyView() {
  const router = useRouter();
  const canEdit = useCanEdit();
  const [start, setStart] = useState<Start>('template');
  const [today] = useState(() => todayOf());
  const header = <PageHeader eyebrow={<Link href="/surveys" className="hover:underline">Surveys</Link>} title="New survey" />;
  if (!canEdit) {
    return (
      <>
        {header}
        <EmptyState title="Viewers cannot create surveys">Ask an editor or admin of your workspace to run the survey.</EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <fieldset className="mb-6">
        <legend className="mb-2 text-sm font-medium text-slate-800">Start from</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(
            [
              ['template', 'Quarterly platform satisfaction', 'A 1-10 platform score and "What is the one thing we should improve?". Team and tenure optional.'],
              ['blank', 'A blank survey', 'Your own questions: scales, eNPS, choices and free text.'],
            ] as const
          ).map(([value, title, description]) => (
            <label key={value} className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm has-[:checked]:border-brand-600 has-[:checked]:ring-2 has-[:checked]:ring-brand-100">
              <input type="radio" name="start" className="mt-1" checked={start === value} onChange={() => setStart(value)} />
              <span>
                <span className="block font-medium text-slate-900">{title}</span>
                <span className="block text-sm text-slate-600">{description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SurveyBuilder key={start} initial={start === 'template' ? quarterlyTemplate(today) : blankSurvey(today)} onSaved={(id) => router.push(`/surveys/${id}?tab=share`)} />
    </>
  );
}
