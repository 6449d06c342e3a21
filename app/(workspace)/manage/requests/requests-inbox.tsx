'use client';
// The triage inbox: developers' requests from the public roadmap. Merge a duplicate into an item
// (its votes move once), accept it as a new item, decline it with a reason the developer reads,
// or save what it says as evidence of a pain theme. Filters live in the URL.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState } from 'react';
import type { RouterOutputs } from '@/server/root';
import { Button } from '@/app/_components/button';
import { SelectField, TextField } from '@/app/_components/field';
import { Badge, PageHeader } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { ThemeFits, useDismissFitCallbacks, type ThemeFitView } from '@/app/_components/theme-fits';
import { AcceptDialog, DeclineDialog, MergeDialog, MergeIntoRequestDialog } from './triage-dialogs';
import { FILTERS, PAGE_SIZE, requestsInputs } from './inputs';

export type RequestRow = RouterOutputs['requests']['list']['rows'][number];

type Action = { kind: 'merge' | 'mergeIntoRequest' | 'accept' | 'decline'; request: RequestRow } | null;

function statusBadge(row: RequestRow) {
  switch (row.status) {
    case 'open':
      return row.evidenceCount > 0 ? <Badge tone="brand">Open · in the pain inventory</Badge> : <Badge tone="amber">Needs triage</Badge>;
    case 'merged':
      return <Badge tone="green">Merged</Badge>;
    case 'accepted':
      return <Badge tone="green">Accepted</Badge>;
    case 'declined':
      return <Badge tone="red">Declined</Badge>;
  }
}

