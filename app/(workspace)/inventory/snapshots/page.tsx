// Frozen rankings: baselines to compare today's inventory with.
import { formatDay } from '@/app/_components/format';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/app/_components/button';
import { PageHeader } from '@/app/_components/page-header';
import { EmptyState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { getServerCaller } from '@/app/_trpc/server';

export const metadata: Metadata = { title: 'Snapshots' };

// Server components only: a read-only list from the caller that no client component reads, so nothing to hydrate.
export default async function SnapshotsPage() {
  const snapshots = await (await getServerCaller()).inventory.snapshots();
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/inventory" className="hover:underline">Pain inventory</Link>}
        title="Snapshots"
        description="A snapshot freezes the ranking as it was: the baseline to measure against once the platform team has shipped. Snapshots never change."
      />
      {snapshots.length === 0 ? (
        <EmptyState title="No snapshot yet" action={<ButtonLink href="/inventory">Open the pain inventory</ButtonLink>}>
          On the pain inventory, choose “Freeze this ranking” before you start building, for example “Baseline before the MVP”. Later, compare
          the ranking with it to see which pains shrank and which are new.
        </EmptyState>
      ) : (
        <Table caption="Snapshots of the pain inventory">
          <thead>
            <tr>
              <Th>Snapshot</Th>
              <Th>Taken</Th>
              <Th>Evidence it ranked</Th>
              <Th className="text-right">Themes</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {snapshots.map((snapshot) => (
              <tr key={snapshot.id}>
                <Td>
                  <Link href={`/inventory/snapshots/${snapshot.id}`} className="font-medium text-brand-700 hover:underline">
                    {snapshot.title}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">
                  {formatDay(snapshot.takenAt)}
                  {snapshot.takenByName && <span className="block text-slate-600">by {snapshot.takenByName}</span>}
                </Td>
                <Td>{snapshot.filterLabel}</Td>
                <Td className="text-right">{snapshot.themeCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
