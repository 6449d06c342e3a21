// Before and after one shipped roadmap item: its pain themes' evidence rate, the tickets of their
// repeat questions and its flow's rating, N weeks before the ship date against the weeks since,
// and the themes' ranking against an inventory snapshot (the baseline).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { EmptyState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { getServerCaller } from '@/app/_trpc/server';
import { formatHours } from '@/server/inventory/inventory-model';
import { formatDay } from '@/app/_components/format';
import { FlowLink } from './flow-link';

export const metadata: Metadata = { title: 'Before and after' };

const WEEK_CHOICES = [4, 8, 12, 26];
const perWeek = (value: number | null) => (value === null ? '—' : value < 10 ? value.toFixed(1) : String(Math.round(value)));

/** A change in the direction that is good (fewer tickets, higher ratings) is green; bad is red. */
function ChangeBadge({ change, lowerIsBetter, format }: { change: number | null; lowerIsBetter: boolean; format: (value: number) => string }) {
  if (change === null) return <span className="text-sm text-slate-600">not enough data</span>;
  if (Math.abs(change) < 0.005) return <Badge>no change</Badge>;
  const isBetter = lowerIsBetter ? change < 0 : change > 0;
  return <Badge tone={isBetter ? 'green' : 'red'}>{`${change > 0 ? '+' : '−'}${format(Math.abs(change))} ${isBetter ? 'better' : 'worse'}`}</Badge>;
}

function Measure({ title, children, change }: { title: string; children: React.ReactNode; change: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <div className="text-sm text-slate-700">{children}</div>
      <div>{change}</div>
    </div>
  );
}

