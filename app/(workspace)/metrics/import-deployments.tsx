'use client';
// Importing deployment history from a CSV file, previewed first like every other import: how
// many rows, how many new and already stored, the services and dates they cover and the first
// rows; nothing is written until "Import" is pressed, and then all rows or none.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormError } from '@/app/_components/field';
import { FileDrop } from '@/app/_components/file-drop';
import { formatDay } from '@/app/_components/format';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

type RowProblem = { row: number; column?: string; message: string };

function Problems({ error }: { error: unknown }) {
  if (!error) return null;
  const details = describeError(error);
  const problems = (details.details?.problems as RowProblem[] | undefined) ?? [];
  return (
    <>
      <FormError message={details.message} />
      {problems.length > 1 && (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {problems.slice(1, 10).map((problem, index) => (
            <li key={index}>
              Row {problem.row}
              {problem.column ? `, ${problem.column}` : ''}: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const count = (value: number, one: string, many = `${one}s`) => `${value.toLocaleString('en')} ${value === 1 ? one : many}`;

export function ImportDeployments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [rejection, setRejection] = useState<string | null>(null);
  const preview = useMutation(trpc.metrics.previewDeployments.mutationOptions());
  const importCsv = useMutation(
    trpc.metrics.importDeployments.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.metrics.pathKey() });
        toast(`${result.inserted} deployments imported, ${result.alreadyStored} already stored`);
        setFile(null);
        preview.reset();
      },
    }),
  );
  const summary = preview.data;

  return (
    <div id="import-deployments" className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">
        Columns: <code className="rounded bg-slate-100 px-1">event_id, service, team, via_platform, commit_time, deploy_time, outcome, recovered_at</code>. Times
        without a zone are read as UTC. You see what the file holds before anything is imported; rows already imported (same event_id) are skipped.
      </p>
      <FileDrop
        label="Preview deployments CSV"
        accept=".csv,text/csv"
        maxBytes={50_000_000}
        onReject={setRejection}
        onFile={async (picked) => {
          setRejection(null);
          importCsv.reset();
          const text = await picked.text();
          setFile({ name: picked.name, text });
          preview.mutate({ text });
        }}
      />
      {rejection && <FormError message={rejection} />}
      <Problems error={preview.error} />
      <Problems error={importCsv.error} />
      {preview.isPending && <p className="text-sm text-slate-600">Reading {file?.name}…</p>}
      {summary && file && (
        <section aria-label="Import preview" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <p className="text-sm text-slate-800">
            <strong className="font-semibold">{file.name}</strong>: {count(summary.rows, 'deployment')} of {count(summary.services, 'service')}, deployed{' '}
            {formatDay(summary.firstDeployedAt)} to {formatDay(summary.lastDeployedAt)}; {count(summary.viaPlatform, 'deployment')} through the platform,{' '}
            {count(summary.failures, 'failure')}.
          </p>
          <p className="text-sm text-slate-800">
            <strong className="font-semibold">{count(summary.newRows, 'new deployment')}</strong> will be imported
            {summary.alreadyStored > 0 && `; ${count(summary.alreadyStored, 'deployment')} already stored will be skipped`}.
          </p>
          <Table caption={`The first ${summary.sample.length} rows of ${file.name}`}>
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Service</Th>
                <Th>Team</Th>
                <Th>Deployed</Th>
                <Th>Through the platform</Th>
                <Th>Outcome</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {summary.sample.map((row) => (
                <tr key={row.eventId}>
                  <Td className="font-mono text-xs">{row.eventId}</Td>
                  <Td>{row.service}</Td>
                  <Td>{row.team ?? '—'}</Td>
                  <Td className="whitespace-nowrap">{formatDay(row.deployedAt)}</Td>
                  <Td>{row.viaPlatform ? 'Yes' : 'No'}</Td>
                  <Td>{row.outcome === 'failure' ? 'Failure' : 'Success'}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => importCsv.mutate({ text: file.text })} isBusy={importCsv.isPending} disabled={summary.newRows === 0}>
              {summary.newRows === 0 ? 'Nothing new to import' : `Import ${count(summary.newRows, 'deployment')}`}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setFile(null);
                preview.reset();
                importCsv.reset();
              }}
            >
              Cancel
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
