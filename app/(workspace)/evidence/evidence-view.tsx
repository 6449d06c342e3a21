'use client';
// Every piece of evidence saved so far, filtered by words, pain theme (or not in a theme yet),
// source, developer, team and date (all in the URL, so a filtered list can be shared), each linking back to the exact spot it was taken from, and tagged into pain themes one
// by one or many at once.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { MAX_FILTER_TEXT, SOURCE_KINDS, SOURCE_LABELS } from '@/server/evidence/rules';
import { ThemePicker } from '@/app/_components/theme-picker';
import { Button, ButtonLink } from '@/app/_components/button';
import { SelectField, TextField } from '@/app/_components/field';
import { Badge, PageHeader } from '@/app/_components/page-header';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { formatMinutes, plural } from '@/app/(workspace)/_listen/format';
import { EvidenceEditor } from './evidence-editor';
import { TagDialog } from '@/app/_components/tag-dialog';
import { useUntagWithUndo } from './use-untag-with-undo';
import { SourceLink } from '@/app/_components/source-link';
import { DeveloperLink } from '@/app/_components/developer-link';
import { DEVELOPER_OPTIONS_INPUT, evidenceFilterOf, evidenceListInput, PAGE_SIZE } from './inputs';

const SEVERITY_WORDS = ['', 'minor', 'an hour', 'half a day', 'two days', 'blocked'];

