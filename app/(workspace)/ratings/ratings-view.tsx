'use client';
// Every rated flow: how many ratings, their average over all time and the last 30 days, and
// comments waiting to be read. Admins register flows here.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useIsAdmin } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatScore } from '@/app/(workspace)/surveys/survey-format';
import { FlowForm } from './flow-form';

export function RatingsView() {
  const trpc = useTRPC();
  const isAdmin = useIsAdmin();
  const [isRegistering, setRegistering] = useState(false);
  const flows = useQuery(trpc.ratings.flows.queryOptions());

  return (
    <>
      <PageHeader
        title="Ratings"
        description="“Was this easier than before?” rated 1-5 at the end of key platform flows, from a small widget or from scripts and CI."
        actions={isAdmin && !isRegistering && <Button onClick={() => setRegistering(true)}>Register a flow</Button>}
      />
      {isAdmin && isRegistering && (
        <div className="mb-6">
          <Panel title="Register a flow" actions={<Button variant="ghost" size="sm" onClick={() => setRegistering(false)}>Cancel</Button>}>
            <FlowForm onDone={() => setRegistering(false)} />
          </Panel>
        </div>
      )}
      {flows.isPending ? (
        <LoadingState label="Loading flows…" />
      ) : flows.isError ? (
        <ErrorState message={describeError(flows.error).message} onRetry={() => flows.refetch()} />
      ) : flows.data.length === 0 ? (
        <EmptyState title="No flows yet" action={isAdmin && !isRegistering && <Button onClick={() => setRegistering(true)}>Register the first flow</Button>}>
          A flow is one job developers do on the platform, like creating a service or a first deploy. Register it, paste one script tag where the flow
          ends, and every rating shows here as an average and a weekly trend.
          {!isAdmin && ' Ask an admin of your workspace to register one.'}
        </EmptyState>
      ) : (
        <Table caption="Rated flows">
          <thead>
            <tr>
              <Th>Flow</Th>
              <Th>Key</Th>
              <Th className="text-right">Ratings</Th>
              <Th className="text-right">Average</Th>
              <Th className="text-right">Last 30 days</Th>
              <Th className="text-right">Comments</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {flows.data.map((flow) => (
              <tr key={flow.id}>
                <Td className="font-medium">
                  <Link href={`/ratings/${flow.key}`} className="text-brand-700 hover:underline">
                    {flow.name}
                  </Link>
                </Td>
                <Td>
                  <code className="text-xs">{flow.key}</code>
                </Td>
                <Td className="text-right tabular-nums">{flow.ratingCount}</Td>
                <Td className="text-right tabular-nums">{formatScore(flow.average)}</Td>
                <Td className="text-right tabular-nums">
                  {flow.recentCount > 0 ? `${formatScore(flow.recentAverage)} (${flow.recentCount})` : '—'}
                </Td>
                <Td className="text-right tabular-nums">{flow.commentCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
