'use client';
// The platform metrics dashboard: adoption, time to first deploy and DORA per quarter (from
// delivery events sent by CI/CD or imported as CSV), support load and satisfaction, with the ship
// dates of roadmap items marked on every trend.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';
import { useState } from 'react';
import { Button } from '../../_components/button';
import { FileDrop } from '../../_components/file-drop';
import { FormError, SelectField } from '../../_components/field';
import { Badge, PageHeader, Panel } from '../../_components/page-header';
import { useCanEdit } from '../../_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '../../_components/states';
import { Table, Td, Th } from '../../_components/table';
import { useToast } from '../../_components/toast';
import { describeError, useTRPC } from '../../_trpc/client';
import { AdoptionChart } from './adoption-chart';
import { markersOf, type Outcomes, SatisfactionPanel, ShippedPanel, SupportLoadPanel, weekLabel } from './outcome-panels';
import { duration, frequency, percent } from './format';

const BAND_TONE = { elite: 'green', high: 'brand', medium: 'amber', low: 'red' } as const;

function BandBadge({ band }: { band: keyof typeof BAND_TONE | null }) {
  return band ? <Badge tone={BAND_TONE[band]}>{band}</Badge> : <span className="text-slate-600">no data</span>;
}

function ImportDeployments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [rejection, setRejection] = useState<string | null>(null);
  const importCsv = useMutation(
    trpc.metrics.importDeployments.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.metrics.pathKey() });
        toast(`${result.inserted} deployments imported, ${result.alreadyStored} already stored`);
      },
    }),
  );
  const error = importCsv.error ? describeError(importCsv.error) : null;
  const problems = (error?.details?.problems as { row: number; column?: string; message: string }[] | undefined) ?? [];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">
        Columns: <code className="rounded bg-slate-100 px-1">event_id, service, team, via_platform, commit_time, deploy_time, outcome, recovered_at</code>. Times
        without a zone are read as UTC. Rows already imported (same event_id) are skipped.
      </p>
      <FileDrop
        label="Import deployments CSV"
        accept=".csv,text/csv"
        maxBytes={50_000_000}
        onReject={setRejection}
        onFile={async (file) => {
          setRejection(null);
          importCsv.mutate({ text: await file.text() });
        }}
      />
      <FormError message={rejection ?? error?.message} />
      {problems.length > 1 && (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {problems.slice(1, 10).map((problem, index) => (
            <li key={index}>
              Row {problem.row}
              {problem.column ? `, ${problem.column}` : ''}: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Dashboard = inferRouterOutputs<AppRouter>['metrics']['delivery'];

export function MetricsView({ quarters, teamId, initial, initialOutcomes }: { quarters: number; teamId: string; initial: Dashboard; initialOutcomes: Outcomes }) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const teams = useQuery(trpc.teams.list.queryOptions());
  const dashboard = useQuery({ ...trpc.metrics.delivery.queryOptions({ quarters, teamId: teamId || undefined }), initialData: initial });
  const outcomes = useQuery({ ...trpc.metrics.outcomes.queryOptions({ quarters }), initialData: initialOutcomes });

  const header = (
    <PageHeader
      title="Platform metrics"
      description="Whether the platform is used and whether it got better: adoption, time to first deploy, support load, satisfaction and the four DORA keys, with what shipped when."
    />
  );
  if (dashboard.isPending || outcomes.isPending) return (<>{header}<LoadingState /></>);
  const failed = dashboard.error ?? outcomes.error;
  if (failed) return (<>{header}<ErrorState message={describeError(failed).message} onRetry={() => Promise.all([dashboard.refetch(), outcomes.refetch()])} /></>);
  const data = dashboard.data;
  const outcomeData = outcomes.data;

  const noDeliveryEvents = (
    <EmptyState title="No delivery events yet">
      <p>
        Send each production deployment from your CI/CD pipeline to <code className="rounded bg-slate-100 px-1">POST /api/v1/events/deployments</code>{' '}
        with an <Link href="/settings/api-tokens" className="text-brand-700 underline">API token</Link>, and each new service to{' '}
        <code className="rounded bg-slate-100 px-1">POST /api/v1/events/services</code>, or import a CSV below.
      </p>
      <pre tabIndex={0} aria-label="Example request" className="mt-3 overflow-x-auto rounded bg-slate-900 p-3 text-left text-xs text-slate-100">{`curl -X POST $FRICTIONLOG/api/v1/events/deployments \\
  -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
  -d '{"eventId":"gh-run-123","service":"payments-api","team":"Payments","viaPlatform":true,
       "commitAt":"2026-03-31T09:12:00Z","deployedAt":"2026-03-31T10:05:00Z","outcome":"success"}'`}</pre>
    </EmptyState>
  );

  const latestAdoption = [...data.adoptionQuarterly].reverse().find((point) => point.serviceShare !== null);
  const ttfd = data.timeToFirstDeploy;
  const weeklyMarkers = markersOf(outcomeData, 'weekly', weekLabel);
  const quarterlyMarkers = markersOf(outcomeData, 'quarterly');

  return (
    <>
      {header}
      <form aria-label="Dashboard filters" className="mb-6 grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Period"
          value={String(quarters)}
          onChange={(e) => setParam('quarters', e.target.value === '4' ? null : e.target.value)}
          options={[
            { value: '4', label: 'Last 4 quarters' },
            { value: '8', label: 'Last 8 quarters' },
          ]}
        />
        <SelectField
          label="Team"
          value={teamId}
          onChange={(e) => setParam('team', e.target.value || null)}
          placeholder="All teams"
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
      </form>

      <div className="flex flex-col gap-6">
        {!data.hasData && noDeliveryEvents}
        {data.hasData && (
          <Panel
            title="Adoption"
            description="Active usage: deployments and services going through the platform, per week. The year-one target is 60-80% of eligible services."
            actions={latestAdoption && <Badge tone={latestAdoption.serviceShare! >= 0.6 ? 'green' : 'amber'}>{percent(latestAdoption.serviceShare)} of services in {latestAdoption.period}</Badge>}
          >
            <AdoptionChart points={data.adoptionWeekly} markers={weeklyMarkers} />
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-brand-700">Adoption per quarter as a table</summary>
              <div className="mt-2">
                <Table caption="Adoption per quarter">
                  <thead>
                    <tr>
                      <Th>Quarter</Th>
                      <Th>Deployments</Th>
                      <Th>Through the platform</Th>
                      <Th>Services deploying</Th>
                      <Th>Through the platform</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.adoptionQuarterly.map((point) => (
                      <tr key={point.period}>
                        <Td>{point.period}</Td>
                        <Td>{point.deployments}</Td>
                        <Td>{percent(point.deploymentShare)}</Td>
                        <Td>{point.services}</Td>
                        <Td>{percent(point.serviceShare)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </details>
          </Panel>
        )}

        {data.hasData && (
          <Panel title="Time to first deploy" description="From repository created to the first successful production deploy, for services whose creation was sent to /api/v1/events/services.">
            <dl className="grid gap-4 sm:grid-cols-3">
              {(
                [
                  ['Platform users', ttfd.platform],
                  ['Not using the platform', ttfd.other],
                ] as const
              ).map(([label, stats]) => (
                <div key={label} className="rounded-lg border border-slate-200 p-4">
                  <dt className="text-sm text-slate-600">{label}</dt>
                  <dd className="mt-1 text-2xl font-semibold text-slate-900">{duration(stats.medianHours)}</dd>
                  <dd className="text-sm text-slate-600">
                    median · p90 {duration(stats.p90Hours)} · {stats.services} service{stats.services === 1 ? '' : 's'}
                  </dd>
                </div>
              ))}
              <div className="rounded-lg border border-slate-200 p-4">
                <dt className="text-sm text-slate-600">Still waiting for a first deploy</dt>
                <dd className="mt-1 text-2xl font-semibold text-slate-900">{ttfd.waiting}</dd>
                <dd className="text-sm text-slate-600">services with a repository but no successful deploy</dd>
              </div>
            </dl>
          </Panel>
        )}

        <SupportLoadPanel outcomes={outcomeData} />
        <SatisfactionPanel outcomes={outcomeData} />

        {data.hasData && (
          <Panel
            title="DORA per quarter"
            description={`Bands from ${data.bands.source ?? 'the configured bands file'} (version ${data.bands.version}). These figures compare a service or team with itself over time; they are not a league table of teams.`}
          >
            <Table caption="DORA metrics per quarter">
              <thead>
                <tr>
                  <Th>Quarter</Th>
                  <Th>Deployment frequency</Th>
                  <Th>Lead time for changes</Th>
                  <Th>Change failure rate</Th>
                  <Th>Failed deployment recovery</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.dora.map((point) => (
                  <tr key={point.quarter}>
                    <Td className="font-medium">
                      {point.quarter}
                      <span className="block text-xs font-normal text-slate-600">{point.deployments} deployments</span>
                      {quarterlyMarkers
                        .filter((marker) => marker.at === point.quarter)
                        .map((marker) => (
                          <Link key={marker.itemId} href={`/metrics/impact/${marker.itemId}`} className="block text-xs font-normal text-purple-800 underline">
                            ▲ shipped {marker.label}
                          </Link>
                        ))}
                    </Td>
                    <Td>
                      {frequency(point.deploymentsPerDay)} <BandBadge band={point.bands.deployment_frequency} />
                    </Td>
                    <Td>
                      {duration(point.leadTimeHours)} <BandBadge band={point.bands.lead_time_hours} />
                    </Td>
                    <Td>
                      {percent(point.changeFailureRate)} <BandBadge band={point.bands.change_failure_rate} />
                    </Td>
                    <Td>
                      {duration(point.recoveryHours)} <BandBadge band={point.bands.recovery_hours} />
                      {point.unrecoveredFailures > 0 && <span className="block text-xs text-red-700">{point.unrecoveredFailures} failure(s) not recovered</span>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {data.doraByTeam.length > 0 && (
              <div className="mt-6">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">Per team in {data.window.latestFullQuarter}</h3>
                <Table caption={`DORA metrics per team in ${data.window.latestFullQuarter}`}>
                  <thead>
                    <tr>
                      <Th>Team</Th>
                      <Th>Services</Th>
                      <Th>Frequency</Th>
                      <Th>Lead time</Th>
                      <Th>Failure rate</Th>
                      <Th>Recovery</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.doraByTeam.map((team) => (
                      <tr key={team.teamId ?? 'none'}>
                        <Td className="font-medium">{team.teamName ?? 'No team'}</Td>
                        <Td>{team.services}</Td>
                        <Td>{frequency(team.deploymentsPerDay)}</Td>
                        <Td>{duration(team.leadTimeHours)}</Td>
                        <Td>{percent(team.changeFailureRate)}</Td>
                        <Td>{duration(team.recoveryHours)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            )}
          </Panel>
        )}

        <ShippedPanel outcomes={outcomeData} />

        {canEdit && (
          <Panel title="Import deployments" description="For history from before the API was connected.">
            <ImportDeployments />
          </Panel>
        )}
        <p className="text-sm text-slate-600">
          <Button variant="ghost" size="sm" onClick={() => Promise.all([dashboard.refetch(), outcomes.refetch()])}>
            Refresh
          </Button>
        </p>
      </div>
    </>
  );
}
