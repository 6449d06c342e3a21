'use client';
// The Tickets page: what developers ask the platform team most often. Top categories, weekly
// volume by category, repeat questions (clusters of tickets asking the same thing), editable
// category rules, and every ticket; any ticket, selection or cluster becomes evidence in one step.
// Filters live in the URL.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatWait, waitMinutes } from '@/server/tickets/wait-time';
import { formatDay } from '@/app/_components/format';
import { Button, ButtonLink } from '@/app/_components/button';
import { SelectField, TextField } from '@/app/_components/field';
import { useUrlParams, Pager } from '@/app/_components/pager';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { CategoryCosts } from './category-costs';
import { CategoryRules } from './category-rules';
import { ManualWorkCategories } from './manual-work-categories';
import { RepeatQuestions } from './repeat-questions';
import { PAGE_SIZE, ticketsInputs } from './inputs';
import { ToEvidenceDialog, type TicketSelection } from './to-evidence-dialog';
import { WeeklyChart } from './weekly-chart';
import { DeveloperLink } from '@/app/_components/developer-link';

export function TicketsView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const { params, setParams, page } = useUrlParams();
  const [selection, setSelection] = useState<TicketSelection | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const { filter, search, list: listInput } = ticketsInputs(params);


  const overview = useQuery({ ...trpc.tickets.overview.queryOptions(filter), placeholderData: keepPreviousData });
  const categories = useQuery(trpc.tickets.categories.queryOptions());
  const list = useQuery({
    ...trpc.tickets.list.queryOptions(listInput),
    placeholderData: keepPreviousData,
  });
  const isFiltered = Boolean(filter.from || filter.to || filter.category);

  const header = (
    <PageHeader
      title="Tickets"
      description="What developers ask the platform team most often: the categories, the weekly volume and the questions that keep coming back."
      actions={canEdit && <ButtonLink href="/imports" variant="secondary">Import tickets</ButtonLink>}
    />
  );

  if (overview.isPending) return (<>{header}<LoadingState label="Loading tickets…" /></>);
  if (overview.isError) return (<>{header}<ErrorState message={describeError(overview.error).message} onRetry={() => overview.refetch()} /></>);
  if (overview.data.summary.ticketCount === 0 && !isFiltered) {
    return (
      <>
        {header}
        <EmptyState title="No tickets yet" action={canEdit && <ButtonLink href="/imports">Import a ticket export</ButtonLink>}>
          Export your help desk from Jira (&ldquo;Export issues to CSV&rdquo;), GitHub, ServiceNow or Zendesk and import it. The top categories and the questions
          developers ask again and again show up here, ready to become evidence of a pain theme.
        </EmptyState>
      </>
    );
  }

  const { summary, categories: top, weekly } = overview.data;
  const maxCount = Math.max(1, ...top.map((row) => row.ticketCount));
  const rows = list.data?.rows ?? [];
  const toggle = (id: string) => setChecked((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      {header}
      <form role="search" aria-label="Filter tickets" className="mb-4 grid gap-3 sm:grid-cols-3" onSubmit={(event) => event.preventDefault()}>
        <TextField label="Opened from" type="date" value={filter.from ?? ''} onChange={(event) => setParams({ from: event.target.value || null })} />
        <TextField label="Opened until" type="date" value={filter.to ?? ''} onChange={(event) => setParams({ to: event.target.value || null })} />
        <SelectField
          label="Category"
          value={filter.category ?? ''}
          placeholder="All categories"
          options={(categories.data ?? []).map((value) => ({ value, label: value }))}
          onChange={(event) => setParams({ category: event.target.value || null })}
        />
      </form>

      <dl className="mb-6 grid gap-4 sm:grid-cols-3">
        {[
          ['Tickets', summary.ticketCount],
          ['Developers who asked', summary.requesterCount],
          ['Still open', summary.openCount],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-3xl font-semibold text-slate-900">{Number(value).toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>

      <div className="flex flex-col gap-6">
        <div className="grid gap-6 xl:grid-cols-2">
          <Panel title="Top categories" description="Where the questions and requests come from.">
            {top.length === 0 ? (
              <p className="text-sm text-slate-600">No ticket matches these filters.</p>
            ) : (
              <Table caption="Ticket categories, most tickets first">
                <thead>
                  <tr>
                    <Th>Category</Th>
                    <Th>Tickets</Th>
                    <Th>Developers</Th>
                    <Th>Median wait</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {top.map((row) => (
                    <tr key={row.category}>
                      <Td>
                        <button type="button" className="text-left text-brand-700 hover:underline" onClick={() => setParams({ category: row.category })}>
                          {row.category}
                        </button>
                        <div aria-hidden className="mt-1 h-1.5 rounded bg-brand-100">
                          <div className="h-full rounded bg-brand-600" style={{ width: `${(row.ticketCount / maxCount) * 100}%` }} />
                        </div>
                      </Td>
                      <Td>{row.ticketCount.toLocaleString('en')}</Td>
                      <Td>{row.requesterCount.toLocaleString('en')}</Td>
                      <Td>{row.medianWaitHours === null ? '—' : `${row.medianWaitHours} h`}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Panel>
          <Panel title="Weekly volume by category">
            {weekly.length > 0 ? <WeeklyChart rows={weekly} /> : <p className="text-sm text-slate-600">No dated ticket matches these filters.</p>}
            {summary.undatedCount > 0 && (
              <p className="mt-2 text-sm text-slate-600">
                {summary.undatedCount.toLocaleString('en')} {summary.undatedCount === 1 ? 'ticket has' : 'tickets have'} no creation date (the export had none) and
                {summary.undatedCount === 1 ? ' is' : ' are'} not in this chart; {summary.undatedCount === 1 ? 'it counts' : 'they count'} in the categories and repeat
                questions.
              </p>
            )}
          </Panel>
        </div>

        <RepeatQuestions filter={filter} canEdit={canEdit} onSelect={setSelection} />

        <Panel
          title="All tickets"
          actions={
            canEdit &&
            checked.size > 0 && (
              <Button size="sm" onClick={() => setSelection({ label: `${checked.size} selected ticket${checked.size === 1 ? '' : 's'}`, ticketIds: [...checked] })}>
                Turn {checked.size} selected into evidence
              </Button>
            )
          }
        >
          <TextField className="mb-3 sm:w-80" label="Search titles and keys" type="search" defaultValue={search} onChange={(event) => setParams({ q: event.target.value.trim() || null })} />
          {list.isPending ? (
            <LoadingState />
          ) : list.isError ? (
            <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
          ) : rows.length === 0 ? (
            <p className="text-sm text-slate-600">No ticket matches. Clear the search or the filters above.</p>
          ) : (
            <>
              <Table caption="Tickets, newest first">
                <thead>
                  <tr>
                    {canEdit && (
                      <Th>
                        <input
                          type="checkbox"
                          aria-label="Select every ticket on this page"
                          checked={rows.every((row) => checked.has(row.id))}
                          onChange={(event) => setChecked(event.target.checked ? new Set([...checked, ...rows.map((row) => row.id)]) : new Set([...checked].filter((id) => !rows.some((row) => row.id === id))))}
                        />
                      </Th>
                    )}
                    <Th>Key</Th>
                    <Th>Title</Th>
                    <Th>Asked by</Th>
                    <Th>Category</Th>
                    <Th>Opened</Th>
                    <Th>Waited</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      {canEdit && (
                        <Td>
                          <input type="checkbox" aria-label={`Select ${row.externalKey}`} checked={checked.has(row.id)} onChange={() => toggle(row.id)} />
                        </Td>
                      )}
                      <Td className="whitespace-nowrap">{row.externalKey}</Td>
                      <Td>
                        <Link href={`/tickets/${row.id}`} className="text-brand-700 hover:underline">
                          {row.title}
                        </Link>
                      </Td>
                      <Td>{row.participantName ? <DeveloperLink id={row.participantId} name={row.participantName} /> : (row.requesterName ?? row.requesterEmail ?? '—')}</Td>
                      <Td>{row.category ?? 'Uncategorized'}</Td>
                      <Td className="whitespace-nowrap">{row.openedAt ? formatDay(row.openedAt) : 'No date'}</Td>
                      <Td className="whitespace-nowrap">
                        {row.openedAt ? formatWait(waitMinutes(row.openedAt, row.resolvedAt)) : '—'}
                        {!row.resolvedAt && <span className="sr-only"> (still open)</span>}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Pager page={page} pages={pages} onPage={(next) => setParams({ page: String(next) })} />
            </>
          )}
        </Panel>

        <CategoryRules canEdit={canEdit} />
        <CategoryCosts canEdit={canEdit} />
        <ManualWorkCategories canEdit={canEdit} />
      </div>
      <ToEvidenceDialog
        selection={selection}
        onClose={() => {
          setSelection(null);
          setChecked(new Set());
        }}
      />
    </>
  );
}
