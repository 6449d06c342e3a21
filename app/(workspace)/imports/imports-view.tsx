'use client';
// The Imports page: upload a ticket export or post-mortems, see what the file is and how its
// columns map to ticket fields, correct the mapping, watch the upload and import progress, read
// the report, and roll back an import from the history.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { SegmentedControl } from '@/app/_components/segmented-control';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState } from '@/app/_components/states';
import { ImportHistory } from './import-history';
import { PostmortemImport } from './postmortem-import';
import { TicketImport } from './ticket-import';

export function ImportsView() {
  const canEdit = useCanEdit();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'tickets' | 'postmortems'>('tickets');
  // An import changes tickets, post-mortems, the directory and the history: every cached read.
  const refreshAll = () => void queryClient.invalidateQueries();

  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring in support tickets and post-mortems, the quantitative half of the pain inventory. An import is all or nothing unless you choose to skip bad rows, importing the same file again changes nothing, and any import can be rolled back."
      />
      <div className="flex flex-col gap-6">
        {canEdit ? (
          <Panel>
            <SegmentedControl
              label="What are you importing?"
              className="mb-5"
              options={[
                { value: 'tickets', label: 'Support tickets' },
                { value: 'postmortems', label: 'Post-mortems' },
              ]}
              value={kind}
              onChange={setKind}
            />
            {kind === 'tickets' ? <TicketImport onImported={refreshAll} /> : <PostmortemImport onImported={refreshAll} />}
          </Panel>
        ) : (
          <EmptyState title="Viewers cannot import">Ask an editor or admin of your workspace to import ticket exports and post-mortems. The history below shows what came in.</EmptyState>
        )}
        <ImportHistory />
      </div>
    </>
  );
}
