'use client';
// One ticket as it was imported: what the developer asked, who asked, how long they waited, and
// "Save as evidence" with the words the PM selects.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatWait } from '@/server/tickets/wait-time';
import { Button } from '@/app/_components/button';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { useCanEdit } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { DeveloperLink } from '@/app/_components/developer-link';

export function TicketView({ id }: { id: string }) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const ticket = useQuery(trpc.tickets.get.queryOptions({ id }));
  const [source, setSource] = useState<EvidenceSourceRef | null>(null);
  const eyebrow = (
    <Link href="/tickets" className="hover:underline">
      Tickets
    </Link>
  );
  if (ticket.isPending) return <LoadingState label="Loading the ticket…" />;
  if (ticket.isError) return (<><PageHeader eyebrow={eyebrow} title="Ticket" /><ErrorState message={describeError(ticket.error).message} /></>);
  const data = ticket.data;
  const requester = data.participantId ? { id: data.participantId, name: data.participantName ?? data.requesterName ?? 'Requester' } : null;

  function saveSelection() {
    const selected = window.getSelection()?.toString().trim();
    setSource({
      kind: 'ticket',
      id: data.id,
      label: `${data.externalKey} ${data.title}`.slice(0, 120),
      excerpt: selected || data.title,
      participant: requester,
    });
  }

  return (
    <>
      <PageHeader
        eyebrow={eyebrow}
        title={data.title}
        description={`${data.externalKey} · ${data.source}`}
        actions={canEdit && <Button onClick={saveSelection}>Save as evidence</Button>}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <Panel title="What was asked" description={canEdit ? 'Select words in the text, then choose "Save as evidence".' : undefined}>
            <p className="text-sm font-medium whitespace-pre-wrap text-slate-900">{data.title}</p>
            {data.body ? <p className="mt-3 text-sm whitespace-pre-wrap text-slate-800">{data.body}</p> : <p className="mt-3 text-sm text-slate-600">The export has no description for this ticket.</p>}
          </Panel>
          {data.comments.length > 0 && (
            <Panel title={`Comments (${data.comments.length})`}>
              <ol className="flex flex-col gap-3 text-sm whitespace-pre-wrap text-slate-800">
                {data.comments.map((comment, index) => (
                  <li key={index} className="rounded-md bg-slate-50 p-3">
                    {comment}
                  </li>
                ))}
              </ol>
            </Panel>
          )}
        </div>
        <Panel title="Details">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Asked by</dt>
            <dd>{data.participantName ? <DeveloperLink id={data.participantId} name={data.participantName} /> : (data.requesterName ?? data.requesterEmail ?? 'Unknown')}</dd>
            <dt className="text-slate-600">Opened</dt>
            <dd>{data.openedAt ? `${data.openedAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC` : 'Not in the export'}</dd>
            <dt className="text-slate-600">Resolved</dt>
            <dd>{data.resolvedAt ? `${data.resolvedAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC` : 'Still open'}</dd>
            <dt className="text-slate-600">Waited</dt>
            <dd>{data.openedAt ? formatWait(data.waitMinutes) : 'Unknown (no creation date)'}</dd>
            <dt className="text-slate-600">Status</dt>
            <dd>{data.status ?? '—'}</dd>
            <dt className="text-slate-600">Category</dt>
            <dd>{data.category ?? 'Uncategorized'}</dd>
            <dt className="text-slate-600">Labels</dt>
            <dd className="flex flex-wrap gap-1">{data.labels.length ? data.labels.map((label) => <Badge key={label}>{label}</Badge>) : '—'}</dd>
            <dt className="text-slate-600">Evidence</dt>
            <dd>{data.evidenceIds.length ? `${data.evidenceIds.length} item${data.evidenceIds.length === 1 ? '' : 's'} in the pain inventory` : 'Not evidence yet'}</dd>
          </dl>
        </Panel>
      </div>
      <SaveEvidenceDialog source={source} onClose={() => setSource(null)} onSaved={() => void ticket.refetch()} />
    </>
  );
}
