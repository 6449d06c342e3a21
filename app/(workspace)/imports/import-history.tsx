'use client';
// The import history of the Imports page: every import with its report, and rolling one back.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FORMAT_LABELS } from '@/server/imports/ticket-formats';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FormError } from '@/app/_components/field';
import { Badge, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { LocalTime } from '@/app/_components/local-time';
import { DataTable } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { ImportReportView, STATUS_LABELS } from './import-report';

type HistoryRow = { id: string; fileName: string; status: string };

const WHEN: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

function ReportDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const batch = useQuery({ ...trpc.imports.get.queryOptions({ id: id ?? '00000000-0000-4000-8000-000000000000' }), enabled: Boolean(id) });
  return (
    <Dialog title={batch.data ? `Report: ${batch.data.fileName}` : 'Import report'} isOpen={Boolean(id)} onClose={onClose}>
      {batch.isPending ? (
        <LoadingState />
      ) : batch.isError ? (
        <ErrorState message={describeError(batch.error).message} />
      ) : (
        <ImportReportView
          report={{
            kind: batch.data.kind,
            status: batch.data.status,
            message: batch.data.error,
            rowsRead: batch.data.rowsRead,
            inserted: batch.data.inserted,
            updated: batch.data.updated,
            unchanged: batch.data.unchanged,
            skipped: batch.data.skipped,
            participantsCreated: batch.data.participantsCreated,
            problemCount: batch.data.problemCount,
            problems: batch.data.problems,
            notes: batch.data.notes,
          }}
        />
      )}
    </Dialog>
  );
}

function RollbackDialog({ batch, onClose }: { batch: HistoryRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rollback = useMutation(
    trpc.imports.rollback.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        toast(`Rolled back: ${result.removed} removed, ${result.restored} restored`);
        onClose();
      },
    }),
  );
  return (
    <Dialog title="Roll back this import?" isOpen={Boolean(batch)} onClose={onClose}>
      {batch && (
        <div className="flex flex-col gap-4 text-sm text-slate-800">
          <p>
            Everything <strong>{batch.fileName}</strong> added is removed, everything it updated is put back as it was, and developers it added to the directory
            are removed when nothing else refers to them.
          </p>
          <FormError message={rollback.error ? describeError(rollback.error).message : null} />
          <div className="flex gap-2">
            <Button variant="danger" isBusy={rollback.isPending} onClick={() => rollback.mutate({ id: batch.id })}>
              Roll back
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Keep it
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

export function ImportHistory() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const history = useQuery(trpc.imports.history.queryOptions({ limit: 50 }));
  const [reportId, setReportId] = useState<string | null>(null);
  const [rollingBack, setRollingBack] = useState<HistoryRow | null>(null);

  return (
    <Panel title="Import history" description="Every import with its report. A finished import can be rolled back.">
      {history.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : history.isError ? (
        <ErrorState message={describeError(history.error).message} onRetry={() => history.refetch()} />
      ) : history.data.total === 0 ? (
        <EmptyState title="Nothing imported yet">Imports you run here or through the API (POST /api/v1/imports) are listed with their reports.</EmptyState>
      ) : (
        <DataTable
          caption="Imports, newest first"
          rows={history.data.rows}
          rowKey={(row) => row.id}
          columns={[
            {
              header: 'When',
              className: 'whitespace-nowrap',
              cell: (row) => (
                <>
                  <LocalTime value={row.createdAt} options={WHEN} />
                  <span className="block text-xs text-slate-600">{row.via === 'api' ? 'API' : (row.createdByName ?? '')}</span>
                </>
              ),
            },
            {
              // The format under the name, and a long name cut with its whole in the tooltip: ten
              // columns were wider than the card at 1280 px (the actions scrolled out of sight).
              header: 'File',
              cell: (row) => (
                <>
                  <span className="block max-w-40 truncate" title={row.fileName}>
                    {row.fileName}
                  </span>
                  <span className="block max-w-40 text-xs text-slate-600">{FORMAT_LABELS[row.format]}</span>
                </>
              ),
            },
            {
              header: 'Status',
              cell: (row) => {
                const status = STATUS_LABELS[row.status] ?? STATUS_LABELS.completed;
                return <Badge tone={status.tone}>{status.label}</Badge>;
              },
            },
            { header: 'Read', cell: (row) => row.rowsRead.toLocaleString('en') },
            { header: 'New', cell: (row) => row.inserted.toLocaleString('en') },
            { header: 'Updated', cell: (row) => row.updated.toLocaleString('en') },
            { header: 'Unchanged', cell: (row) => row.unchanged.toLocaleString('en') },
            { header: 'Problems', cell: (row) => row.problemCount.toLocaleString('en') },
          ]}
          actions={(row) => (
            <div className="flex flex-col items-end gap-1">
              <Button variant="ghost" size="sm" aria-label={`Report of ${row.fileName}`} onClick={() => setReportId(row.id)}>
                Report
              </Button>
              {canEdit && row.status === 'completed' && (
                <Button variant="ghost" size="sm" aria-label={`Roll back ${row.fileName}`} onClick={() => setRollingBack(row)}>
                  Roll back
                </Button>
              )}
            </div>
          )}
        />
      )}
      <ReportDialog id={reportId} onClose={() => setReportId(null)} />
      <RollbackDialog batch={rollingBack} onClose={() => setRollingBack(null)} />
    </Panel>
  );
}
