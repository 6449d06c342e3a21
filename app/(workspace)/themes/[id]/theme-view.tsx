'use client';
// One pain theme: its numbers in the inventory, the developers and evidence behind them (narrowed
// by the inventory's filters when it was opened from there), and the editor's tools: edit, MVP
// focus, merge, split, add or remove evidence, undo a merge into it.
import { formatDay } from '@/app/_components/format';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { ThemeExplanationView } from '@/app/_components/theme-explanation';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { SOURCE_LABELS } from '@/server/evidence/rules';
import { describeFilter, inventorySearchParams, isFiltered } from '@/server/inventory/inventory-params';
import { THEME_STATUS_LABELS } from '@/server/themes/rules';
import { EvidenceEditor } from '@/app/(workspace)/evidence/evidence-editor';
import { useUntagWithUndo } from '@/app/(workspace)/evidence/use-untag-with-undo';
import { EvidenceItem } from '@/app/(workspace)/themes/evidence-item';
import { AddEvidenceForm, EditThemeForm, MergeForm, SplitForm } from './theme-dialogs';
import { ThemeNumbers } from './theme-numbers';
import { THEME_EVIDENCE_PAGE, themeInputs } from '@/app/(workspace)/themes/inputs';

type Open = 'edit' | 'merge' | 'split' | 'add' | null;