// Server components only: the comparison is computed and written on the server; the flow link (a client form)
// refreshes the page after a change rather than reading these queries.
export default async function ImpactPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const weeks = WEEK_CHOICES.includes(Number(query.weeks)) ? Number(query.weeks) : 8;
  const snapshotId = typeof query.snapshot === 'string' && /^[0-9a-f-]{36}$/i.test(query.snapshot) ? query.snapshot : null;
  const caller = await getServerCaller();
  let impact;
  try {
    impact = await caller.metrics.impact({ itemId: id, weeks, snapshotId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND')) notFound();
    throw error;
  }
  const back = (
    <Link href="/metrics" className="text-sm text-brand-700 underline">
      Back to platform metrics
    </Link>
  );

  if (!impact.isShipped) {
    return (
      <>
        <PageHeader title={`Before and after: ${impact.item.title}`} description="The impact of a roadmap item is measured from the day it ships." />
        <EmptyState title="This item has not shipped yet">
          <p>
            Move it to the Shipped lane on the <Link href="/manage/roadmap" className="text-brand-700 underline">roadmap</Link> (and publish); its ship date then
            appears on every trend line and this page compares the weeks before and after.
          </p>
        </EmptyState>
        <p className="mt-4">{back}</p>
      </>
    );
  }

  const { windows, evidence, tickets, rating, baseline, item } = impact;
  const afterWeeks = Math.floor(windows.after.weeks * 10) / 10;
  const sinceShip = afterWeeks < 1 ? `${Math.round(windows.after.weeks * 7)} days` : `${afterWeeks} weeks`;
  const afterLabel = windows.isAfterComplete ? `${weeks} weeks after` : `${sinceShip} of ${weeks} weeks after so far`;
  const flows = await caller.ratings.flows();

  return (
    <>
      <PageHeader
        title={`Before and after: ${item.title}`}
        description={`Shipped ${formatDay(item.shippedAt)}. ${weeks} weeks before the ship date against the weeks since, per week so a recent ship compares fairly.`}
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Comparison settings">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Weeks before and after
          <select name="weeks" defaultValue={String(weeks)} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {WEEK_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice} weeks
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Baseline snapshot
          <select name="snapshot" defaultValue={baseline?.id ?? ''} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {impact.snapshots.length === 0 && <option value="">No snapshots yet</option>}
            {impact.snapshots.map((snapshot) => (
              <option key={snapshot.id} value={snapshot.id}>
                {snapshot.title} ({formatDay(snapshot.takenAt)})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
          Compare
        </button>
      </form>

      {impact.themes.length === 0 && (
        <div className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          This item is not linked to a pain theme, so there is no evidence or repeat question to compare. Link its themes on the{' '}
          <Link href="/manage/roadmap" className="underline">roadmap</Link>.
        </div>
      )}

      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Measure
          title="Evidence of the linked pain themes"
          change={<ChangeBadge change={evidence.change} lowerIsBetter format={(value) => `${Math.round(value * 100)}%`} />}
        >
          <p>
            <strong className="text-lg">{perWeek(evidence.beforePerWeek)}</strong> a week before ({evidence.before} in {weeks} weeks)
          </p>
          <p>
            <strong className="text-lg">{perWeek(evidence.afterPerWeek)}</strong> a week after ({evidence.after} in {afterLabel})
          </p>
        </Measure>
        <Measure title="Tickets in the themes' repeat questions" change={<ChangeBadge change={tickets.change} lowerIsBetter format={(value) => `${Math.round(value * 100)}%`} />}>
          <p>
            <strong className="text-lg">{perWeek(tickets.beforePerWeek)}</strong> a week before ({tickets.before})
          </p>
          <p>
            <strong className="text-lg">{perWeek(tickets.afterPerWeek)}</strong> a week after ({tickets.after})
          </p>
          <p className="mt-1 text-xs text-slate-600">
            {tickets.clusterCount === 0
              ? 'No repeat question feeds these themes yet: turn a cluster on the Tickets page into evidence.'
              : `${tickets.clusterCount} repeat question${tickets.clusterCount === 1 ? '' : 's'}: ${tickets.clusters.map((cluster) => `“${cluster.title}”`).join(', ')}`}
          </p>
        </Measure>
        <Measure
          title={item.ratingFlow ? `Rating of “${item.ratingFlow.name}”` : 'Rating of its flow'}
          change={rating ? <ChangeBadge change={rating.change} lowerIsBetter={false} format={(value) => `${value.toFixed(2)} points`} /> : null}
        >
          {rating ? (
            <>
              <p>
                <strong className="text-lg">{rating.before.mean?.toFixed(2) ?? '—'}</strong> of 5 before ({rating.before.count} ratings)
              </p>
              <p>
                <strong className="text-lg">{rating.after.mean?.toFixed(2) ?? '—'}</strong> of 5 after ({rating.after.count} ratings)
              </p>
            </>
          ) : (
            <p>No rating flow is linked to this item.</p>
          )}
          <FlowLink itemId={item.id} flowId={item.ratingFlow?.id ?? null} flows={flows.map((flow) => ({ id: flow.id, name: flow.name }))} />
        </Measure>
      </div>

      <Panel
        title="Against the baseline"
        description={baseline ? `The linked pain themes in “${baseline.title}” (frozen ${formatDay(baseline.takenAt)}) and now.` : undefined}
      >
        {!baseline ? (
          <p className="text-sm text-slate-600">
            No inventory snapshot yet. <Link href="/inventory" className="text-brand-700 underline">Freeze the ranking</Link> before you ship, so there is a baseline to
            measure against.
          </p>
        ) : (
          <Table caption="Linked pain themes then and now">
            <thead>
              <tr>
                <Th>Pain theme</Th>
                <Th>Rank then → now</Th>
                <Th>Affected developers then → now</Th>
                <Th>Hours lost a month then → now</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {baseline.themes.map((theme) => (
                <tr key={theme.id}>
                  <Td>
                    <Link href={`/themes/${theme.id}`} className="text-brand-700 underline">{theme.title}</Link>
                  </Td>
                  <Td>{`${theme.rankThen ?? '—'} → ${theme.rankNow ?? 'resolved'}`}</Td>
                  <Td>{`${theme.affectedThen ?? '—'} → ${theme.affectedNow ?? '—'}`}</Td>
                  <Td>{`${theme.scoreThen === null ? '—' : formatHours(theme.scoreThen)} → ${theme.scoreNow === null ? '—' : formatHours(theme.scoreNow)}`}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Panel>
      <p className="mt-4">{back}</p>
    </>
  );
}
