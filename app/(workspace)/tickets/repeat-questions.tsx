'use client';
// The Repeat questions panel of the Tickets page: tickets asking the same thing, clustered by how
// alike their titles are, each cluster opening on its tickets and turning into evidence.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { formatDay } from '@/app/_components/format';
import { DeveloperLink } from '@/app/_components/developer-link';
import { SelectField } from '@/app/_components/field';
import { Badge, Panel } from '@/app/_components/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { FIRST_SIMILARITY, type Filter } from './inputs';
import type { TicketSelection } from './to-evidence-dialog';

const hoursLabel = (hours: number | null) => (hours === null ? 'time unknown' : `${hours.toLocaleString('en', { maximumFractionDigits: 1 })} h per developer per month`);

export function RepeatQuestions({ filter, canEdit, onSelect }: { filter: Filter; canEdit: boolean; onSelect: (selection: TicketSelection) => void }) {
  const trpc = useTRPC();
  const [similarity, setSimilarity] = useState<'strict' | 'normal' | 'loose'>(FIRST_SIMILARITY);
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
                              {ticket.externalKey}
                            </Link>{' '}
                            {ticket.title}{' '}
                            <span className="text-slate-600">
                              — {ticket.participantName ? <DeveloperLink id={ticket.participantId} name={ticket.participantName} /> : (ticket.requesterName ?? 'unknown requester')}
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

