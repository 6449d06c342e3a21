import type { Metadata } from 'next';
import { getServerCaller } from '@/app/_trpc/server';
import { MetricsView } from './metrics-view';

export const metadata: Metadata = { title: 'Platform metrics' };

// Rendered on the server with its data, so the dashboard arrives complete in one response.
export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const quarters = Number(params.quarters) === 8 ? 8 : 4;
  const teamId = typeof params.team === 'string' && /^[0-9a-f-]{36}$/i.test(params.team) ? params.team : undefined;
  const caller = await getServerCaller();
  const [initial, initialOutcomes] = await Promise.all([caller.metrics.delivery({ quarters, teamId }), caller.metrics.outcomes({ quarters })]);
  return <MetricsView quarters={quarters} teamId={teamId ?? ''} initial={initial} initialOutcomes={initialOutcomes} />;
}
