'use client';
// The outcome panels of the dashboard: support load (tickets per week and category, repeat
// questions, self-service ratio with its formula), satisfaction (survey trend, flow ratings), and
// the shipped items whose before/after can be opened. Ship dates are marked on every trend.
import Link from 'next/link';
import type { RouterOutputs } from '@/server/root';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { healthOf } from '@/server/surveys/statistics';
import { Badge, Panel } from '@/app/_components/page-header';
import { TrendChart } from '@/app/_components/score-charts';
import { type ChartMarker, ShipMarkerList, shipMarkerLines } from '@/app/_components/ship-markers';
import { EmptyState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { formatAxisDay, formatDay } from '@/app/_components/format';
import { percent } from './format';

export type Outcomes = RouterOutputs['metrics']['outcomes'];
export type WhenMarker = ChartMarker & { when: string };

const CATEGORY_COLORS = ['#4338ca', '#0f766e', '#b45309', '#be123c', '#0369a1', '#64748b'];
const AXIS = { fontSize: 12, fill: '#475569' };

/** A week's Monday as the charts label it ('03-30'). */
export const weekLabel = (week: string) => week.slice(5);

/** The server's markers with a readable date, their x moved onto the chart's labels. */
export function markersOf(outcomes: Outcomes, period: 'weekly' | 'quarterly', label: (at: string) => string = (at) => at): WhenMarker[] {
  const when = new Map(outcomes.shipped.map((item) => [item.id, formatDay(new Date(item.shippedAt))]));
  return outcomes.markers[period].map((marker) => ({ ...marker, at: label(marker.at), when: when.get(marker.itemId) ?? '' }));
}

function SupportCharts({ support, markers }: { support: Outcomes['support']; markers: WhenMarker[] }) {
  const volume = support.weekly.map((week) => ({ week: weekLabel(week.week), ...week.counts }));
  const ratio = support.selfService.weekly.map((point) => ({ week: weekLabel(point.week), ratio: point.ratio === null ? null : Math.round(point.ratio * 100) }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {support.tickets === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          <p className="font-semibold text-slate-900">Tickets per week, by category</p>
          <p className="mt-1">
            No tickets in this period. <Link href="/imports" className="text-brand-700 underline">Import a ticket export</Link> to see what developers ask for
            help with.
          </p>
        </div>
      ) : (
        <figure className="min-w-0">
          <figcaption className="mb-2 text-sm font-semibold text-slate-900">Tickets per week, by category</figcaption>
          <div aria-hidden className="h-64 w-full">
            <ResponsiveContainer>
              <BarChart data={volume} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="week" tickFormatter={formatAxisDay} tick={AXIS} minTickGap={24} />
                <YAxis allowDecimals={false} tick={AXIS} axisLine={false} />
                <Tooltip labelFormatter={(week) => `Week of ${formatDay(String(week))}`} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {support.chartCategories.map((category, index) => (
                  <Bar key={category} dataKey={category} stackId="tickets" fill={CATEGORY_COLORS[index % CATEGORY_COLORS.length]} isAnimationActive={false} />
                ))}
                {shipMarkerLines(markers)}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ShipMarkerList markers={markers} />
        </figure>
      )}
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-semibold text-slate-900">Self-service ratio per week</figcaption>
        {support.selfService.total.ratio === null ? (
          <div className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-700">
            <p className="font-semibold text-slate-900">Not measured yet</p>
            <p className="mt-1">
              The ratio needs platform task events: have the platform post each completed task to{' '}
              <code className="rounded bg-slate-100 px-1">POST /api/v1/events/tasks</code> with{' '}
              <code className="rounded bg-slate-100 px-1">selfService: true</code> (done without a person) or{' '}
              <code className="rounded bg-slate-100 px-1">false</code> (waited for manual approval). Deployments and tickets alone are not a stand-in.
            </p>
          </div>
        ) : (
          <div aria-hidden className="h-64 w-full">
            <ResponsiveContainer>
              <LineChart data={ratio} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="week" tickFormatter={formatAxisDay} tick={AXIS} minTickGap={24} />
                <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} tick={AXIS} axisLine={false} width={44} />
                <Tooltip formatter={(value) => `${value}%`} labelFormatter={(week) => `Week of ${formatDay(String(week))}`} />
                {shipMarkerLines(markers)}
                <Line
                  type="monotone"
                  dataKey="ratio"
                  name="Self-service ratio"
                  stroke="#0f766e"
                  strokeWidth={2}
                  // Few measured weeks: mark each one, or a single week would draw nothing.
                  dot={support.selfService.total.measuredWeeks < 8 ? { r: 3 } : false}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
        <p className="mt-2 rounded bg-slate-50 p-2 text-xs text-slate-700">
          <strong>Self-service ratio</strong> = platform tasks done without a person ÷ (those + tasks that waited for manual approval + tickets in the
          categories marked as <Link href="/tickets#manual-work" className="text-brand-700 underline">requests for manual work</Link>). Weeks without task
          events are not measured.
        </p>
      </figure>
    </div>
  );
}

export function SupportLoadPanel({ outcomes }: { outcomes: Outcomes }) {
  const { support } = outcomes;
  const markers = markersOf(outcomes, 'weekly', weekLabel);
  const repeat = support.repeatQuestions;
  return (
    <Panel
      title="Support load"
      description="Tickets imported from your ticketing system, in this period: how many, about what, how many are the same question asked again, and how much of the platform's use needed no help."
    >
      {support.tickets === 0 && support.selfService.total.ratio === null ? (
        <EmptyState title="No tickets in this period">
          <p>
            <Link href="/imports" className="text-brand-700 underline">Import a ticket export</Link> from Jira, GitHub, ServiceNow or Zendesk to see ticket volume
            and repeat questions here.
          </p>
          <p className="mt-2">
            <strong>Self-service ratio</strong>: not measured yet. It needs platform task events: have the platform post each completed task to{' '}
            <code className="rounded bg-slate-100 px-1">POST /api/v1/events/tasks</code> with <code className="rounded bg-slate-100 px-1">selfService</code> true
            or false.
          </p>
        </EmptyState>
      ) : (
          <div className="flex flex-col gap-6">
            <dl className="grid gap-4 sm:grid-cols-3">
              <div className="rounded-lg border border-slate-200 p-4">
                <dt className="text-sm text-slate-600">Tickets</dt>
                <dd className="mt-1 text-2xl font-semibold text-slate-900">{support.tickets}</dd>
                <dd className="text-sm text-slate-600">from {support.requesters} requesters</dd>
              </div>
              <div className="rounded-lg border border-slate-200 p-4">
                <dt className="text-sm text-slate-600">Repeat-question share</dt>
                <dd className="mt-1 text-2xl font-semibold text-slate-900">{percent(repeat.share)}</dd>
                <dd className="text-sm text-slate-600">
                  {repeat.repeatTickets} tickets in <Link href="/tickets" className="text-brand-700 underline">{repeat.clusters} questions asked more than once</Link>
                  {repeat.isCapped && ' (the 2,000 most frequent titles)'}
                </dd>
              </div>
              <div className="rounded-lg border border-slate-200 p-4">
                <dt className="text-sm text-slate-600">Self-service ratio</dt>
                {support.selfService.total.ratio === null ? (
                  <>
                    <dd className="mt-1 text-2xl font-semibold text-slate-900">Not measured yet</dd>
                    <dd className="text-sm text-slate-600">no platform task events in this period</dd>
                  </>
                ) : (
                  <>
                    <dd className="mt-1 text-2xl font-semibold text-slate-900">{percent(support.selfService.total.ratio)}</dd>
                    <dd className="text-sm text-slate-600">
                      {support.selfService.total.selfServiceTasks} tasks without a person ÷ ({support.selfService.total.selfServiceTasks} +{' '}
                      {support.selfService.total.manualTasks} waiting for approval + {support.selfService.total.manualWorkTickets} manual-work tickets), over{' '}
                      {support.selfService.total.measuredWeeks} week{support.selfService.total.measuredWeeks === 1 ? '' : 's'} with task events
                    </dd>
                  </>
                )}
              </div>
            </dl>
            <SupportCharts support={support} markers={markers} />
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-700">Tickets per category as a table</summary>
              <div className="mt-2">
                <Table caption="Tickets per category in this period">
                  <thead>
                    <tr>
                      <Th>Category</Th>
                      <Th>Tickets</Th>
                      <Th>Requesters</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {support.categories.map((row) => (
                      <tr key={row.category}>
                        <Td>
                          <Link href={`/tickets?category=${encodeURIComponent(row.category)}`} className="text-brand-700 underline">{row.category}</Link>
                        </Td>
                        <Td>{row.tickets}</Td>
                        <Td>{row.requesters}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </details>
          </div>
      )}
    </Panel>
  );
}

const BAND_TONE = { healthy: 'green', watch: 'amber', warning: 'red' } as const;


export function SatisfactionPanel({ outcomes }: { outcomes: Outcomes }) {
  const { survey, flows } = outcomes.satisfaction;
  const latest = survey && [...survey.points].reverse().find((point) => point.mean !== null);
  const band = latest?.mean != null ? healthOf(latest.mean) : null;
  return (
    <Panel
      title="Satisfaction"
      description="The quarterly platform satisfaction score (1-10: healthy above 7.5, a warning below 6.5) and the in-flow ratings (“Was this easier than before?”, 1-5). Anonymous."
      actions={latest && band && <Badge tone={BAND_TONE[band]}>{`${latest.mean!.toFixed(1)} in ${latest.quarter}: ${band}`}</Badge>}
    >
      {!survey && flows.length === 0 ? (
        <EmptyState title="No satisfaction answers yet">
          <p>
            Run the <Link href="/surveys" className="text-brand-700 underline">quarterly platform satisfaction survey</Link> and add the{' '}
            <Link href="/ratings" className="text-brand-700 underline">rating widget</Link> at the end of key platform flows.
          </p>
        </EmptyState>
      ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            {survey && (
              <div className="min-w-0">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">
                  <Link href={`/surveys/${survey.id}`} className="hover:underline">{survey.title}</Link>: mean score per quarter
                </h3>
                <TrendChart
                  caption={`Mean satisfaction score per quarter, ${survey.title}`}
                  points={survey.points.map((point) => ({ label: point.quarter, value: point.mean, count: point.answers }))}
                  domain={[1, 10]}
                  bands={survey.bands}
                  markers={markersOf(outcomes, 'quarterly')}
                />
              </div>
            )}
            {flows.map((flow) => (
              <div key={flow.key} className="min-w-0">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">
                  <Link href={`/ratings/${flow.key}`} className="hover:underline">{flow.name}</Link>: average rating per week
                </h3>
                <TrendChart
                  caption={`Average rating per week for ${flow.name}`}
                  points={flow.weekly.map((week) => ({ label: weekLabel(week.week), value: week.mean, count: week.count }))}
                  domain={[1, 5]}
                  valueName="Average"
                  countName="Ratings"
                  markers={markersOf(outcomes, 'weekly', weekLabel)}
                />
              </div>
            ))}
          </div>
      )}
    </Panel>
  );
}

export function ShippedPanel({ outcomes }: { outcomes: Outcomes }) {
  return (
    <Panel title="Shipped: before and after" description="Roadmap items shipped in this period. Open one to compare its pain themes, tickets and flow rating before and after it shipped.">
      {outcomes.shipped.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nothing shipped in this period. When a <Link href="/manage/roadmap" className="text-brand-700 underline">roadmap item</Link> moves to Shipped, its ship date
          is marked on every trend here and its before/after view opens from this list.
        </p>
      ) : (
          <ul className="divide-y divide-slate-100">
            {outcomes.shipped.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="font-medium text-slate-900">{item.title}</span>
                <span className="text-sm text-slate-600">
                  shipped {formatDay(new Date(item.shippedAt))} ·{' '}
                  <Link href={`/metrics/impact/${item.id}`} className="font-medium text-brand-700 underline">Before and after</Link>
                </span>
              </li>
            ))}
          </ul>
      )}
    </Panel>
  );
}

