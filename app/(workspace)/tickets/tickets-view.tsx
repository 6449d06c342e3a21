'use client';
// The Tickets page: what developers ask the platform team most often. Top categories, weekly
// volume by category, repeat questions (clusters of tickets asking the same thing), editable
// category rules, and every ticket; any ticket, selection or cluster becomes evidence in one step.
// Filters live in the URL.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { formatWait, waitMinutes } from '@/server/tickets/wait-time';
import { formatDay } from '@/app/_components/format';
import { Button, ButtonLink } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { useUrlParams, Pager } from '@/app/_components/pager';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { CategoryCosts } from './category-costs';
import { ManualWorkCategories } from './manual-work-categories';
import { ToEvidenceDialog, type TicketSelection } from './to-evidence-dialog';
import { WeeklyChart } from './weekly-chart';
import { DeveloperLink } from '@/app/_components/developer-link';

const PAGE_SIZE = 50;
const hoursLabel = (hours: number | null) => (hours === null ? 'time unknown' : `${hours.toLocaleString('en', { maximumFractionDigits: 1 })} h per developer per month`);

interface Filter {
  from?: string;
  to?: string;
  category?: string;
}

function RepeatQuestions({ filter, canEdit, onSelect }: { filter: Filter; canEdit: boolean; onSelect: (selection: TicketSelection) => void }) {
  const trpc = useTRPC();
  const [similarity, setSimilarity] = useState<'strict' | 'normal' | 'loose'>('normal');
  const [openId, setOpenId] = useState<string | null>(null);
  const questions = useQuery({ ...trpc.tickets.repeatQuestions.queryOptions({ ...filter, similarity }), placeholderData: keepPreviousData });
  const open = questions.data?.clusters.find((cluster) => cluster.ticketIds[0] === openId);
  const tickets = useQuery({ ...trpc.tickets.list.queryOptions({ ids: open?.ticketIds ?? [], limit: 200 }), enabled: Boolean(open) });

  return (
    <Panel
      title="Repeat questions"
      description="Tickets asking the same thing, grouped by how similar their titles are (trigram similarity, as PostgreSQL's pg_trgm measures it). Each one is a candidate pain theme."
      actions={
        <SelectField
          label="How alike"
          value={similarity}
          onChange={(event) => setSimilarity(event.target.value as typeof similarity)}
          options={[
            { value: 'strict', label: 'Nearly the same words' },
            { value: 'normal', label: 'Similar wording' },
            { value: 'loose', label: 'Loosely related' },
          ]}
        />
      }
    >
      {questions.isPending ? (
        <LoadingState label="Finding repeat questions…" />
      ) : questions.isError ? (
        <ErrorState message={describeError(questions.error).message} onRetry={() => questions.refetch()} />
      ) : questions.data.clusters.length === 0 ? (
        <EmptyState title="No question was asked twice">
          No two tickets in this period ask the same thing. Try &ldquo;Loosely related&rdquo;, a longer period, or import more tickets.
        </EmptyState>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-100" aria-label="Repeat questions, most asked first">
          {questions.data.clusters.map((cluster) => {
            const key = cluster.ticketIds[0];
            const isOpen = openId === key;
            return (
              <li key={key} className="py-3">
                <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <h3 className="font-medium text-slate-900">
                      {cluster.title} <span className="font-normal text-slate-700">— asked {cluster.askedCount} times by {cluster.developerCount} developers</span>
                    </h3>
                    <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                      {cluster.category && <Badge>{cluster.category}</Badge>}
                      <span>
                        {cluster.firstOpened && cluster.lastOpened ? `${formatDay(cluster.firstOpened)} – ${formatDay(cluster.lastOpened)}` : 'No creation dates'}
                      </span>
                      {cluster.variants.length > 1 && <span>{cluster.variants.length} wordings</span>}
                    </p>
                    {cluster.themes.map((theme) => (
                      <p key={theme.id} className="mt-1 text-sm text-green-900">
                        Evidence of <strong>{theme.title}</strong>: {theme.affectedDevelopers} affected developers · {hoursLabel(theme.hoursPerDeveloperPerMonth)}
                        {theme.score !== null && ` · ${Math.round(theme.score).toLocaleString('en')} developer-hours a month`}
                      </p>
                    ))}
                  </div>
                  <div className="flex shrink-0 gap-2">
                    <Button variant="secondary" size="sm" aria-expanded={isOpen} onClick={() => setOpenId(isOpen ? null : key)}>
                      {isOpen ? 'Hide tickets' : 'Show tickets'}
                    </Button>
                    {canEdit && (
                      <Button size="sm" onClick={() => onSelect({ label: `"${cluster.title}" (${cluster.askedCount} tickets)`, ticketIds: cluster.ticketIds })}>
                        Turn into evidence
                      </Button>
                    )}
                  </div>
                </div>
                {isOpen && (
                  <div className="mt-3">
                    {tickets.isPending ? (
                      <LoadingState />
                    ) : tickets.isError ? (
                      <ErrorState message={describeError(tickets.error).message} />
                    ) : (
                      <ul className="flex flex-col gap-1 text-sm">
                        {tickets.data.rows.map((ticket) => (
                          <li key={ticket.id}>
                            <Link href={`/tickets/${ticket.id}`} className="text-brand-700 hover:underline">
                              {ticket.external_key}
                            </Link>{' '}
                            {ticket.title}{' '}
                            <span className="text-slate-600">
                              — {ticket.participant_name ? <DeveloperLink id={ticket.participant_id} name={ticket.participant_name} /> : (ticket.requester_name ?? 'unknown requester')}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {questions.data?.isTimedOut && (
        <p className="mt-2 text-sm text-amber-800">Reading the questions of this period took longer than 5 seconds and was stopped; narrow the dates to see repeat questions.</p>
      )}
      {questions.data?.isCapped && <p className="mt-2 text-xs text-slate-600">Only the 2,000 most asked titles of this period are compared; narrow the dates to see more.</p>}
    </Panel>
  );
}

function CategoryRules({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rules = useQuery(trpc.tickets.rules.queryOptions());
  const [draft, setDraft] = useState({ matchOn: 'keyword' as 'keyword' | 'label', pattern: '', category: '' });
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.tickets.pathKey() });
    toast(message);
  };
  const add = useMutation(
    trpc.tickets.addRule.mutationOptions({
      onSuccess: async (result) => {
        setDraft({ ...draft, pattern: '', category: '' });
        await done(`Rule added: ${result.recategorized} ticket${result.recategorized === 1 ? '' : 's'} re-categorised`);
      },
    }),
  );
  const remove = useMutation(
    trpc.tickets.removeRule.mutationOptions({
      onSuccess: (result) => done(`Rule removed: ${result.recategorized} ticket${result.recategorized === 1 ? '' : 's'} re-categorised`),
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  const error = add.error ? describeError(add.error) : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(draft);
  }
  return (
    <Panel title="Category rules" description="Rules come before the export's own category: the first rule that matches a ticket's title, body or labels sets its category.">
      {rules.isPending ? (
        <LoadingState />
      ) : rules.isError ? (
        <ErrorState message={describeError(rules.error).message} />
      ) : rules.data.length === 0 ? (
        <p className="text-sm text-slate-600">No rules yet: categories come from the export (component, issue type, ServiceNow category, first label).</p>
      ) : (
        <ol className="mb-4 flex flex-col gap-1 text-sm text-slate-800">
          {rules.data.map((rule) => (
            <li key={rule.id} className="flex items-center justify-between gap-2">
              <span>
                {rule.match_on === 'keyword' ? 'Title or body contains' : 'Label is'} <strong>{rule.pattern}</strong> → {rule.category}
              </span>
              {canEdit && (
                <Button variant="ghost" size="sm" aria-label={`Remove the rule ${rule.pattern} to ${rule.category}`} onClick={() => remove.mutate({ id: rule.id })}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate aria-label="Add a category rule" className="mt-3 grid gap-3 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-end">
          <SelectField
            label="Match on"
            value={draft.matchOn}
            onChange={(event) => setDraft({ ...draft, matchOn: event.target.value as 'keyword' | 'label' })}
            options={[
              { value: 'keyword', label: 'Keyword' },
              { value: 'label', label: 'Label' },
            ]}
          />
          <TextField label={draft.matchOn === 'keyword' ? 'Keyword' : 'Label'} value={draft.pattern} onChange={(event) => setDraft({ ...draft, pattern: event.target.value })} error={error?.fieldErrors.pattern} />
          <TextField label="Category" value={draft.category} onChange={(event) => setDraft({ ...draft, category: event.target.value })} error={error?.fieldErrors.category} />
          <Button type="submit" isBusy={add.isPending}>
            Add rule
          </Button>
          {error && Object.keys(error.fieldErrors).length === 0 && <FormError message={error.message} />}
        </form>
      )}
    </Panel>
  );
}

export function TicketsView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const { params, setParams, page } = useUrlParams();
  const [selection, setSelection] = useState<TicketSelection | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const filter: Filter = { from: params.get('from') || undefined, to: params.get('to') || undefined, category: params.get('category') || undefined };
  const search = params.get('q') ?? '';


  const overview = useQuery({ ...trpc.tickets.overview.queryOptions(filter), placeholderData: keepPreviousData });
  const categories = useQuery(trpc.tickets.categories.queryOptions());
  const list = useQuery({
    ...trpc.tickets.list.queryOptions({ ...filter, search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
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
  if (overview.data.summary.ticket_count === 0 && !isFiltered) {
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
  const maxCount = Math.max(1, ...top.map((row) => row.ticket_count));
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
          ['Tickets', summary.ticket_count],
          ['Developers who asked', summary.requester_count],
          ['Still open', summary.open_count],
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
                          <div className="h-full rounded bg-brand-600" style={{ width: `${(row.ticket_count / maxCount) * 100}%` }} />
                        </div>
                      </Td>
                      <Td>{row.ticket_count.toLocaleString('en')}</Td>
                      <Td>{row.requester_count.toLocaleString('en')}</Td>
                      <Td>{row.median_wait_hours === null ? '—' : `${row.median_wait_hours} h`}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Panel>
          <Panel title="Weekly volume by category">
            {weekly.length > 0 ? <WeeklyChart rows={weekly} /> : <p className="text-sm text-slate-600">No dated ticket matches these filters.</p>}
            {summary.undated_count > 0 && (
              <p className="mt-2 text-sm text-slate-600">
                {summary.undated_count.toLocaleString('en')} {summary.undated_count === 1 ? 'ticket has' : 'tickets have'} no creation date (the export had none) and
                {summary.undated_count === 1 ? ' is' : ' are'} not in this chart; {summary.undated_count === 1 ? 'it counts' : 'they count'} in the categories and repeat
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
                          <input type="checkbox" aria-label={`Select ${row.external_key}`} checked={checked.has(row.id)} onChange={() => toggle(row.id)} />
                        </Td>
                      )}
                      <Td className="whitespace-nowrap">{row.external_key}</Td>
                      <Td>
                        <Link href={`/tickets/${row.id}`} className="text-brand-700 hover:underline">
                          {row.title}
                        </Link>
                      </Td>
                      <Td>{row.participant_name ? <DeveloperLink id={row.participant_id} name={row.participant_name} /> : (row.requester_name ?? row.requester_email ?? '—')}</Td>
                      <Td>{row.category ?? 'Uncategorized'}</Td>
                      <Td className="whitespace-nowrap">{row.opened_at ? formatDay(row.opened_at) : 'No date'}</Td>
                      <Td className="whitespace-nowrap">
                        {row.opened_at ? formatWait(waitMinutes(row.opened_at, row.resolved_at)) : '—'}
                        {!row.resolved_at && <span className="sr-only"> (still open)</span>}
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
