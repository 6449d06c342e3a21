'use client';
// The report of one import: what was read, added, updated, left as it was and skipped, and every
// problem by row and column.
import Link from 'next/link';
import type { ImportCounts } from '@/server/imports/report';
import { Badge } from '@/app/_components/page-header';
import { ProblemTable } from '@/app/_components/problem-table';

// Repeats and undated tickets are counted in the report of an import just made; the history keeps them in its notes.
export type ReportData = Omit<ImportCounts, 'fileBytes' | 'repeated' | 'undated'> & Partial<Pick<ImportCounts, 'repeated' | 'undated'>> & { kind: 'tickets' | 'postmortems'; status: string; message?: string | null };

export const STATUS_LABELS: Record<string, { label: string; tone: 'green' | 'red' | 'amber' | 'slate' }> = {
  completed: { label: 'Imported', tone: 'green' },
  failed: { label: 'Nothing imported', tone: 'red' },
  running: { label: 'Running', tone: 'amber' },
  'rolled-back': { label: 'Rolled back', tone: 'slate' },
};

export function ImportReportView({ report }: { report: ReportData }) {
  const status = STATUS_LABELS[report.status] ?? STATUS_LABELS.completed;
  const unit = report.kind === 'postmortems' ? 'post-mortems' : 'tickets';
  const stats = [
    ['Read', report.rowsRead],
    ['New', report.inserted],
    ['Updated', report.updated],
    ['Unchanged', report.unchanged],
    ['Skipped', report.skipped],
    ...(report.repeated ? [['Repeated in the file', report.repeated] as const] : []),
    ...(report.undated ? [['Without a date', report.undated] as const] : []),
    ...(report.kind === 'tickets' ? [['Developers added', report.participantsCreated] as const] : []),
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={status.tone}>{status.label}</Badge>
        {report.message && <p className="text-sm font-medium text-slate-900">{report.message}</p>}
      </div>
      <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900">{value.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      {report.notes.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {report.problems.length > 0 && <ProblemTable problems={report.problems} total={report.problemCount} />}
      {report.status === 'completed' && report.inserted + report.updated > 0 && (
        <p className="text-sm">
          <Link className="font-medium text-brand-700 underline" href={report.kind === 'postmortems' ? '/postmortems' : '/tickets'}>
            Open the {unit}
          </Link>
          {report.kind === 'tickets' && ' to see the top categories and repeat questions.'}
        </p>
      )}
    </div>
  );
}
