'use client';
// The interviews recorded so far, newest first, filtered by status or developer (in the URL),
// with the form to record a new one and a reminder of drafts kept on this device.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, useSyncExternalStore } from 'react';
import { Button, ButtonLink } from '@/app/_components/button';
import { SelectField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { listDeviceDrafts } from '@/app/(workspace)/_listen/device-drafts';
import { formatDay } from '@/app/_components/format';
import { plural } from '@/app/(workspace)/_listen/format';
import { TENURE_LABELS } from '@/app/(workspace)/directory/tenure-options';
import { NewInterviewForm } from './new-interview-form';
import { useOpenWhenAsked } from '@/app/_components/use-open-when-asked';
import { DeveloperLink } from '@/app/_components/developer-link';
import { interviewsFilterOf, interviewsListInput, PAGE_SIZE } from './inputs';

function subscribeToStorage(onChange: () => void) {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

export function InterviewsView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const { params, setParams } = useUrlParams();
  const filter = interviewsFilterOf(params);
  const { participantId, status, page } = filter;
  const [isFormOpen, setFormOpen] = useState(params.get('new') === '1');
  useOpenWhenAsked(() => setFormOpen(true));
  // localStorage exists only in the browser; on the server the list is empty.
  const deviceDraftList = useSyncExternalStore(
    subscribeToStorage,
    () => listDeviceDrafts('interview').join(','),
    () => '',
  );
  const deviceDrafts = deviceDraftList ? deviceDraftList.split(',') : [];

  const list = useQuery({
    ...trpc.interviews.list.queryOptions(interviewsListInput(filter)),
    placeholderData: keepPreviousData,
  });
  const participant = useQuery({ ...trpc.participants.get.queryOptions({ id: participantId }), enabled: Boolean(participantId) });


  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const who = participant.data;

  return (
    <>
      <PageHeader
        title={who ? `Interviews with ${who.displayName}` : 'Interviews'}
        description={
          who
            ? [who.teamName ?? 'No team', who.tenureBand ? TENURE_LABELS[who.tenureBand] : null, who.background].filter(Boolean).join(' · ')
            : 'Structured conversations with developers: where they lose time, in their words. Aim for 15-20 across teams, tenure and backgrounds.'
        }
        actions={
          <>
            <ButtonLink href="/interviews/guides" variant="secondary">
              Interview guides
            </ButtonLink>
            {canEdit && <Button onClick={() => setFormOpen(true)}>Record an interview</Button>}
          </>
        }
      />

      {deviceDrafts.length > 0 && (
        <div role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {plural(deviceDrafts.length, 'interview has', 'interviews have')} changes kept on this device that are not saved yet. Open{' '}
          {deviceDrafts.map((id, index) => (
            <span key={id}>
              {index > 0 && ', '}
              <Link className="font-medium underline" href={`/interviews/${id}`}>
                {deviceDrafts.length === 1 ? 'it' : `interview ${index + 1}`}
              </Link>
            </span>
          ))}{' '}
          to save them.
        </div>
      )}

      {isFormOpen && canEdit && (
        <div className="mb-6">
          <Panel title="Record an interview" description="It opens as a draft with the guide's questions; what you type is saved as you go.">
            <NewInterviewForm participantId={participantId} onCancel={() => setFormOpen(false)} />
          </Panel>
        </div>
      )}

      <form role="search" aria-label="Filter interviews" className="mb-4 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          className="w-48"
          label="Status"
          value={status}
          onChange={(e) => setParams({ status: e.target.value || null })}
          placeholder="Drafts and complete"
          options={[
            { value: 'draft', label: 'Drafts' },
            { value: 'complete', label: 'Complete' },
          ]}
        />
        {participantId && (
          <ButtonLink href="/interviews" variant="secondary">
            All developers
          </ButtonLink>
        )}
      </form>

      {list.isPending ? (
        <LoadingState label="Loading interviews…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : total === 0 ? (
        participantId || status ? (
          <EmptyState
            title={who ? `No interviews with ${who.displayName} yet` : 'No interview matches this filter'}
            action={
              canEdit && who ? <Button onClick={() => setFormOpen(true)}>Interview {who.displayName}</Button> : <ButtonLink href="/interviews" variant="secondary">Clear filters</ButtonLink>
            }
          >
            {who ? 'Record the conversation as it happens: the guide asks the five discovery questions.' : 'Try another status.'}
          </EmptyState>
        ) : (
          <EmptyState
            title="No interviews yet"
            action={
              canEdit && (
                <>
                  <Button onClick={() => setFormOpen(true)}>Record the first interview</Button>
                  <ButtonLink href="/coverage" variant="secondary">
                    See whom to talk to
                  </ButtonLink>
                </>
              )
            }
          >
            Spend the first weeks listening. Pick a developer from the directory and ask the five discovery questions: walk me through
            your last deploy, what took longer than expected, what you needed help with, what you do differently from the docs, and what
            would let you move twice as fast.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {plural(total, 'interview')}
          </p>
          <Table caption="Interviews">
            <thead>
              <tr>
                <Th>Developer</Th>
                <Th>Team</Th>
                <Th>Date</Th>
                <Th>Status</Th>
                <Th>Answers</Th>
                <Th>Evidence</Th>
                <Th>Interviewer</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.data.rows.map((row) => (
                <tr key={row.id}>
                  <Td className="font-medium">
                    <DeveloperLink id={row.participantId} name={row.participantName} />
                  </Td>
                  <Td>{row.teamName ?? <span className="text-slate-600">No team</span>}</Td>
                  <Td className="whitespace-nowrap">
                    <Link href={`/interviews/${row.id}`} aria-label={`Interview with ${row.participantName} on ${formatDay(row.interviewedOn)}`} className="text-brand-700 hover:underline">
                      {formatDay(row.interviewedOn)}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={row.status === 'complete' ? 'green' : 'amber'}>{row.status === 'complete' ? 'Complete' : 'Draft'}</Badge>
                  </Td>
                  <Td>
                    {row.answeredCount ?? 0} of {row.questionCount ?? 0}
                  </Td>
                  <Td>{row.evidenceCount ?? 0}</Td>
                  <Td>{row.interviewerName ?? <span className="text-slate-600">—</span>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pager page={page} pages={pages} onPage={(next) => setParams({ page: String(next) })} />
        </>
      )}
    </>
  );
}
