'use client';
// Import a past survey's export (Google Forms, SurveyGizmo/Alchemer, Typeform: one row per
// response, one column per question): say what each column holds, optionally add it to an
// existing survey's trend, and import every row or nothing.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { RouterInputs, RouterOutputs } from '@/server/root';
import { QUESTION_KIND_LABELS, type QuestionKind } from '@/server/surveys/rules';
import { Button } from '@/app/_components/button';
import { FileDrop } from '@/app/_components/file-drop';
import { ProblemTable, type FileProblemRow } from '@/app/_components/problem-table';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';

type Preview = RouterOutputs['surveys']['previewImport'];
type Target = RouterInputs['surveys']['import']['mapping'][number]['target'];
type Problem = FileProblemRow;

const MAX_BYTES = 10_000_000;

/** A mapping target as the value of a <select>. */
function encode(target: Target): string {
  if (target.kind !== 'question') return target.kind;
  if (target.seriesKey) return `series:${target.seriesKey}`;
  return target.questionKind === 'multiple_choice' ? `new:multiple_choice:${target.separator ?? ','}` : `new:${target.questionKind}`;
}

function decode(value: string, seriesQuestions: { seriesKey: string; kind: QuestionKind }[]): Target {
  if (value === 'skip' || value === 'date' || value === 'team' || value === 'tenure') return { kind: value };
  if (value.startsWith('series:')) {
    const question = seriesQuestions.find((candidate) => candidate.seriesKey === value.slice(7));
    return { kind: 'question', questionKind: question?.kind ?? 'free_text', seriesKey: value.slice(7) };
  }
  const [, kind, separator] = value.split(':');
  return { kind: 'question', questionKind: kind as QuestionKind, separator: separator === ';' ? ';' : kind === 'multiple_choice' ? ',' : null };
}

const NEW_QUESTION_OPTIONS = [
  ['new:scale_10', 'Question: scale 1-10'],
  ['new:scale_5', 'Question: scale 1-5'],
  ['new:enps', 'Question: recommend 0-10 (eNPS)'],
  ['new:single_choice', 'Question: single choice'],
  ['new:multiple_choice:,', 'Question: multiple choice, comma-separated'],
  ['new:multiple_choice:;', 'Question: multiple choice, semicolon-separated'],
  ['new:free_text', 'Question: free text'],
] as const;