export function EvidenceView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const { params, setParams: setUrlParams } = useUrlParams();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tagging, setTagging] = useState<string[] | null>(null);

  const filter = evidenceFilterOf(params);
  const isFiltered = Boolean(filter.kind || filter.participantId || filter.teamId || filter.from || filter.to || filter.theme || filter.text);
  const isUntagged = filter.theme === 'untagged';
  const themeId = filter.theme && !isUntagged ? filter.theme : '';
  // Words filter as you type, after a short pause; the URL keeps them.
  const [words, setWords] = useState(filter.text);
  const [seenText, setSeenText] = useState(filter.text);
  const [pushedText, setPushedText] = useState(filter.text);
  if (filter.text !== seenText) {
    // The URL changed: by this box (its words are already shown) or by a link such as "Clear filters".
    setSeenText(filter.text);
    if (filter.text !== pushedText && filter.text !== words.trim()) setWords(filter.text);
  }
  const isTooLong = words.trim().length > MAX_FILTER_TEXT;
  useEffect(() => {
    if (words.trim() === filter.text || isTooLong) return;
    const timer = setTimeout(() => {
      setSelected(new Set());
      setPushedText(words.trim());
      setUrlParams({ q: words.trim() || null });
    }, 300);
    return () => clearTimeout(timer);
  }, [words, filter.text, isTooLong, setUrlParams]);

  const list = useQuery({
    ...trpc.evidence.list.queryOptions(evidenceListInput(filter)),
    placeholderData: keepPreviousData,
  });
  const teams = useQuery(trpc.teams.list.queryOptions());
  const participants = useQuery(trpc.participants.list.queryOptions(DEVELOPER_OPTIONS_INPUT));
  const [editing, setEditing] = useState<string | null>(null);
  const untag = useUntagWithUndo({ message: 'Tag removed', onChanged: () => queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() }) });

  function setParams(changes: Record<string, string | null>) {
    setSelected(new Set());
    setUrlParams(changes);
  }

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const isAllSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Evidence"
        description="Quotes and observations that show friction, each with the developer it affects and the time it costs. Tag them into pain themes to rank what hurts most."
        actions={
          <ButtonLink href="/search" variant="secondary">
            Search everything
          </ButtonLink>
        }
      />

      <form role="search" aria-label="Filter evidence" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Words"
          type="search"
          className="sm:col-span-2"
          placeholder="e.g. staging, approval"
          value={words}
          onChange={(e) => setWords(e.target.value)}
          error={isTooLong ? `Keep the words to find under ${MAX_FILTER_TEXT} characters` : undefined}
        />
        <div className="sm:col-span-2">
          <ThemePicker
            label="Pain theme"
            isSingle
            canCreate={false}
            value={{ themeIds: themeId ? [themeId] : [], newThemeTitle: '' }}
            onChange={(choice) => setParams({ theme: choice.themeIds[0] ?? null })}
          />
        </div>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
          <input type="checkbox" checked={isUntagged} onChange={(e) => setParams({ theme: e.target.checked ? 'untagged' : null })} />
          Not in a theme yet
        </label>
        <SelectField
          label="Source"
          value={filter.kind}
          onChange={(e) => setParams({ kind: e.target.value || null })}
          placeholder="All sources"
          options={SOURCE_KINDS.map((kind) => ({ value: kind, label: SOURCE_LABELS[kind] }))}
        />
        <SelectField
          label="Developer"
          value={filter.participantId}
          onChange={(e) => setParams({ participant: e.target.value || null })}
          placeholder="Any developer"
          options={(participants.data?.rows ?? []).map((row) => ({ value: row.id, label: row.displayName }))}
        />
        <SelectField
          label="Team"
          value={filter.teamId}
          onChange={(e) => setParams({ team: e.target.value || null })}
          placeholder="All teams"
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
        <TextField label="From" type="date" value={filter.from} onChange={(e) => setParams({ from: e.target.value || null })} />
        <TextField label="To" type="date" value={filter.to} onChange={(e) => setParams({ to: e.target.value || null })} />
      </form>

      {canEdit && selected.size > 0 && (
        <div className="sticky top-2 z-10 mb-3 flex flex-wrap items-center gap-3 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800 shadow-sm">
          <span aria-live="polite">{plural(selected.size, 'item')} selected</span>
          <Button size="sm" onClick={() => setTagging([...selected])}>
            Tag selected into themes
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </div>
      )}

      {list.isPending ? (
        <LoadingState label="Loading evidence…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : total === 0 ? (
        isFiltered ? (
          <EmptyState title="No evidence matches these filters" action={<ButtonLink href="/evidence" variant="secondary">Clear filters</ButtonLink>}>
            Try other words, another theme, source or developer, or a wider date window.
          </EmptyState>
        ) : (
          <EmptyState
            title="No evidence yet"
            action={
              <>
                <ButtonLink href="/interviews">Go to interviews</ButtonLink>
                <ButtonLink href="/shadowing" variant="secondary">
                  Go to shadowing
                </ButtonLink>
              </>
            }
          >
            Evidence is the words that show friction. Open an interview or a shadowing session, select the words, and press “Save selection
            as evidence”: add how much time it costs, and tag it into a pain theme.
          </EmptyState>
        )
      ) : (
        <>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
            <span aria-live="polite">{plural(total, 'evidence item')}</span>
            {canEdit && (
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={isAllSelected}
                  onChange={() => setSelected(isAllSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                />
                Select all on this page
              </label>
            )}
          </div>
          <ul className="flex flex-col gap-3">
            {rows.map((row) => (
              <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex gap-3">
                  {canEdit && (
                    <input
                      type="checkbox"
                      className="mt-1 size-4 shrink-0"
                      aria-label={`Select “${row.excerpt.slice(0, 60)}”`}
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                    />
                  )}
                  <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row">
                    <div className="min-w-0 flex-1">
                      <blockquote className="text-slate-900">“{row.excerpt}”</blockquote>
                      <p className="mt-1 text-sm text-slate-600">
                        {row.participantName ? <DeveloperLink id={row.participantId} name={row.participantName} /> : 'Unattributed'}
                        {row.teamName && ` · ${row.teamName}`} · {SOURCE_LABELS[row.sourceKind]} · {formatDay(row.observedOn)} ·{' '}
                        {row.minutesLost !== null
                          ? `${formatMinutes(row.minutesLost)} × ${row.occurrencesPerMonth} a month`
                          : row.severity
                            ? `severity ${row.severity} (${SEVERITY_WORDS[row.severity]})`
                            : 'no time estimate'}
                      </p>
                      <div className="mt-2 flex flex-wrap items-center gap-2">
                        {row.themes.length === 0 && <Badge tone="amber">Not in a theme yet</Badge>}
                        {row.themes.map((theme) => (
                          <span key={theme.id} className="inline-flex items-center gap-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">
                            {theme.title}
                            {canEdit && (
                              <button
                                type="button"
                                className="rounded px-0.5 hover:bg-brand-100"
                                aria-label={`Remove from “${theme.title}”`}
                                onClick={() => untag.mutate({ evidenceId: row.id, themeId: theme.id })}
                              >
                                ×
                              </button>
                            )}
                          </span>
                        ))}
                      </div>
                    </div>
                    <div className="flex shrink-0 items-center gap-3 sm:flex-col sm:items-end sm:gap-2">
                      <SourceLink href={row.sourcePath} className="text-sm font-medium whitespace-nowrap text-brand-700 hover:underline">
                        Open in source
                      </SourceLink>
                      {canEdit && (
                        <Button size="sm" variant="secondary" onClick={() => setTagging([row.id])} aria-label={`Tag “${row.excerpt.slice(0, 60)}” into themes`}>
                          Tag
                        </Button>
                      )}
                      {canEdit && (
                        <Button size="sm" variant="ghost" onClick={() => setEditing(row.id)} aria-label={`Correct “${row.excerpt.slice(0, 60)}”`}>
                          Correct
                        </Button>
                      )}
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <Pager page={filter.page} pages={pages} onPage={(next) => setUrlParams({ page: String(next) })} />
        </>
      )}
      <TagDialog evidenceIds={tagging} onClose={() => setTagging(null)} onTagged={() => setSelected(new Set())} />
      <EvidenceEditor evidenceId={editing} onClose={() => setEditing(null)} />
    </>
  );
}
