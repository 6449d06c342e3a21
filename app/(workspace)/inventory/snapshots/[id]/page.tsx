// One snapshot compared with today's ranking (same filters): rank moves, score changes, themes
// new since and themes resolved since; below it, the ranking exactly as it was frozen.
import { formatLongDay } from '@/app/_components/format';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { Table, Td, Th } from '@/app/_components/table';
import { getServerCaller } from '@/app/_trpc/server';
import { formatHours, formatReach } from '@/server/inventory/inventory-model';
import { inventorySearchParams } from '@/server/inventory/inventory-params';

export const metadata: Metadata = { title: 'Compare with a snapshot' };

function Move({ move }: { move: number | null }) {
  if (move === null) return <span className="text-slate-600">—</span>;
  if (move === 0) return <span className="text-slate-600">same</span>;
  return move > 0 ? <span className="font-medium text-red-700">↑ {move} up</span> : <span className="font-medium text-green-800">↓ {-move} down</span>;
}

function Change({ change }: { change: number | null }) {
  if (change === null) return <span className="text-slate-600">—</span>;
  if (Math.abs(change) < 0.005) return <span className="text-slate-600">no change</span>;
  return change > 0 ? (
    <span className="font-medium text-red-700">+{formatHours(change)}</span>
  ) : (
    <span className="font-medium text-green-800">−{formatHours(-change)}</span>
  );
}

const score = (value: number | null) => (value === null ? 'unknown' : formatHours(value));

// Server components only: the frozen ranking and today's, compared on the server; no client component reads them.
export default async function SnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await getServerCaller();
  let snapshot;
  try {
    snapshot = await caller.inventory.snapshot({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  const { comparison } = snapshot;
  const query = inventorySearchParams(snapshot.filter).toString();
  const themeLink = (themeId: string) => `/themes/${themeId}${query ? `?${query}` : ''}`;
  const taken = formatLongDay(snapshot.takenAt);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/inventory/snapshots" className="hover:underline">
            Snapshots
          </Link>
        }
        title={snapshot.title}
        description={
          <>
            Frozen on {taken}
            {snapshot.takenByName ? ` by ${snapshot.takenByName}` : ''} · {snapshot.filterLabel}. Compared with the ranking today, with the
            same filters. Developers in the directory: {snapshot.directorySizeThen} then, {snapshot.directorySizeNow} now.
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <Panel title="Then and now" description="Themes ranked in the snapshot and today, in today’s order. Up means the pain grew relative to others.">
          {comparison.ranked.length === 0 ? (
            <p className="text-sm text-slate-600">No theme is ranked both in the snapshot and today.</p>
          ) : (
            <Table caption="Rank moves and score changes since the snapshot">
              <thead>
                <tr>
                  <Th>Pain theme</Th>
                  <Th className="text-right">Rank then</Th>
                  <Th className="text-right">Rank now</Th>
                  <Th>Move</Th>
                  <Th className="text-right">Score then</Th>
                  <Th className="text-right">Score now</Th>
                  <Th>Change</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {comparison.ranked.map((row) => (
                  <tr key={row.themeId}>
                    <Td>
                      <Link href={themeLink(row.themeId)} className="font-medium text-slate-900 hover:underline">
                        {row.title}
                      </Link>
                    </Td>
                    <Td className="text-right">{row.rankThen}</Td>
                    <Td className="text-right">{row.rankNow}</Td>
                    <Td className="whitespace-nowrap">
                      <Move move={row.rankMove} />
                    </Td>
                    <Td className="text-right">{score(row.scoreThen)}</Td>
                    <Td className="text-right">{score(row.scoreNow)}</Td>
                    <Td className="whitespace-nowrap">
                      <Change change={row.scoreChange} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Panel>

        <div className="grid gap-6 lg:grid-cols-2">
          <Panel title={`New since the snapshot (${comparison.added.length})`} description="Ranked today, not in the snapshot.">
            {comparison.added.length === 0 ? (
              <p className="text-sm text-slate-600">No new pain theme.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {comparison.added.map((row) => (
                  <li key={row.themeId} className="flex items-baseline justify-between gap-3 py-2">
                    <Link href={themeLink(row.themeId)} className="font-medium text-slate-900 hover:underline">
                      #{row.rankNow} {row.title}
                    </Link>
                    <span className="whitespace-nowrap text-slate-700">score {score(row.scoreNow)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title={`Resolved since the snapshot (${comparison.resolved.length})`} description="In the snapshot, not ranked today.">
            {comparison.resolved.length === 0 ? (
              <p className="text-sm text-slate-600">No theme has left the ranking.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {comparison.resolved.map((row) => (
                  <li key={row.themeId} className="py-2">
                    <div className="flex items-baseline justify-between gap-3">
                      <span className="font-medium text-slate-900">
                        was #{row.rankThen} {row.title}
                      </span>
                      <span className="whitespace-nowrap text-slate-700">score was {score(row.scoreThen)}</span>
                    </div>
                    <p className="text-slate-600">
                      {row.reason.kind === 'archived' && 'Archived.'}
                      {row.reason.kind === 'deleted' && 'Deleted.'}
                      {row.reason.kind === 'no-evidence' && 'No evidence in this view any more.'}
                      {row.reason.kind === 'merged' && (
                        <>
                          Merged into{' '}
                          <Link href={themeLink(row.reason.intoThemeId)} className="text-brand-700 underline">
                            {row.reason.intoTitle}
                          </Link>
                          .
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>

        <Panel title="As frozen" description={`The ranking exactly as it was on ${taken}.`}>
          <Table caption="The frozen ranking">
            <thead>
              <tr>
                <Th>Rank</Th>
                <Th>Pain theme</Th>
                <Th className="text-right">Affected developers</Th>
                <Th className="text-right">Reach</Th>
                <Th className="text-right">Hours / developer / month</Th>
                <Th className="text-right">Score</Th>
                <Th>Sources</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {snapshot.frozen.map((theme) => (
                <tr key={theme.themeId}>
                  <Td>{theme.rank}</Td>
                  <Td>
                    {theme.title} {theme.isMvpFocus && <Badge tone="green">MVP focus</Badge>}
                  </Td>
                  <Td className="text-right">
                    {theme.affectedDevelopers}
                    {theme.unattributedMentions > 0 && <span className="block text-xs text-slate-600">+{theme.unattributedMentions} unattributed</span>}
                  </Td>
                  <Td className="text-right">{formatReach(theme.reach)}</Td>
                  <Td className="text-right">{formatHours(theme.hoursPerDeveloperPerMonth)}</Td>
                  <Td className="text-right">{score(theme.score)}</Td>
                  <Td>
                    {theme.sourceKinds.join(', ')}
                    {theme.isSingleSource && (
                      <span className="ml-1">
                        <Badge tone="amber">Single source</Badge>
                      </span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Panel>
      </div>
    </>
  );
}
