'use client';
// Shadowing sessions: watching a developer do real work and noting every moment of friction.
// Lists the sessions and starts a new one.
import { formatDay } from '@/app/_components/format';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FRICTION_LABELS, SCENARIOS, SCENARIO_LABELS } from '@/server/shadowing/rules';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatMinutes, plural } from '@/app/(workspace)/_listen/format';
import { ParticipantSelect } from '@/app/(workspace)/_listen/participant-select';
import { PAGE_SIZE, shadowingInputs } from './inputs';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useOpenWhenAsked } from '@/app/_components/use-open-when-asked';
import { DeveloperLink } from '@/app/_components/developer-link';

const SCENARIO_OPTIONS = SCENARIOS.map((value) => ({ value, label: SCENARIO_LABELS[value] }));

export function ShadowingListView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const { params, setParams, page } = useUrlParams();
  const { scenario, isFormAsked, list: listInput } = shadowingInputs(params);
  const [isFormOpen, setFormOpen] = useState(isFormAsked);
  useOpenWhenAsked(() => setFormOpen(true));
  const list = useQuery({
    ...trpc.shadowing.list.queryOptions(listInput),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title="Shadowing sessions"
        description="Sit with a developer doing real work and note every moment of friction: tab switches, questions in Slack, commands copied from a runbook, waiting, dead ends."
        actions={canEdit && <Button onClick={() => setFormOpen(true)}>New shadowing session</Button>}
      />
      {isFormOpen && canEdit && (
        <div className="mb-6">
          <Panel title="New shadowing session" description="Start observing now, or prepare the session and start the timer when the developer starts working.">
            <NewSessionForm onCancel={() => setFormOpen(false)} />
          </Panel>
        </div>
      )}
      <form role="search" aria-label="Filter sessions" className="mb-4 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <SelectField className="w-64" label="Scenario" value={scenario} onChange={(e) => setParams({ scenario: e.target.value || null })} placeholder="All scenarios" options={SCENARIO_OPTIONS} />
      </form>
      {list.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : total === 0 ? (
        scenario ? (
          <EmptyState title="No session with this scenario" action={<Button variant="secondary" onClick={() => setParams({ scenario: null })}>All scenarios</Button>}>
            Try another scenario.
          </EmptyState>
        ) : (
          <EmptyState title="No shadowing sessions yet" action={canEdit && <Button onClick={() => setFormOpen(true)}>Start the first session</Button>}>
            Ask to sit with a developer who is onboarding a new service, debugging an incident or setting up CI/CD for the first time. In
            observation mode a running timer stamps every friction event you capture with one key: {Object.values(FRICTION_LABELS).join(', ').toLowerCase()}.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{plural(total, 'session')}</p>
          <Table caption="Shadowing sessions">
            <thead>
              <tr>
                <Th>Developer</Th>
                <Th>Scenario</Th>
                <Th>When</Th>
                <Th>Status</Th>
                <Th>Friction events</Th>
                <Th>Time lost</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.data.rows.map((row) => (
                <tr key={row.id}>
                  <Td className="font-medium">
                    <DeveloperLink id={row.participantId} name={row.participantName} />
                    {row.teamName && <span className="ml-1 font-normal text-slate-600">({row.teamName})</span>}
                  </Td>
                  <Td>
                    {SCENARIO_LABELS[row.scenario]}
                    {row.focus && <span className="block text-xs text-slate-600">{row.focus}</span>}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Link
                      href={`/shadowing/${row.id}`}
                      aria-label={`Shadowing ${row.participantName} on ${formatDay(row.startedAt ?? row.createdAt)}`}
                      className="text-brand-700 hover:underline"
                    >
                      {formatDay(row.startedAt ?? row.createdAt)}
                    </Link>
                  </Td>
                  <Td>
                    {row.endedAt ? <Badge tone="green">Ended</Badge> : row.startedAt ? <Badge tone="red">Observing</Badge> : <Badge>Not started</Badge>}
                  </Td>
                  <Td>{row.eventCount ?? 0}</Td>
                  <Td>{formatMinutes(row.minutesLost ?? 0)}</Td>
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

function NewSessionForm({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useFormMutation({
    initialValues: { participantId: '', scenario: 'onboarding-service', focus: '', startNow: true },
    mutation: trpc.shadowing.create.mutationOptions(),
    toInput: (values) => ({ participantId: values.participantId, scenario: values.scenario as 'other', focus: values.focus, startNow: values.startNow }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.shadowing.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.coverage.pathKey() });
      router.push(`/shadowing/${result.id}`);
    },
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label="New shadowing session" className="flex flex-col gap-4">
      <FormError {...form.formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <ParticipantSelect value={form.values.participantId} onChange={(value) => form.set('participantId', value)} error={form.errorFor('participantId')} />
        <SelectField label="Scenario" {...form.field('scenario')} options={SCENARIO_OPTIONS} />
        <TextField
          label="What they work on"
          placeholder="e.g. Create the payments-refunds service"
          {...form.field('focus')}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" isBusy={form.isPending && form.variables?.startNow}>
          Start observing now
        </Button>
        <Button variant="secondary" isBusy={form.isPending && !form.variables?.startNow} onClick={() => void form.submitWith({ ...form.values, startNow: false })}>
          Prepare, start later
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
