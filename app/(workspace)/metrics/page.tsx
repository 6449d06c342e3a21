import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { MetricsView } from './metrics-view';

export const metadata: Metadata = { title: 'Platform metrics' };

// Prefetched on the server (the view's own queries, same inputs), so the dashboard arrives complete in one response.
export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const quarters = Number(params.quarters) === 8 ? 8 : 4;
  const teamId = typeof params.team === 'string' && /^[0-9a-f-]{36}$/i.test(params.team) ? params.team : '';
  const prefetch = [
    trpc.teams.list.queryOptions(),
    trpc.metrics.delivery.queryOptions({ quarters, teamId: teamId || undefined }),
    trpc.metrics.outcomes.queryOptions({ quarters }),
  ];
  return (
    <HydrateClient prefetch={prefetch}>
      <MetricsView quarters={quarters} teamId={teamId} />
    </HydrateClient>
  );
}
