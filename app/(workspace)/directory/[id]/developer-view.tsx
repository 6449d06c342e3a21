'use client';
// One developer's page: team, tenure and background; the pain themes they are affected by with the
// inventory's numbers; and everything recorded with them (interviews, shadowing, tickets, evidence).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SOURCE_LABELS } from '@/server/evidence/rules';
import { TENURE_LABELS } from '@/server/lib/tenure';
import { SCENARIO_LABELS } from '@/server/shadowing/rules';
import { ButtonLink } from '@/app/_components/button';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { SourceLink } from '@/app/_components/source-link';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { formatMinutes, plural } from '@/app/(workspace)/_listen/format';

const LARGER_LABELS = { recurring: 'their recurring estimate', single: 'their single occurrences spread over the window', equal: 'both figures agree' } as const;

export function DeveloperView({ id }: { id: string }) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const profile = useQuery(trpc.participants.profile.queryOptions({ id }));
  const eyebrow = (
    <Link href="/directory" className="hover:underline">
      Developer directory
    </Link>
  );
  if (profile.isPending) return <LoadingState label="Loading the developer…" />;
  if (profile.isError) {
    return (
      <>
        <PageHeader eyebrow={eyebrow} title="Developer" />
        <ErrorState message={describeError(profile.error).message} onRetry={() => profile.refetch()} />
      </>
    );
  }
  const { developer, interviews, sessions, tickets, evidence, themes, window, listLimit } = profile.data;
  const facts = [
    developer.teamName ? `Team ${developer.teamName}` : 'No team',
    developer.tenureBand ? `${TENURE_LABELS[developer.tenureBand]} at the company` : 'Tenure unknown',
    developer.background ?? 'Background unknown',
  ];

  return (
    <>
      <PageHeader
        eyebrow={eyebrow}
        title={developer.displayName}
        description={
          <>
            {facts.join(' · ')}
            {developer.email && <> · {developer.email}</>}
            {developer.archivedAt && (
              <span className="ml-2">
                <Badge>Archived</Badge>
              </span>
            )}
            {developer.origin === 'ticket-requester' && (
              <span className="ml-2">
                <Badge tone="amber">From tickets</Badge>
              </span>
            )}
          </>
        }
        actions={
          <>
            <ButtonLink href={`/interviews?participant=${developer.id}`} variant="secondary">
              {canEdit && !developer.archivedAt ? `Interview ${developer.displayName}` : 'Interviews'}
            </ButtonLink>
            <ButtonLink href={`/evidence?participant=${developer.id}`} variant="secondary">
              Evidence list
            </ButtonLink>
          </>
        }
      />

      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Figure label="Pain themes" value={themes.length} href="#themes" />
        <Figure label="Interviews" value={interviews.length} href="#interviews" />
        <Figure label="Shadowing sessions" value={sessions.length} href="#shadowing" />
        <Figure label="Tickets" value={tickets.total} href="#tickets" />
        <Figure label="Evidence items" value={evidence.total} href="#evidence" />
      </dl>

      <div className="flex flex-col gap-6">
        <Section id="themes">
          <Panel
            title="Pain themes they are affected by"
            description={`The theme's numbers are the pain inventory's (whole directory, ${formatDay(window.from)} to ${formatDay(window.to)}). "Their time" is this developer's monthly minutes for the theme: one of the values the theme's median is taken over.`}
          >
            {themes.length === 0 ? (
              <p className="text-sm text-slate-600">
                None yet: none of their evidence is tagged into a live pain theme. Tag it on the evidence page or in the inbox.
              </p>
            ) : (
              <Table caption={`Pain themes ${developer.displayName} is affected by`}>
                <thead>
                  <tr>
                    <Th>Rank</Th>
                    <Th>Pain theme</Th>
                    <Th>Their evidence</Th>
                    <Th>Their time per month</Th>
                    <Th>Affected developers</Th>
                    <Th>Hours lost per developer per month</Th>
                    <Th>Developer-hours per month</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {themes.map((theme) => (
                    <tr key={theme.themeId}>
                      <Td className="tabular-nums">#{theme.rank}</Td>
                      <Td>
                        <Link href={`/themes/${theme.themeId}`} className="font-medium text-brand-700 hover:underline">
                          {theme.title}
                        </Link>
                      </Td>
                      <Td className="tabular-nums">{theme.evidenceCount}</Td>
                      <Td className="tabular-nums">
                        {theme.monthlyMinutes === null ? (
                          <span className="text-slate-600">no time data</span>
                        ) : (
                          <span title={theme.larger ? `The larger figure: ${LARGER_LABELS[theme.larger]}` : undefined}>{formatMinutes(theme.monthlyMinutes)}</span>
                        )}
                      </Td>
                      <Td className="tabular-nums">{theme.affectedDevelopers}</Td>
                      <Td className="tabular-nums">{theme.hoursPerDeveloperPerMonth === null ? 'unknown' : `${round(theme.hoursPerDeveloperPerMonth)} h`}</Td>
                      <Td className="tabular-nums">{theme.score === null ? '—' : round(theme.score)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Panel>
        </Section>

        <div className="grid gap-6 lg:grid-cols-2">
          <Section id="interviews">
            <Panel title={`Interviews (${interviews.length})`}>
              {interviews.length === 0 ? (
                <p className="text-sm text-slate-600">Not interviewed yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {interviews.map((interview) => (
                    <li key={interview.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <Link href={`/interviews/${interview.id}`} className="font-medium text-brand-700 hover:underline">
                        {formatDay(interview.interviewedOn)} · {interview.guideTitle || 'Interview'}
                      </Link>
                      <Badge tone={interview.status === 'complete' ? 'green' : 'amber'}>{interview.status === 'complete' ? 'Complete' : 'Draft'}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </Section>
          <Section id="shadowing">
            <Panel title={`Shadowing sessions (${sessions.length})`}>
              {sessions.length === 0 ? (
                <p className="text-sm text-slate-600">Not shadowed yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {sessions.map((session) => (
                    <li key={session.id} className="py-2">
                      <Link href={`/shadowing/${session.id}`} className="font-medium text-brand-700 hover:underline">
                        {formatDay(session.onDate)} · {SCENARIO_LABELS[session.scenario]}
                      </Link>
                      {session.focus && <span className="text-slate-700">: {session.focus}</span>}
                      <p className="text-slate-600">
                        {plural(session.eventCount, 'friction event')}
                        {session.minutesLost > 0 && `, ${formatMinutes(session.minutesLost)} lost`}
                        {!session.hasEnded && ' · not ended'}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </Section>
        </div>

        <Section id="tickets">
          <Panel title={`Tickets they opened (${tickets.total})`} description={tickets.total > listLimit ? `The newest ${listLimit}.` : undefined}>
            {tickets.rows.length === 0 ? (
              <p className="text-sm text-slate-600">No imported ticket names them as the requester.</p>
            ) : (
              <Table caption={`Tickets opened by ${developer.displayName}`}>
                <thead>
                  <tr>
                    <Th>Ticket</Th>
                    <Th>Category</Th>
                    <Th>Status</Th>
                    <Th>Opened</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {tickets.rows.map((ticket) => (
                    <tr key={ticket.id}>
                      <Td>
                        <Link href={`/tickets/${ticket.id}`} className="text-brand-700 hover:underline">
                          <span className="font-mono text-xs text-slate-600">{ticket.externalKey}</span> {ticket.title}
                        </Link>
                      </Td>
                      <Td>{ticket.category ?? '—'}</Td>
                      <Td>{ticket.status ?? '—'}</Td>
                      <Td className="whitespace-nowrap">{ticket.openedAt ? formatDay(ticket.openedAt.toISOString().slice(0, 10)) : 'no date'}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Panel>
        </Section>

        <Section id="evidence">
          <Panel title={`Evidence (${evidence.total})`} description={evidence.total > listLimit ? `The newest ${listLimit}; the evidence list shows all of it.` : undefined}>
            {evidence.rows.length === 0 ? (
              <p className="text-sm text-slate-600">No evidence attributed to them yet. Select words in an interview, a shadowing session or a ticket and save them as evidence.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {evidence.rows.map((item) => (
                  <li key={item.id} className="py-3 text-sm">
                    <blockquote className="text-slate-800">“{item.excerpt}”</blockquote>
                    <p className="mt-1 text-slate-600">
                      {SOURCE_LABELS[item.sourceKind]} · {formatDay(item.observedOn)}
                      {item.minutesLost !== null && ` · ${formatMinutes(item.minutesLost)}${item.kind === 'recurring' ? ` × ${item.occurrencesPerMonth} a month` : ''}`}
                      {' · '}
                      <SourceLink href={item.sourcePath} className="text-brand-700 underline">
                        source
                      </SourceLink>
                    </p>
                    {item.themes.length > 0 ? (
                      <p className="mt-1 flex flex-wrap gap-1">
                        {item.themes.map((theme) => (
                          <Link key={theme.id} href={`/themes/${theme.id}`} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700 hover:underline">
                            {theme.title}
                          </Link>
                        ))}
                      </p>
                    ) : (
                      <p className="mt-1 text-xs text-slate-600">Not tagged into a theme yet.</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </Section>
      </div>
    </>
  );
}

function round(value: number): string {
  return value >= 10 ? Math.round(value).toLocaleString('en') : (Math.round(value * 10) / 10).toLocaleString('en');
}

function Figure({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold text-slate-900 tabular-nums">
        <a href={href} className="hover:underline">
          {value}
        </a>
      </dd>
    </div>
  );
}

function Section({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="scroll-mt-6">
      {children}
    </div>
  );
}
