'use client';
// One flow's ratings: the average, the distribution of 1-5, the weekly trend, and the comments,
// each of which can be saved as evidence (unattributed) for a pain theme.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ButtonLink } from '@/app/_components/button';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { DistributionChart, TrendChart } from '@/app/_components/score-charts';
import { useShipMarkers } from '@/app/_components/use-ship-markers';
import { useCanEdit, useIsAdmin } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { EvidenceQuote, Pager } from '@/app/(workspace)/surveys/evidence-quote';
import { formatAxisDay, formatDay } from '@/app/_components/format';
import { formatScore } from '@/app/(workspace)/surveys/survey-format';
import { COMMENTS_PAGE, commentsInput } from './inputs';

function Comments({ flowKey, flowName }: { flowKey: string; flowName: string }) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const [offset, setOffset] = useState(0);
  const [source, setSource] = useState<EvidenceSourceRef | null>(null);
  const comments = useQuery({ ...trpc.ratings.comments.queryOptions(commentsInput(flowKey, offset)), placeholderData: keepPreviousData });

  // A link back from evidence (#rating-<id>) scrolls to that comment when it is on this page.
  const hasData = Boolean(comments.data);
  useEffect(() => {
    if (hasData && window.location.hash.startsWith('#rating-')) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [hasData]);

  if (comments.isPending) return <LoadingState label="Loading comments…" />;
  if (comments.isError) return <ErrorState message={describeError(comments.error).message} onRetry={() => comments.refetch()} />;
  const { rows, total } = comments.data;
  if (total === 0) {
    return <EmptyState title="No comments yet">Comments are optional in the widget; the ones developers leave show here, newest first.</EmptyState>;
  }
  return (
    <>
      <ul className="flex flex-col gap-3">
        {rows.map((row) => (
          <li key={row.id} id={`rating-${row.id}`} className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <p className="mb-1 text-xs font-medium text-slate-600">
              Rated {row.score} of 5 · {formatDay(row.ratedOn)}
            </p>
            <EvidenceQuote
              text={row.comment}
              canSave={canEdit}
              onSave={(excerpt) => setSource({ kind: 'rating', id: row.id, label: `a rating of “${flowName}”`, excerpt, participant: null })}
            />
          </li>
        ))}
      </ul>
      <Pager label="Pages of comments" offset={offset} pageSize={COMMENTS_PAGE} total={total} onChange={setOffset} labels={['Newer', 'Older']} />
      <SaveEvidenceDialog source={source} onClose={() => setSource(null)} />
    </>
  );
}

const weekLabel = (week: string) => formatAxisDay(week);

export function FlowView({ flowKey }: { flowKey: string }) {
  const trpc = useTRPC();
  const markers = useShipMarkers('week', weekLabel);
  const isAdmin = useIsAdmin();
  const flow = useQuery(trpc.ratings.flow.queryOptions({ key: flowKey }));
  const eyebrow = (
    <Link href="/ratings" className="hover:underline">
      Ratings
    </Link>
  );

  if (flow.isPending) return <LoadingState label="Loading ratings…" />;
  if (flow.isError) {
    return (
      <>
        <PageHeader eyebrow={eyebrow} title="Ratings of a flow" />
        <ErrorState message={describeError(flow.error).message} onRetry={() => flow.refetch()} />
      </>
    );
  }
  const data = flow.data;
  return (
    <>
      <PageHeader
        eyebrow={eyebrow}
        title={data.name}
        description={
          <>
            “Was this easier than before?” for <code className="text-sm">{data.key}</code>, rated 1 (much harder) to 5 (much easier).
          </>
        }
        actions={
          isAdmin && (
            <ButtonLink href={`/ratings/${data.key}/settings`} variant="secondary">
              Settings and embed code
            </ButtonLink>
          )
        }
      />
      {data.ratingCount === 0 ? (
        <EmptyState
          title="No ratings yet"
          action={
            isAdmin && <ButtonLink href={`/ratings/${data.key}/settings`}>Get the embed code</ButtonLink>
          }
        >
          Paste the widget&apos;s script tag at the end of this flow in your internal tool, or post ratings from a CLI or CI job to /api/v1/ratings.
          {data.allowedOrigins.length === 0 && ' No web page is allowed to show the widget yet: an admin adds its origin in the settings.'}
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">Average (1-5)</dt>
              <dd className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums">{formatScore(data.average, 2)}</dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">Ratings</dt>
              <dd className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums">{data.ratingCount}</dd>
            </div>
          </dl>
          <div className="grid gap-6 lg:grid-cols-2">
            <Panel title="Weekly trend" description="Average rating per week (weeks start on Monday).">
              <TrendChart
                caption={`Average rating per week for ${data.name}`}
                points={data.weekly.map((week) => ({ label: weekLabel(week.week), value: week.mean, count: week.count }))}
                domain={[1, 5]}
                markers={markers}
                valueName="Average"
                countName="Ratings"
              />
            </Panel>
            <Panel title="Distribution" description="How many ratings gave each score.">
              <DistributionChart caption={`Ratings per score for ${data.name}`} bars={data.distribution} />
            </Panel>
          </div>
          <Panel title="Comments" description="Anonymous, newest first. Select words in a comment to save just those as evidence.">
            <Comments flowKey={data.key} flowName={data.name} />
          </Panel>
        </div>
      )}
    </>
  );
}
