'use client';
// One flow's ratings: the average, the distribution of 1-5, the weekly trend, and the comments,
// each of which can be saved as evidence (unattributed) for a pain theme.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonLink } from '../../../_components/button';
import { PageHeader, Panel } from '../../../_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '../../../_components/save-evidence';
import { DistributionChart, TrendChart } from '../../../_components/score-charts';
import { useCanEdit, useIsAdmin } from '../../../_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '../../../_components/states';
import { describeError, useTRPC } from '../../../_trpc/client';
import { selectedTextWithin } from '../../surveys/selected-text';
import { formatDay, formatScore } from '../../surveys/survey-format';

const PAGE = 20;

function Comments({ flowKey, flowName }: { flowKey: string; flowName: string }) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const [offset, setOffset] = useState(0);
  const [source, setSource] = useState<EvidenceSourceRef | null>(null);
  const refs = useRef(new Map<string, HTMLElement>());
  const selections = useRef(new Map<string, string>());
  const comments = useQuery({ ...trpc.ratings.comments.queryOptions({ key: flowKey, limit: PAGE, offset }), placeholderData: keepPreviousData });

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
            <blockquote
              ref={(element) => {
                if (element) refs.current.set(row.id, element);
                else refs.current.delete(row.id);
              }}
              className="whitespace-pre-line text-slate-900"
            >
              {row.comment}
            </blockquote>
            {canEdit && (
              <div className="mt-2">
                <Button
                  variant="secondary"
                  size="sm"
                  onMouseDown={() => selections.current.set(row.id, selectedTextWithin(refs.current.get(row.id) ?? null, row.comment))}
                  onClick={() => {
                    const selected = selections.current.get(row.id);
                    selections.current.delete(row.id);
                    setSource({
                      kind: 'rating',
                      id: row.id,
                      label: `a rating of “${flowName}”`,
                      excerpt: selected ?? selectedTextWithin(refs.current.get(row.id) ?? null, row.comment),
                      participant: null,
                    });
                  }}
                >
                  Save as evidence
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {total > PAGE && (
        <nav aria-label="Pages of comments" className="mt-4 flex items-center justify-between text-sm">
          <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Newer
          </Button>
          <span className="text-slate-600">
            {offset + 1}-{Math.min(total, offset + PAGE)} of {total}
          </span>
          <Button variant="secondary" size="sm" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            Older
          </Button>
        </nav>
      )}
      <SaveEvidenceDialog source={source} onClose={() => setSource(null)} />
    </>
  );
}

export function FlowView({ flowKey }: { flowKey: string }) {
  const trpc = useTRPC();
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
                points={data.weekly.map((week) => ({ label: formatDay(week.week).replace(/ \d{4}$/, ''), value: week.mean, count: week.count }))}
                domain={[1, 5]}
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