function MappingStep({ file, preview }: { file: { name: string; text: string }; preview: Preview }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(preview.suggestedTitle);
  const [quarter, setQuarter] = useState(preview.suggestedQuarter ?? '');
  const [seriesId, setSeriesId] = useState('');
  const [invited, setInvited] = useState('');
  const [closesOn, setClosesOn] = useState(preview.lastDay ?? '');
  const [mapping, setMapping] = useState<Record<number, string>>(() => Object.fromEntries(preview.columns.map((column) => [column.column, encode(column.suggested)])));
  const runImport = useMutation(
    trpc.surveys.import.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.surveys.pathKey() }) }),
  );
  const series = preview.series.find((entry) => entry.seriesId === seriesId);
  const seriesQuestions = (series?.questions ?? []).filter((question) => question.kind !== 'single_choice' && question.kind !== 'multiple_choice');
  const error = runImport.error ? describeError(runImport.error) : null;
  const problems = (error?.details?.problems as Problem[] | undefined) ?? [];

  if (runImport.data) {
    return (
      <div role="status" className="rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-900">
        <p className="font-medium">
          {runImport.data.isAlreadyImported ? `${file.name} was imported before: nothing changed.` : `Imported ${runImport.data.responseCount} responses from ${file.name}.`}
        </p>
        <Link href={`/surveys/${runImport.data.surveyId}`} className="mt-2 inline-block font-medium underline">
          Open the results
        </Link>
      </div>
    );
  }

  function submit() {
    const seriesKeysValid = new Set(seriesQuestions.map((question) => `series:${question.seriesKey}`));
    runImport.mutate({
      fileName: file.name,
      text: file.text,
      title,
      quarter,
      seriesId: seriesId || null,
      invitedCount: invited.trim() === '' ? null : Number(invited),
      closesOn: closesOn || null,
      mapping: preview.columns.map((column) => {
        const value = mapping[column.column];
        // A series question chosen before switching series falls back to a new question of its kind.
        const usable = value.startsWith('series:') && !seriesKeysValid.has(value) ? encode(column.suggested) : value;
        return { column: column.column, target: decode(usable, seriesQuestions) };
      }),
    });
  }

  return (
    <div className="flex flex-col gap-6">
      {preview.alreadyImported && (
        <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          This file was imported already as “{preview.alreadyImported.title}” ({preview.alreadyImported.quarter}, {preview.alreadyImported.rowCount} responses). Importing it
          again changes nothing.{' '}
          <Link href={`/surveys/${preview.alreadyImported.surveyId}`} className="font-medium underline">
            Open it
          </Link>
        </div>
      )}
      <Panel title={`${file.name}: ${preview.rowCount} responses`} description="Every row becomes one anonymous response, the partly answered ones too. Only the day of each date is kept.">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Title" value={title} onChange={(event) => setTitle(event.target.value)} error={error?.fieldErrors.title} />
          <SelectField
            label="Add to the trend of"
            hint="Choose the survey this file is an earlier run of, to draw it on that survey's trend."
            value={seriesId}
            onChange={(event) => setSeriesId(event.target.value)}
            placeholder="No survey: a survey of its own"
            options={preview.series.map((entry) => ({ value: entry.seriesId, label: `${entry.title} (${entry.quarters.join(', ')})` }))}
            error={error?.fieldErrors.seriesId}
          />
          <TextField label="Quarter" hint="When it ran, like 2025-Q4." value={quarter} onChange={(event) => setQuarter(event.target.value)} error={error?.fieldErrors.quarter} />
          <TextField
            label="How many people received it (optional)"
            hint="Gives the response rate."
            type="number"
            min={1}
            inputMode="numeric"
            value={invited}
            onChange={(event) => setInvited(event.target.value)}
            error={error?.fieldErrors.invitedCount}
          />
          <TextField
            label="Day for rows without a date"
            hint="Used when no column is the response date, or a row's date is empty."
            type="date"
            value={closesOn}
            onChange={(event) => setClosesOn(event.target.value)}
            error={error?.fieldErrors.closesOn}
          />
        </div>
      </Panel>

      <Panel title="What each column holds" description="Suggested from the values in the file. Skip the columns you do not need; questions become charts, free text becomes searchable.">
        <Table caption="Columns of the file and what they hold">
          <thead>
            <tr>
              <Th>Column</Th>
              <Th className="text-right">Filled</Th>
              <Th>Examples</Th>
              <Th>Holds</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.columns.map((column) => {
              const header = column.header.split('\n')[0] || `Column ${column.column + 1}`;
              return (
                <tr key={column.column}>
                  <Td className="max-w-xs">
                    <span title={column.header} className="line-clamp-3">
                      {header}
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">{column.filled}</Td>
                  <Td className="max-w-xs text-slate-600">
                    <span className="line-clamp-3">{column.samples.join(' · ') || '—'}</span>
                  </Td>
                  <Td>
                    <select
                      aria-label={`What the column "${header.slice(0, 80)}" holds`}
                      className="block w-full min-w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
                      value={mapping[column.column]}
                      onChange={(event) => setMapping({ ...mapping, [column.column]: event.target.value })}
                    >
                      <option value="skip">Skip this column</option>
                      <option value="date">Response date</option>
                      <option value="team">Team (self-reported)</option>
                      <option value="tenure">Tenure band</option>
                      {NEW_QUESTION_OPTIONS.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                      {seriesQuestions.map((question) => (
                        <option key={question.seriesKey} value={`series:${question.seriesKey}`}>
                          Same as: {question.prompt} ({QUESTION_KIND_LABELS[question.kind].toLowerCase()})
                        </option>
                      ))}
                    </select>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Panel>

      {error && (
        <div className="flex flex-col gap-3">
          <FormError message={error.message} />
          {problems.length > 0 && <ProblemTable problems={problems} />}
        </div>
      )}
      <div>
        <Button isBusy={runImport.isPending} onClick={submit}>
          Import {preview.rowCount} responses
        </Button>
      </div>
    </div>
  );
}

export function SurveyImportView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [rejection, setRejection] = useState<string | null>(null);
  const preview = useMutation(trpc.surveys.previewImport.mutationOptions());

  const header = (
    <PageHeader
      eyebrow={<Link href="/surveys" className="hover:underline">Surveys</Link>}
      title="Import a past survey"
      description="A CSV export from Google Forms, SurveyGizmo/Alchemer or Typeform: one row per response, one column per question. Add it to a survey's trend so last year's results sit beside this quarter's."
    />
  );
  if (!canEdit) {
    return (
      <>
        {header}
        <EmptyState title="Viewers cannot import">Ask an editor or admin of your workspace to import past surveys.</EmptyState>
      </>
    );
  }
  const previewError = preview.error ? describeError(preview.error) : null;
  const previewProblems = (previewError?.details?.problems as Problem[] | undefined) ?? [];

  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <FileDrop
          label="Choose a CSV export"
          accept=".csv,text/csv"
          maxBytes={MAX_BYTES}
          onReject={setRejection}
          onFile={async (chosen) => {
            setRejection(null);
            const text = await chosen.text();
            setFile({ name: chosen.name, text });
            preview.mutate({ fileName: chosen.name, text });
          }}
        />
        <FormError message={rejection ?? previewError?.message} />
        {previewProblems.length > 1 && <ProblemTable problems={previewProblems} />}
        {preview.isPending && <p className="text-sm text-slate-600">Reading {file?.name}…</p>}
        {preview.data && file && <MappingStep key={`${file.name}:${file.text.length}`} file={file} preview={preview.data} />}
      </div>
    </>
  );
}
