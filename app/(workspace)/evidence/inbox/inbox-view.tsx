'use client';
// The untagged-evidence inbox: evidence in no theme yet, each with the themes it seems to fit (and
// the words that made it fit), and groups of items that fit no theme but look like one pain. A
// suggestion is only applied when a person accepts it; a dismissed one is not offered again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { SOURCE_LABELS } from '@/server/evidence/rules';
import { Button, ButtonLink } from '@/app/_components/button';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { plural } from '@/app/(workspace)/_listen/format';
import { TagDialog } from '@/app/_components/tag-dialog';
import { SourceLink } from '@/app/_components/source-link';
import { SharedWords } from '@/app/_components/theme-fits';
import { DeveloperLink } from '@/app/_components/developer-link';
import { inboxListInput, PAGE_SIZE } from '@/app/(workspace)/evidence/inputs';


export function InboxView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const { setParams, page } = useUrlParams();
  const [tagging, setTagging] = useState<string[] | null>(null);

  const list = useQuery({
    ...trpc.evidence.list.queryOptions(inboxListInput(page)),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const suggestions = useQuery({
    ...trpc.themes.suggestions.queryOptions({ evidenceIds: rows.map((row) => row.id) }),
    enabled: list.isSuccess,
    placeholderData: keepPreviousData,
  });
  const fitsOf = new Map((suggestions.data?.fits ?? []).map((item) => [item.evidenceId, item.fits]));

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
  };
  const onError = (error: unknown) => toast(describeError(error).message, 'error');
  const tag = useMutation(trpc.evidence.tag.mutationOptions({ onSuccess: refresh, onError }));
  const dismissFit = useMutation(trpc.themes.dismissFit.mutationOptions({ onSuccess: refresh, onError }));
  const dismissGroup = useMutation(trpc.themes.dismissGroup.mutationOptions({ onSuccess: refresh, onError }));

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const groups = suggestions.data?.groups ?? [];

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/evidence" className="hover:underline">Evidence</Link>}
        title="Untagged evidence"
        description="Evidence in no pain theme yet. Each item shows the themes it seems to fit and the words that made it fit, learned from the evidence already in each theme. Nothing is tagged until you accept a suggestion."
        actions={<ButtonLink href="/themes" variant="secondary">All themes</ButtonLink>}
      />

      {list.isPending ? (
        <LoadingState label="Loading untagged evidence…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : total === 0 ? (
        <EmptyState title="Every piece of evidence is in a theme" action={<ButtonLink href="/evidence">Go to evidence</ButtonLink>}>
          New evidence from interviews, shadowing, tickets and surveys lands here until it is tagged into a pain theme.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          {groups.length > 0 && (
            <Panel
              title="These items look like one pain"
              description="Untagged items that fit no theme but share words. Create a theme from a group in one click, or dismiss it: a dismissed group is not proposed again."
            >
              <ul className="flex flex-col gap-3">
                {groups.map((group) => (
                  <li key={group.term} className="rounded-md border border-slate-200 p-3">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 flex-1">
                        <p className="font-medium text-slate-900">
                          {plural(group.evidenceIds.length, 'item')}: “{group.title}”
                        </p>
                        <p className="mt-0.5 text-sm text-slate-600">
                          They share <SharedWords words={group.words} />
                        </p>
                        <ul className="mt-2 flex flex-col gap-1 text-sm text-slate-700">
                          {group.samples.map((sample) => (
                            <li key={sample.id} className="truncate">
                              “{sample.excerpt}”
                            </li>
                          ))}
                        </ul>
                      </div>
                      {canEdit && (
                        <div className="flex shrink-0 flex-wrap gap-2">
                          <Button
                            size="sm"
                            isBusy={tag.isPending && tag.variables?.newThemeTitle === group.title}
                            onClick={() =>
                              tag.mutate(
                                { evidenceIds: group.evidenceIds, newThemeTitle: group.title },
                                { onSuccess: () => toast(`Created “${group.title}” with ${plural(group.evidenceIds.length, 'item')}`) },
                              )
                            }
                          >
                            Create theme “{group.title}”
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Dismiss the group “${group.title}”`}
                            onClick={() =>
                              dismissGroup.mutate({ term: group.term, evidenceIds: group.evidenceIds }, { onSuccess: () => toast('Group dismissed') })
                            }
                          >
                            Dismiss
                          </Button>
                        </div>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </Panel>
          )}

          <section aria-labelledby="untagged-heading">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="untagged-heading" className="text-lg font-semibold text-slate-900">
                {plural(total, 'untagged item')}
              </h2>
              {suggestions.isPending && <span className="text-sm text-slate-600">Working out suggestions…</span>}
              {suggestions.isError && <span className="text-sm text-red-700">Suggestions are unavailable: {describeError(suggestions.error).message}</span>}
              {suggestions.data && suggestions.data.themeCount === 0 && (
                <span className="text-sm text-slate-600">Suggestions appear once a theme has evidence.</span>
              )}
            </div>
            <ul className="flex flex-col gap-3">
              {rows.map((row) => {
                const fits = fitsOf.get(row.id) ?? [];
                const label = row.excerpt.slice(0, 60);
                return (
                  <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                    <blockquote className="text-slate-900">“{row.excerpt}”</blockquote>
                    <p className="mt-1 text-sm text-slate-600">
                      {row.participantName ? <DeveloperLink id={row.participantId} name={row.participantName} /> : 'Unattributed'} · {SOURCE_LABELS[row.sourceKind]} · {formatDay(row.observedOn)} ·{' '}
                      <SourceLink href={row.sourcePath} className="text-brand-700 underline">
                        Open in source
                      </SourceLink>
                    </p>
                    {fits.length > 0 && (
                      <ul className="mt-3 flex flex-col gap-2" aria-label={`Suggested themes for “${label}”`}>
                        {fits.map((fit) => (
                          <li key={fit.themeId} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm">
                            <span className="min-w-0 flex-1 text-slate-800">
                              Fits theme <strong className="font-medium">{fit.themeTitle}</strong>: shares <SharedWords words={fit.words} />
                            </span>
                            {canEdit && (
                              <span className="flex gap-2">
                                <Button
                                  size="sm"
                                  variant="secondary"
                                  aria-label={`Tag into this theme: “${fit.themeTitle}” for “${label}”`}
                                  onClick={() =>
                                    tag.mutate({ evidenceIds: [row.id], themeIds: [fit.themeId] }, { onSuccess: () => toast(`Tagged into “${fit.themeTitle}”`) })
                                  }
                                >
                                  Tag into this theme
                                </Button>
                                <Button
                                  size="sm"
                                  variant="ghost"
                                  aria-label={`Not this theme: “${fit.themeTitle}” for “${label}”`}
                                  onClick={() => dismissFit.mutate({ evidenceId: row.id, themeId: fit.themeId }, { onSuccess: () => toast('Suggestion dismissed') })}
                                >
                                  Not this theme
                                </Button>
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                    {canEdit && (
                      <div className="mt-3">
                        <Button size="sm" variant="ghost" onClick={() => setTagging([row.id])} aria-label={`Choose themes… for “${label}”`}>
                          Choose themes…
                        </Button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
            <Pager page={page} pages={pages} onPage={(next) => setParams({ page: String(next) })} />
          </section>
        </div>
      )}
      <TagDialog evidenceIds={tagging} onClose={() => setTagging(null)} onTagged={() => undefined} />
    </>
  );
}
