'use client';
// Whose voice is missing: interviews per team x tenure band and per background, the gaps, the
// progress toward 15-20 interviews, and every developer not interviewed yet one click away from
// a new interview.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { RouterOutputs } from '@/server/root';
import { Button, ButtonLink } from '@/app/_components/button';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { plural, todayIso } from '@/app/(workspace)/_listen/format';
import { TENURE_LABELS } from '@/app/(workspace)/directory/tenure-options';
import { DeveloperLink } from '@/app/_components/developer-link';

type Coverage = RouterOutputs['coverage']['get'];
type Cell = Coverage['teams'][number]['cells'][number];

export function CoverageView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const coverage = useQuery(trpc.coverage.get.queryOptions());
  const teamKey = params.get('team');
  const tenureKey = params.get('tenure');
  const backgroundKey = params.get('background');
  const select = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  if (coverage.isPending) return <LoadingState label="Loading coverage…" />;
  if (coverage.isError) {
    return (
      <>
        <PageHeader title="Coverage" />
        <ErrorState message={describeError(coverage.error).message} onRetry={() => coverage.refetch()} />
      </>
    );
  }
  const data = coverage.data;
  if (data.directorySize === 0) {
    return (
      <>
        <PageHeader title="Coverage" />
        <EmptyState
          title="Nobody to cover yet"
          action={
            canEdit && (
              <>
                <ButtonLink href="/directory/import">Import a directory CSV</ButtonLink>
                <ButtonLink href="/directory" variant="secondary">
                  Add developers
                </ButtonLink>
              </>
            )
          }
        >
          Coverage shows which teams, tenure bands and backgrounds you have listened to. Add the developers of your organisation to the
          directory first; then every interview fills in the map.
        </EmptyState>
      </>
    );
  }

  const matches = (developer: Coverage['developers'][number]) =>
    (!teamKey || (developer.teamId ?? 'no-team') === teamKey) &&
    (!tenureKey || (developer.tenureBand ?? 'unknown') === tenureKey) &&
    (!backgroundKey || (developer.background?.trim().toLowerCase() || 'unknown') === backgroundKey);
  const chosen = data.developers.filter(matches);
  const waiting = chosen.filter((developer) => developer.interviews === 0);
  const heard = chosen.filter((developer) => developer.interviews > 0);
  const selectionLabel = [
    teamKey ? data.teams.find((team) => team.key === teamKey)?.label : null,
    tenureKey ? data.tenureBands.find((band) => band.key === tenureKey)?.label : null,
    backgroundKey ? data.backgrounds.find((row) => row.key === backgroundKey)?.label : null,
  ]
    .filter(Boolean)
    .join(', ');
  const percent = Math.round(data.progress * 100);

  return (
    <>
      <PageHeader
        title="Coverage"
        description="Talk to at least 15-20 developers across teams, tenure and backgrounds. Empty cells are voices you have not heard yet."
        actions={canEdit && <ButtonLink href="/interviews?new=1">Record an interview</ButtonLink>}
      />

      <section aria-labelledby="progress-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="progress-heading" className="text-base font-semibold text-slate-900">
          {data.interviewedDevelopers} of {data.target.min}-{data.target.max} developers interviewed
        </h2>
        <div className="mt-3 h-3 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-labelledby="progress-heading" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className={`h-full rounded-full ${data.progress >= 1 ? 'bg-green-600' : 'bg-brand-600'}`} style={{ width: `${percent}%` }} />
        </div>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-4">
          <Fact label="Interviews (drafts included)" value={data.interviews} />
          <Fact label="Developers shadowed" value={data.shadowedDevelopers} />
          <Fact label="Developers in the directory" value={data.directorySize} />
          <Fact label="Team × tenure gaps" value={data.gapCount} tone={data.gapCount > 0 ? 'amber' : 'slate'} />
        </dl>
        {data.interviewedDevelopers >= data.target.min && data.gapCount === 0 && (
          <p className="mt-3 text-sm text-green-800">Target reached with no gaps: time to look for patterns across the evidence.</p>
        )}
      </section>

      <Panel title="Teams × tenure" description="Developers interviewed of developers in each cell. Choose a cell to see who is in it.">
        <Table caption="Interviewed developers per team and tenure band">
          <thead>
            <tr>
              <Th>Team</Th>
              {data.tenureBands.map((band) => (
                <Th key={band.key} className="text-center">
                  {band.label}
                </Th>
              ))}
              <Th className="text-center">All</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.teams.map((team) => (
              <tr key={team.key}>
                <th scope="row" className="px-3 py-2 text-left text-sm font-medium text-slate-900">
                  {team.label}
                </th>
                {team.cells.map((cell, index) => (
                  <Td key={data.tenureBands[index].key} className="text-center">
                    <CellButton
                      cell={cell}
                      label={`${team.label}, ${data.tenureBands[index].label}`}
                      isSelected={teamKey === team.key && tenureKey === data.tenureBands[index].key}
                      onSelect={() => select({ team: team.key, tenure: data.tenureBands[index].key })}
                    />
                  </Td>
                ))}
                <Td className="text-center">
                  <CellButton cell={team} label={`${team.label}, all tenure`} isSelected={teamKey === team.key && !tenureKey} onSelect={() => select({ team: team.key })} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-2 text-xs text-slate-600">
          <span className="font-semibold text-red-700">Gap</span>: developers there, none interviewed. “—”: nobody in the directory.
        </p>
      </Panel>

      <div className="mt-6">
        <Panel title="Backgrounds">
          <Table caption="Interviewed developers per background">
            <thead>
              <tr>
                <Th>Background</Th>
                <Th className="text-center">Interviewed</Th>
                <Th className="text-center">Interviews</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.backgrounds.map((row) => (
                <tr key={row.key}>
                  <Td className="font-medium">{row.label}</Td>
                  <Td className="text-center">
                    <CellButton cell={row} label={`${row.label} background`} isSelected={backgroundKey === row.key} onSelect={() => select({ background: row.key })} />
                  </Td>
                  <Td className="text-center tabular-nums">{row.interviews}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Panel>
      </div>

      <div className="mt-6">
        <Panel
          title={selectionLabel ? `Developers: ${selectionLabel}` : 'Developers'}
          actions={
            selectionLabel ? (
              <Button size="sm" variant="secondary" onClick={() => select({})}>
                Show everyone
              </Button>
            ) : undefined
          }
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <div>
              <h3 className="text-sm font-semibold text-slate-900">Not interviewed yet ({waiting.length})</h3>
              {waiting.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">Everyone here has been interviewed.</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100">
                  {waiting.map((developer) => (
                    <li key={developer.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <DeveloperLabel developer={developer} />
                      {canEdit && <StartInterviewButton participantId={developer.id} name={developer.name} />}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="text-sm font-semibold text-slate-900">Interviewed ({heard.length})</h3>
              {heard.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">No interviews here yet.</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100">
                  {heard.map((developer) => (
                    <li key={developer.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <DeveloperLabel developer={developer} />
                      <Link href={`/interviews?participant=${developer.id}`} className="text-sm text-brand-700 hover:underline">
                        {plural(developer.interviews, 'interview')}, last {formatDay(developer.lastInterviewedOn)}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </Panel>
      </div>
    </>
  );
}

function Fact({ label, value, tone = 'slate' }: { label: string; value: number; tone?: 'slate' | 'amber' }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className={`text-2xl font-semibold ${tone === 'amber' ? 'text-amber-800' : 'text-slate-900'}`}>{value}</dd>
    </div>
  );
}

function CellButton({ cell, label, isSelected, onSelect }: { cell: Cell; label: string; isSelected: boolean; onSelect: () => void }) {
  if (cell.developers === 0) {
    return (
      <span className="text-slate-600">
        <span aria-hidden>—</span>
        <span className="sr-only">{label}: nobody in the directory</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-pressed={isSelected}
      className={`min-w-16 rounded-md px-2 py-1 text-sm tabular-nums ${
        cell.isGap ? 'bg-red-50 font-semibold text-red-800 ring-1 ring-red-200' : cell.interviewed === cell.developers ? 'bg-green-50 text-green-900' : 'bg-slate-50 text-slate-800'
      } ${isSelected ? 'ring-2 ring-brand-600' : ''} hover:ring-2 hover:ring-slate-400`}
    >
      <span className="sr-only">{label}: </span>
      {cell.interviewed}/{cell.developers}
      <span className="sr-only"> developers interviewed</span>
      {cell.isGap && <span className="ml-1 text-xs">Gap</span>}
    </button>
  );
}

function DeveloperLabel({ developer }: { developer: Coverage['developers'][number] }) {
  return (
    <span className="text-sm">
      <DeveloperLink id={developer.id} name={developer.name} className="font-medium" />
      <span className="text-slate-600">
        {' '}
        · {[developer.teamName ?? 'No team', developer.tenureBand ? TENURE_LABELS[developer.tenureBand] : null, developer.background].filter(Boolean).join(' · ')}
      </span>
    </span>
  );
}

function StartInterviewButton({ participantId, name }: { participantId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const me = useQuery(trpc.auth.me.queryOptions());
  const create = useMutation(
    trpc.interviews.create.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.coverage.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.interviews.pathKey() });
        router.push(`/interviews/${result.id}`);
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  return (
    <Button
      size="sm"
      variant="secondary"
      isBusy={create.isPending}
      onClick={() => create.mutate({ participantId, interviewedOn: todayIso(), interviewerId: me.data?.id ?? null })}
    >
      Interview now<span className="sr-only">: {name}</span>
    </Button>
  );
}
