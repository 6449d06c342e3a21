'use client';
// Every survey, newest quarter first: its state, responses, response rate and headline score.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ButtonLink } from '@/app/_components/button';
import { PageHeader } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatRate, formatScore, HealthBadge, healthOfMean, StateBadge } from './survey-format';

export function SurveysView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const surveys = useQuery(trpc.surveys.list.queryOptions());

  return (
    <>
      <PageHeader
        title="Surveys"
        description="Anonymous developer surveys, run every quarter. A 1-10 platform score above 7.5 is healthy; below 6.5 something is wrong."
        actions={
          canEdit && (
            <>
              <ButtonLink href="/surveys/import" variant="secondary">
                Import past survey
              </ButtonLink>
              <ButtonLink href="/surveys/new">New survey</ButtonLink>
            </>
          )
        }
      />
      {surveys.isPending ? (
        <LoadingState label="Loading surveys…" />
      ) : surveys.isError ? (
        <ErrorState message={describeError(surveys.error).message} onRetry={() => surveys.refetch()} />
      ) : surveys.data.length === 0 ? (
        <EmptyState
          title="No surveys yet"
          action={
            canEdit && (
              <>
                <ButtonLink href="/surveys/new">Start the quarterly survey</ButtonLink>
                <ButtonLink href="/surveys/import" variant="secondary">
                  Import last year&apos;s results
                </ButtonLink>
              </>
            )
          }
        >
          Ask developers to rate the platform from 1 to 10 and name the one thing to improve, every quarter. Their answers are
          anonymous, the score becomes a trend line, and each piece of feedback can be saved as evidence for a pain theme.
        </EmptyState>
      ) : (
        <Table caption="Surveys">
          <thead>
            <tr>
              <Th>Survey</Th>
              <Th>Quarter</Th>
              <Th>Status</Th>
              <Th className="text-right">Responses</Th>
              <Th className="text-right">Response rate</Th>
              <Th>Score</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {surveys.data.map((survey) => (
              <tr key={survey.id}>
                <Td className="font-medium">
                  <Link href={`/surveys/${survey.id}`} className="text-brand-700 hover:underline">
                    {survey.title}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{survey.quarter}</Td>
                <Td>
                  <StateBadge state={survey.state} isImported={survey.origin === 'import'} />
                </Td>
                <Td className="text-right tabular-nums">{survey.responseCount}</Td>
                <Td className="text-right tabular-nums">
                  {formatRate(survey.responseRate)}
                  {survey.isResponseRateCapped && <span className="block text-xs text-slate-600">capped: more responses than people asked</span>}
                </Td>
                <Td className="whitespace-nowrap">
                  {survey.headline?.mean != null ? (
                    <span className="flex items-center gap-2">
                      <span className="tabular-nums">{formatScore(survey.headline.mean)}</span>
                      {survey.headline.kind === 'scale_10' && <HealthBadge health={healthOfMean(survey.headline.mean)} />}
                    </span>
                  ) : (
                    <span className="text-slate-600">—</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