export function ThemeView({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const { params, setParams: setUrlParams } = useUrlParams();
  const [open, setOpen] = useState<Open>(null);
  const [selected, setSelected] = useState<string[]>([]);

  const { filter, who, source, participantId, page, evidence: evidenceInput, isTeamsShown } = themeInputs(id, params);
  const mergedFrom = params.get('mergedFrom');

  const detail = useQuery(trpc.themes.get.queryOptions({ id, filter }));
  const explanation = useQuery(trpc.themes.explain.queryOptions({ id, filter }));
  const evidence = useQuery({
    ...trpc.themes.evidence.queryOptions(evidenceInput),
    placeholderData: keepPreviousData,
  });
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), enabled: isTeamsShown });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
  };
  const focus = useMutation(
    trpc.themes.setMvpFocus.mutationOptions({
      onSuccess: async (_data, variables) => {
        await refresh();
        toast(variables.isFocus ? 'Marked as MVP focus' : 'Removed from the MVP focus');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  const untag = useUntagWithUndo({ message: 'Evidence removed from this theme', onChanged: refresh });
  const [editing, setEditing] = useState<string | null>(null);
  const undo = useMutation(
    trpc.themes.undoMerge.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        toast('Merge undone: both themes have their evidence back');
        if (mergedFrom === result.sourceId) setParams({ mergedFrom: null });
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );

  function setParams(changes: Record<string, string | null>) {
    setSelected([]);
    setUrlParams(changes);
  }

  if (detail.isPending) return <LoadingState label="Loading the theme…" />;
  if (detail.isError) return <ErrorState message={describeError(detail.error).message} onRetry={() => detail.refetch()} />;
  if (!detail.data) {
    return (
      <EmptyState title="This theme no longer exists" action={<Link href="/themes" className="font-medium text-brand-700 underline">All pain themes</Link>}>
        It may have been deleted.
      </EmptyState>
    );
  }

  const { theme, numbers, mergesIn, rankedCount, directorySize } = detail.data;
  const isArchived = theme.status === 'archived';
  const teamName = teams.data?.find((team) => team.id === filter.teamId)?.name;
  const filterQuery = inventorySearchParams(filter).toString();
  const mergedHere = mergesIn.find((merge) => merge.sourceThemeId === mergedFrom);
  const rows = evidence.data?.rows ?? [];
  const total = evidence.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / THEME_EVIDENCE_PAGE));
  const isAllSelected = rows.length > 0 && rows.every((row) => selected.includes(row.id));
  const narrowing: { label: string; clear: Record<string, null> }[] = [];
  if (who === 'unattributed') narrowing.push({ label: 'Unattributed mentions only', clear: { who: null } });
  if (who === 'attributed') narrowing.push({ label: 'From developers only', clear: { who: null } });
  if (source) narrowing.push({ label: `${SOURCE_LABELS[source]} only`, clear: { source: null } });
  if (participantId) {
    const name = explanation.data?.developers.find((row) => row.participantId === participantId)?.name ?? 'one developer';
    narrowing.push({ label: `From ${name} only`, clear: { participant: null } });
  }

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap gap-x-3">
            <Link href="/themes" className="hover:underline">
              Pain themes
            </Link>
            <Link href={`/inventory${filterQuery ? `?${filterQuery}` : ''}`} className="hover:underline">
              Pain inventory
            </Link>
          </span>
        }
        title={theme.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={theme.status === 'confirmed' ? 'green' : theme.status === 'archived' ? 'slate' : 'amber'}>{THEME_STATUS_LABELS[theme.status]}</Badge>
            {theme.isMvpFocus && <Badge tone="green">MVP focus</Badge>}
            {numbers && numbers.evidenceCount > 0 && (
              <span className="text-sm">
                Rank #{numbers.rank} of {rankedCount}
              </span>
            )}
          </span>
        }
        actions={
          canEdit && (
            <>
              <Button variant="secondary" onClick={() => setOpen('edit')}>
                Edit
              </Button>
              {!isArchived && (
                <Button variant="secondary" aria-pressed={theme.isMvpFocus} isBusy={focus.isPending} onClick={() => focus.mutate({ id, isFocus: !theme.isMvpFocus })}>
                  {theme.isMvpFocus ? 'Remove MVP focus' : 'Mark as MVP focus'}
                </Button>
              )}
              <Button variant="secondary" onClick={() => setOpen('merge')}>
                Merge into…
              </Button>
              <Button onClick={() => setOpen('add')}>Add evidence</Button>
            </>
          )
        }
      />
      {theme.description && <p className="-mt-3 mb-5 max-w-3xl whitespace-pre-line text-slate-700">{theme.description}</p>}

      {mergedHere && (
        <div role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          “{mergedHere.sourceTitle}” was merged into this theme.
          {canEdit && (
            <Button variant="secondary" size="sm" isBusy={undo.isPending} onClick={() => undo.mutate({ mergeId: mergedHere.id })}>
              Undo merge
            </Button>
          )}
        </div>
      )}

      {isFiltered(filter) && (
        <div className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
          Numbers and evidence for: <strong>{describeFilter(filter, { teamName })}</strong>
          <Link href={`/themes/${id}`} className="font-medium text-brand-700 underline">
            Show all evidence
          </Link>
        </div>
      )}

      <div className="flex flex-col gap-6">
        <ThemeNumbers numbers={numbers} directorySize={directorySize} isArchived={isArchived} filter={filter} />

        {!isArchived && (
          <section id="developers" aria-labelledby="developers-title" className="scroll-mt-4">
            <h2 id="developers-title" className="mb-2 text-base font-semibold text-slate-900">
              How was this computed?
            </h2>
            {explanation.isPending ? (
              <LoadingState label="Loading how the numbers were computed…" />
            ) : explanation.isError ? (
              <ErrorState message={describeError(explanation.error).message} onRetry={() => explanation.refetch()} />
            ) : (
              <ThemeExplanationView
                explanation={explanation.data}
                caption="Affected developers: their evidence, and the hours each loses per month"
                hasDeveloperLinks
                developerAction={(developer) => (
                  <button
                    type="button"
                    className="mt-1 block text-xs font-normal text-brand-700 underline"
                    aria-label={`show only their evidence: ${developer.name}`}
                    onClick={() => {
                      setParams({ participant: developer.participantId, who: null });
                      document.getElementById('evidence')?.scrollIntoView();
                    }}
                  >
                    show only their evidence
                  </button>
                )}
              />
            )}
          </section>
        )}

        <section id="evidence" aria-labelledby="evidence-title" className="scroll-mt-4">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="evidence-title" className="text-base font-semibold text-slate-900">
              Evidence <span className="font-normal text-slate-600">({total}, costliest first)</span>
            </h2>
            {canEdit && rows.length > 0 && (
              <div className="flex flex-wrap items-center gap-3">
                <label className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" checked={isAllSelected} onChange={() => setSelected(isAllSelected ? [] : rows.map((row) => row.id))} />
                  Select all on this page
                </label>
                <Button size="sm" variant="secondary" disabled={selected.length === 0 || isArchived} onClick={() => setOpen('split')}>
                  Split {selected.length || ''} into a new theme…
                </Button>
              </div>
            )}
          </div>
          {narrowing.length > 0 && (
            <div className="mb-2 flex flex-wrap items-center gap-2 text-sm" aria-label="Showing only">
              {narrowing.map((item) => (
                <span key={item.label} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-800">
                  {item.label}
                  <button type="button" className="ml-1 font-medium text-brand-700 underline" onClick={() => setParams(item.clear)}>
                    Show all
                  </button>
                </span>
              ))}
            </div>
          )}
          {evidence.isPending ? (
            <LoadingState label="Loading evidence…" />
          ) : evidence.isError ? (
            <ErrorState message={describeError(evidence.error).message} onRetry={() => evidence.refetch()} />
          ) : total === 0 ? (
            <EmptyState
              title={narrowing.length > 0 || isFiltered(filter) ? 'No evidence in this view' : 'No evidence in this theme yet'}
              action={canEdit && <Button onClick={() => setOpen('add')}>Add evidence</Button>}
            >
              Tag quotes from interviews, shadowing sessions, tickets and survey answers into this theme: its numbers come from them.
            </EmptyState>
          ) : (
            <>
              <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
                {rows.map((row) => (
                  <li key={row.id} className="flex items-start gap-3 px-3 py-3">
                    {canEdit && (
                      <input
                        type="checkbox"
                        className="mt-1"
                        aria-label={`Select “${row.excerpt.slice(0, 60)}”`}
                        checked={selected.includes(row.id)}
                        onChange={() => setSelected((current) => (current.includes(row.id) ? current.filter((other) => other !== row.id) : [...current, row.id]))}
                      />
                    )}
                    <div className="min-w-0 flex-1">
                      <EvidenceItem item={row} />
                    </div>
                    {canEdit && (
                      <Button variant="ghost" size="sm" aria-label={`Correct “${row.excerpt.slice(0, 60)}”`} onClick={() => setEditing(row.id)}>
                        Correct
                      </Button>
                    )}
                    {canEdit && (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove “${row.excerpt.slice(0, 60)}” from this theme`}
                        onClick={() => untag.mutate({ evidenceId: row.id, themeId: id })}
                      >
                        Remove
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
              <Pager page={page} pages={pages} onPage={(next) => setParams({ page: String(next) })} />
            </>
          )}
        </section>

        {mergesIn.length > 0 && (
          <Panel title="Merged into this theme" description="Undo a merge to give the other theme its evidence back.">
            <ul className="divide-y divide-slate-100 text-sm">
              {mergesIn.map((merge) => (
                <li key={merge.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium text-slate-900">{merge.sourceTitle}</span>
                    <span className="text-slate-600">
                      {' '}
                      · {merge.evidenceCount} item{merge.evidenceCount === 1 ? '' : 's'} · {formatDay(merge.mergedAt)}
                      {merge.mergedByName && ` by ${merge.mergedByName}`}
                    </span>
                  </span>
                  {canEdit && (
                    <Button variant="secondary" size="sm" aria-label={`Undo merge of ${merge.sourceTitle}`} isBusy={undo.isPending} onClick={() => undo.mutate({ mergeId: merge.id })}>
                      Undo merge
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </Panel>
        )}
      </div>

      <Dialog title="Edit theme" isOpen={open === 'edit'} onClose={() => setOpen(null)}>
        <EditThemeForm theme={theme} onDone={() => setOpen(null)} />
      </Dialog>
      <Dialog title="Merge into another theme" isOpen={open === 'merge'} onClose={() => setOpen(null)}>
        <MergeForm theme={theme} />
      </Dialog>
      <Dialog title="Split into a new theme" isOpen={open === 'split'} onClose={() => setOpen(null)}>
        <SplitForm themeId={id} evidenceIds={selected} onDone={() => setOpen(null)} />
      </Dialog>
      <Dialog title="Add evidence to this theme" isOpen={open === 'add'} onClose={() => setOpen(null)}>
        <AddEvidenceForm themeId={id} onDone={() => setOpen(null)} />
      </Dialog>
      <EvidenceEditor evidenceId={editing} onClose={() => setEditing(null)} />
    </>
  );
}
