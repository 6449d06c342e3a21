'use client';
// The platform metrics dashboard: adoption, time to first deploy and DORA per quarter (from
// delivery events sent by CI/CD or imported as CSV), support load and satisfaction, with the ship
// dates of roadmap items marked on every trend.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { RouterOutputs } from '@/server/root';
import { Button } from '@/app/_components/button';
import { SelectField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { AdoptionChart } from './adoption-chart';
import { ImportDeployments } from './import-deployments';
import { markersOf, SatisfactionPanel, ShippedPanel, SupportLoadPanel, weekLabel } from './outcome-panels';
import { DORA_METRICS, type DoraMetric } from '@/server/metrics/dora-bands';
import { doraFigureText } from '@/server/metrics/figure-format';
import { duration, frequency, percent } from './format';

const BAND_TONE = { elite: 'green', high: 'brand', medium: 'amber', low: 'red' } as const;

type Placement = { band: keyof typeof BAND_TONE | null; tiedWith: (keyof typeof BAND_TONE)[] } | null;

/** The band a figure sits in; "high or medium" where the clusters publish the same range; a gap named as such. */
function BandBadge({ placement }: { placement: Placement }) {
  if (!placement) return <span className="text-slate-600">no data</span>;
  if (!placement.band) return <span className="text-xs text-slate-700">outside the published clusters</span>;
  const label = [placement.band, ...placement.tiedWith].join(' or ');
  return <Badge tone={BAND_TONE[placement.band]}>{label}</Badge>;
}

type Bands = Dashboard['bands'];

/** The page note: where the published clusters leave a gap or overlap, in the metric's own words. */
function BandNotes({ bands }: { bands: Bands }) {
  const value = (metric: DoraMetric, number: number) =>
    metric === 'change_failure_rate' ? percent(number) : metric === 'deployment_frequency' ? frequency(number) : duration(number);
  const notes = DORA_METRICS.flatMap((metric) => {
    const { label, notes: found } = bands.metrics[metric];
    return [
      ...found.gaps.map((gap) => {
        const range = gap.to === null ? `above ${value(metric, gap.from)}` : gap.from === 0 ? `below ${value(metric, gap.to)}` : `between ${value(metric, gap.from)} and ${value(metric, gap.to)}`;
        return `${label} ${range}: no published cluster applies, so such a value is shown without a band.`;
      }),
      ...found.overlaps.map((overlap) =>
        overlap.isSameRange
          ? `${label}: ${overlap.better} and ${overlap.worse} publish the same range, so a value there reads "${overlap.better} or ${overlap.worse}".`
          : `${label}: ${overlap.worse}'s published value lies inside ${overlap.better}'s, so a value there reads ${overlap.better}; none reads ${overlap.worse}.`,
      ),
    ];
  });
  return (
    <div className="mt-3 text-sm">
      {notes.length > 0 && (
        <div className="rounded bg-amber-50 p-3 text-slate-800">
          <p className="font-medium">Where the published {bands.version} clusters leave gaps or overlap (no band is invented there):</p>
          <ul className="mt-1 list-disc pl-5">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <details className="mt-2">
        <summary className="cursor-pointer text-brand-700">The {bands.version} clusters as published</summary>
        <div className="mt-2">
          <Table caption={`DORA ${bands.version} clusters as published`}>
            <thead>
              <tr>
                <Th>Metric</Th>
                <Th>Elite</Th>
                <Th>High</Th>
                <Th>Medium</Th>
                <Th>Low</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {DORA_METRICS.map((metric) => (
                <tr key={metric}>
                  <Td className="font-medium">{bands.metrics[metric].label}</Td>
                  {(['elite', 'high', 'medium', 'low'] as const).map((band) => (
                    <Td key={band}>{bands.metrics[metric].bands.find((entry) => entry.band === band)?.published ?? '—'}</Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </div>
  );
}

type Dashboard = RouterOutputs['metrics']['delivery'];

export function MetricsView({ quarters, teamId }: { quarters: number; teamId: string }) {
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
  // Prefetched by page.tsx with the same inputs: the first render has their data on both sides.
  const dashboard = useQuery(trpc.metrics.delivery.queryOptions({ quarters, teamId: teamId || undefined }));
  const outcomes = useQuery(trpc.metrics.outcomes.queryOptions({ quarters }));

  const header = (
    <PageHeader
      title="Platform metrics"
      description="Whether the platform is used and whether it got better: adoption, time to first deploy, support load, satisfaction and the four DORA keys, with what shipped when."
    />
  );
  if (dashboard.isPending || outcomes.isPending) return (<>{header}<LoadingState /></>);
  if (dashboard.isError || outcomes.isError) {
    const failed = dashboard.error ?? outcomes.error;
    return (<>{header}<ErrorState message={describeError(failed).message} onRetry={() => Promise.all([dashboard.refetch(), outcomes.refetch()])} /></>);
  }
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

  const headline = data.adoptionHeadline;
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
            description="Active usage of the platform, per week. The year-one target is 60-80% of eligible services."
          >
            <dl className="mb-4 grid gap-4 sm:grid-cols-2">
              <div className="rounded-lg border border-slate-200 p-4">
                <dt className="text-sm text-slate-600">Adoption, last full week{teamId ? ' (this team)' : ''}</dt>
                <dd className="mt-1 flex flex-wrap items-center gap-2">
                  <span className="text-2xl font-semibold text-slate-900">{percent(headline.serviceShare)}</span>
                  <span className="text-sm text-slate-700">{headline.label}</span>
                  {headline.status && <Badge tone={headline.status === 'below' ? 'amber' : 'green'}>{headline.status === 'below' ? 'Below target' : headline.status === 'within' ? 'On target' : 'Above target'}</Badge>}
                </dd>
                <dd className="text-sm text-slate-600">
                  {headline.platformServices} of {headline.services} services that deployed
                </dd>
              </div>
              <div className="rounded-lg border border-slate-200 p-4">
                <dt className="text-sm text-slate-600">Share of deployments through the platform, last full week</dt>
                <dd className="mt-1 text-2xl font-semibold text-slate-900">{percent(headline.deploymentShare)}</dd>
                <dd className="text-sm text-slate-600">
                  {headline.platformDeployments} of {headline.deployments} deployments
                </dd>
              </div>
            </dl>
            <p className="mb-3 text-xs text-slate-600">{headline.explanation} Home shows the same figure.</p>
            <AdoptionChart points={data.adoptionWeekly} markers={weeklyMarkers} />
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-brand-700">Adoption per quarter as a table</summary>
              <div className="mt-2">
                <Table caption="Adoption per quarter">
                  <thead>
                    <tr>
                      <Th>Quarter</Th>
                      <Th>Deployments</Th>
                      <Th>Share of deployments through the platform</Th>
                      <Th>Services deploying</Th>
                      <Th>Adoption (latest deployment through the platform)</Th>
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
                      {doraFigureText(data.bands, 'deployment_frequency', point.deploymentsPerDay)} <BandBadge placement={point.placements.deployment_frequency} />
                      {point.services > 0 && (
                        <span className="block text-xs text-slate-600">
                          median of {point.services} service{point.services === 1 ? '' : 's'}
                          {point.stoppedServices > 0 && `, ${point.stoppedServices} stopped (counted as 0)`}
                        </span>
                      )}
                    </Td>
                    <Td>
                      {doraFigureText(data.bands, 'lead_time_hours', point.leadTimeHours)} <BandBadge placement={point.placements.lead_time_hours} />
                    </Td>
                    <Td>
                      {doraFigureText(data.bands, 'change_failure_rate', point.changeFailureRate)} <BandBadge placement={point.placements.change_failure_rate} />
                    </Td>
                    <Td>
                      {doraFigureText(data.bands, 'recovery_hours', point.recoveryHours)} <BandBadge placement={point.placements.recovery_hours} />
                      {point.unrecoveredFailures > 0 && <span className="block text-xs text-red-700">{point.unrecoveredFailures} failure(s) not recovered</span>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <ul className="mt-3 list-disc pl-5 text-xs text-slate-700">
              <li>
                <strong>Deployment frequency</strong>: deployments per day of the median service, over the days of the quarter it existed. A service that
                deployed in the quarter before and not in this one has stopped: it counts as 0, not as absent.
              </li>
              <li>
                <strong>Lead time</strong>: median hours from commit to production of successful deployments. <strong>Change failure rate</strong>: failed
                deployments ÷ all deployments. <strong>Recovery</strong>: median hours from a failed deployment to its recovery.
              </li>
              <li>A figure has as many decimals as keep it in its own band: 5.04% is written so, not &ldquo;5%&rdquo;, since it is not elite.</li>
            </ul>
            <BandNotes bands={data.bands} />
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