function RequestCard({ row, canEdit, isHighlighted, onAction, onEvidence, onDismissFit, fits = [] }: {
  row: RequestRow;
  canEdit: boolean;
  /** Themes this request seems to fit while it is not evidence yet. */
  fits?: ThemeFitView[];
  isHighlighted?: boolean;
  onAction: (action: Action) => void;
  onEvidence: (source: EvidenceSourceRef) => void;
  onDismissFit: (requestId: string, themeId: string) => void;
}) {
  const textRef = useRef<HTMLDivElement>(null);

  function saveAsEvidence() {
    // The words the PM selected in this request, or all of it.
    const selection = window.getSelection();
    const selected = selection && textRef.current?.contains(selection.anchorNode) ? selection.toString().trim() : '';
    onEvidence({
      kind: 'request',
      id: row.id,
      label: `request “${row.title}”`,
      excerpt: selected || row.details || row.title,
      participant: row.participant,
    });
  }

  return (
    <li className={`rounded-lg border bg-white p-4 shadow-sm ${isHighlighted ? 'border-brand-600 ring-2 ring-brand-600' : 'border-slate-200'}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-semibold break-words text-slate-900">{row.title}</h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {formatDay(row.createdAt)} · {row.votes} {row.votes === 1 ? 'vote' : 'votes'} ·{' '}
            {row.participant ? (
              <>From {row.participant.name} (in the directory)</>
            ) : row.email ? (
              <>From {row.email}</>
            ) : (
              <>Anonymous</>
            )}{' '}
            ·{' '}
            <Link href={`/roadmap/requests/${row.id}`} target="_blank" className="text-brand-700 underline">
              Public page
            </Link>
          </p>
        </div>
        <div className="flex flex-wrap gap-1">
          {statusBadge(row)}
          {row.evidenceCount > 0 && row.status !== 'open' && <Badge tone="brand">In the pain inventory</Badge>}
        </div>
      </div>
      <div ref={textRef} className="mt-3 text-sm whitespace-pre-wrap break-words text-slate-800">
        {row.details || <span className="text-slate-600">No details.</span>}
      </div>
      <ThemeFits
        fits={fits}
        label={row.title}
        canSave={canEdit}
        onSave={(fit) =>
          onEvidence({ kind: 'request', id: row.id, label: `request “${row.title}”`, excerpt: row.details || row.title, participant: row.participant, themeIds: [fit.themeId] })
        }
        onDismiss={(fit) => onDismissFit(row.id, fit.themeId)}
      />
      {row.item && (
        <p className="mt-2 text-sm text-slate-700">
          {row.status === 'accepted' ? 'Accepted as' : 'Merged into'} <strong className="font-medium">{row.item.title}</strong>.
        </p>
      )}
      {row.mergedInto && (
        <p className="mt-2 text-sm text-slate-700">
          Merged into the request <strong className="font-medium">{row.mergedInto.title}</strong>.
        </p>
      )}
      {row.status === 'declined' && row.declineReason && <p className="mt-2 text-sm text-slate-700">Declined: “{row.declineReason}”</p>}
      {canEdit && (
        <div className="mt-3 flex flex-wrap gap-2">
          {row.status === 'open' && (
            <>
              <Button size="sm" onClick={() => onAction({ kind: 'merge', request: row })}>
                Merge into an item
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onAction({ kind: 'mergeIntoRequest', request: row })}>
                Merge into a request
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onAction({ kind: 'accept', request: row })}>
                Accept as new item
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onAction({ kind: 'decline', request: row })}>
                Decline
              </Button>
            </>
          )}
          <Button size="sm" variant="ghost" onClick={saveAsEvidence}>
            Save as evidence
          </Button>
        </div>
      )}
    </li>
  );
}

export function RequestsInbox() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const { params, setParams, page } = useUrlParams();
  const [action, setAction] = useState<Action>(null);
  const [evidence, setEvidence] = useState<EvidenceSourceRef | null>(null);

  const { filter, search, focusId, list: listInput, focused: focusedInput } = requestsInputs(params);

  const list = useQuery({
    ...trpc.requests.list.queryOptions(listInput),
    placeholderData: keepPreviousData,
    // Requests arrive from outside: opening the inbox always asks for the latest.
    refetchOnMount: 'always',
  });
  const focused = useQuery({ ...trpc.requests.list.queryOptions(focusedInput), enabled: Boolean(focusId) });
  // "Fits theme X" for the shown requests that are not evidence yet (editors, who can save them).
  const openIds = [...(list.data?.rows ?? []), ...(focused.data?.rows ?? [])].filter((row) => row.evidenceCount === 0).map((row) => row.id);
  const fits = useQuery({ ...trpc.themes.suggestForRequests.queryOptions({ requestIds: [...new Set(openIds)] }), enabled: canEdit && openIds.length > 0 });
  const fitsOf = (id: string) => fits.data?.requests.find((request) => request.requestId === id)?.fits ?? [];
  const dismissFit = useMutation(trpc.themes.dismissRequestFit.mutationOptions(useDismissFitCallbacks(() => fits.refetch())));
  const cardProps = {
    canEdit,
    onAction: setAction,
    onEvidence: setEvidence,
    onDismissFit: (requestId: string, themeId: string) => dismissFit.mutate({ requestId, themeId }),
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title="Request inbox"
        description="What developers asked for on the public roadmap. Merge duplicates into an item, accept, decline with a reason they will read, or save their words as evidence of a pain."
        eyebrow={list.data ? `${list.data.untriaged} ${list.data.untriaged === 1 ? 'request needs' : 'requests need'} triage` : undefined}
      />

      {focusId && focused.data?.rows[0] && (
        <section aria-label="The request you opened" className="mb-6">
          <ul>
            <RequestCard row={focused.data.rows[0]} isHighlighted fits={fitsOf(focused.data.rows[0].id)} {...cardProps} />
          </ul>
        </section>
      )}

      {/* Not useFormMutation: filters in the URL, no mutation (the triage forms are in triage-dialogs.tsx, evidence in SaveEvidenceDialog). */}
      <form role="search" aria-label="Filter requests" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Show" value={filter} onChange={(event) => setParams({ filter: event.target.value === 'untriaged' ? null : event.target.value })} options={FILTERS} />
        <TextField label="Search" type="search" placeholder="Words in the title or details" defaultValue={search} onChange={(event) => setParams({ q: event.target.value.trim() || null })} />
      </form>

      {list.isPending ? (
        <LoadingState label="Loading requests…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : total === 0 ? (
        filter === 'untriaged' && !search ? (
          <EmptyState title="Inbox zero" action={<Link href="/roadmap/requests/new" className="text-sm font-medium text-brand-700 underline">See the public request form</Link>}>
            No request waits for triage. Developers send requests from the public roadmap at /roadmap; new ones land here, and a webhook can post them to
            your team’s chat.
          </EmptyState>
        ) : (
          <EmptyState title="No request matches">Try another filter or fewer words.</EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {total} {total === 1 ? 'request' : 'requests'}
          </p>
          <ul className="flex flex-col gap-3">
            {list.data.rows.map((row) => (
              <RequestCard key={row.id} row={row} fits={fitsOf(row.id)} {...cardProps} />
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={(next) => setParams({ page: String(next) })} />
        </>
      )}

      {action?.kind === 'merge' && <MergeDialog request={action.request} onClose={() => setAction(null)} />}
      {action?.kind === 'mergeIntoRequest' && <MergeIntoRequestDialog request={action.request} onClose={() => setAction(null)} />}
      {action?.kind === 'accept' && <AcceptDialog request={action.request} onClose={() => setAction(null)} />}
      {action?.kind === 'decline' && <DeclineDialog request={action.request} onClose={() => setAction(null)} />}
      <SaveEvidenceDialog source={evidence} onClose={() => setEvidence(null)} onSaved={() => Promise.all([list.refetch(), fits.refetch()])} />
    </>
  );
}
