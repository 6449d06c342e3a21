'use client';
// Import a directory CSV: preview what would change and every problem by row and column, then
// import all of it or nothing, or skip the bad rows (the report names each one). A template CSV
// shows the columns and the ways tenure may be written.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FileDrop } from '@/app/_components/file-drop';
import { ProblemTable, type FileProblemRow } from '@/app/_components/problem-table';
import { FormError } from '@/app/_components/field';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { TENURE_LABELS } from '@/app/(workspace)/directory/tenure-options';

const MAX_BYTES = 10_000_000;

type Problem = FileProblemRow;

export function ImportView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [rejection, setRejection] = useState<string | null>(null);
  const [isSkippingBadRows, setSkippingBadRows] = useState(false);
  const preview = useMutation(trpc.participants.previewImport.mutationOptions());
  const runImport = useMutation(
    trpc.participants.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.participants.pathKey() }),
    }),
  );

  async function choose(chosen: File) {
    setRejection(null);
    setSkippingBadRows(false);
    runImport.reset();
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    preview.mutate({ text });
  }

  const header = (
    <PageHeader
      eyebrow={<Link href="/directory" className="hover:underline">Developer directory</Link>}
      title="Import developers from a CSV"
      description={
        <>
          The first row must name the columns <code className="rounded bg-slate-100 px-1">name,email,team,tenure,background</code>. Tenure may be a
          band (&lt;1y, 1-3y, 3-5y, 5y+), a length (&ldquo;2 years&rdquo;, &ldquo;6 months&rdquo;, &ldquo;18m&rdquo;, &ldquo;1y 6m&rdquo;) or a date of
          joining (2024-03-01); it is stored as its band. Unknown teams are created. Developers already in the directory are matched by email (or by
          name when there is no email) and updated, so importing the same file twice changes nothing.{' '}
          <a href="/directory-template.csv" download="directory-template.csv" className="font-medium text-brand-700 underline">
            Download the template CSV
          </a>
          .
        </>
      }
    />
  );

  if (!canEdit) {
    return (
      <>
        {header}
        <EmptyState title="Viewers cannot import">Ask an editor or admin of your workspace to import the directory.</EmptyState>
      </>
    );
  }

  const data = preview.data;
  const importError = runImport.error ? describeError(runImport.error) : null;
  const importProblems = (importError?.details?.problems as Problem[] | undefined) ?? [];

  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <FileDrop label="Choose a CSV file" accept=".csv,text/csv" maxBytes={MAX_BYTES} onFile={choose} onReject={setRejection} />
        <FormError message={rejection ?? (preview.error ? describeError(preview.error).message : null)} />

        {runImport.data && (
          <div role="status" className="rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-900">
            <p className="font-medium">Imported {file?.name}.</p>
            <p>
              {runImport.data.inserted} added, {runImport.data.updated} updated, {runImport.data.unchanged} already up to date
              {runImport.data.teamsCreated > 0 && `, ${runImport.data.teamsCreated} new team${runImport.data.teamsCreated === 1 ? '' : 's'}`}
              {runImport.data.skippedRows > 0 && `; ${runImport.data.skippedRows} row${runImport.data.skippedRows === 1 ? '' : 's'} skipped (below)`}.
            </p>
            {runImport.data.skipped.length > 0 && (
              <div className="mt-3 text-slate-900">
                <ProblemTable problems={runImport.data.skipped} />
              </div>
            )}
            <Link href="/directory" className="mt-2 inline-block font-medium underline">
              Open the directory
            </Link>
          </div>
        )}
        {importError && (
          <div className="flex flex-col gap-3">
            <FormError message={importError.message} />
            {importProblems.length > 0 && <ProblemTable problems={importProblems} />}
          </div>
        )}

        {data && file && !runImport.data && (
          <Panel
            title={`Preview of ${file.name}`}
            description={`${data.totalRows} row${data.totalRows === 1 ? '' : 's'}: ${data.toInsert} to add, ${data.toUpdate} to update, ${data.unchanged} already up to date${
              data.newTeams.length ? `; new teams: ${data.newTeams.join(', ')}` : ''
            }.`}
          >
            {data.problems.length > 0 && (data.isFileRefused || data.toInsert + data.toUpdate + data.unchanged === 0) ? (
              <div className="flex flex-col gap-3">
                <FormError
                  message={`Nothing can be imported until the file is fixed: ${data.problems.length} problem${data.problems.length === 1 ? '' : 's'} below. Correct them in your spreadsheet and choose the file again.`}
                />
                <ProblemTable problems={data.problems} />
              </div>
            ) : (
              <div className="flex flex-col gap-4">
                {data.problems.length > 0 && (
                  <div className="flex flex-col gap-3">
                    <FormError
                      message={`${data.badRows} row${data.badRows === 1 ? ' has' : 's have'} problems (below). Correct them and choose the file again, or skip those rows and import the rest.`}
                    />
                    <ProblemTable problems={data.problems} />
                    <label className="flex items-center gap-2 text-sm text-slate-800">
                      <input type="checkbox" className="h-4 w-4" checked={isSkippingBadRows} onChange={(event) => setSkippingBadRows(event.target.checked)} />
                      Skip the {data.badRows} bad row{data.badRows === 1 ? '' : 's'} and import the others
                    </label>
                  </div>
                )}
                <Table caption="First rows of the file">
                  <thead>
                    <tr>
                      <Th>Row</Th>
                      <Th>Name</Th>
                      <Th>Email</Th>
                      <Th>Team</Th>
                      <Th>Tenure</Th>
                      <Th>Background</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.sample.map((row) => (
                      <tr key={row.row}>
                        <Td>{row.row}</Td>
                        <Td>{row.name}</Td>
                        <Td>{row.email ?? '—'}</Td>
                        <Td>{row.team ?? '—'}</Td>
                        <Td>{row.tenureBand ? TENURE_LABELS[row.tenureBand] : '—'}</Td>
                        <Td>{row.background ?? '—'}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
                {data.toInsert + data.toUpdate > data.sample.length && <p className="text-sm text-slate-600">Showing the first {data.sample.length} rows.</p>}
                {data.toInsert + data.toUpdate === 0 ? (
                  <p className="text-sm text-slate-700">Nothing to change: every developer in this file is already in the directory as written.</p>
                ) : (
                  <div>
                    <Button
                      isBusy={runImport.isPending}
                      disabled={data.problems.length > 0 && !isSkippingBadRows}
                      onClick={() => runImport.mutate({ text: file.text, skipBadRows: isSkippingBadRows })}
                    >
                      Import {data.toInsert + data.toUpdate} developer{data.toInsert + data.toUpdate === 1 ? '' : 's'}
                      {data.problems.length > 0 && `, skip ${data.badRows} row${data.badRows === 1 ? '' : 's'}`}
                    </Button>
                  </div>
                )}
              </div>
            )}
          </Panel>
        )}
      </div>
    </>
  );
}
