'use client';
// The theme page's forms: edit the statement and status, merge into another theme, split the
// selected evidence into a new theme, and add evidence to the theme.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextAreaField } from '@/app/_components/field';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { THEME_STATUSES, THEME_STATUS_LABELS } from '@/server/themes/rules';
import { EvidenceItem } from '@/app/(workspace)/themes/evidence-item';
import { ThemePicker } from '@/app/_components/theme-picker';

type Status = (typeof THEME_STATUSES)[number];

function useRefreshThemes() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
  };
}

export function EditThemeForm({ theme, onDone }: { theme: { id: string; title: string; description: string; status: Status }; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshThemes();
  const toast = useToast();
  const form = useFormMutation({
    initialValues: { title: theme.title, description: theme.description, status: theme.status as string },
    mutation: trpc.themes.update.mutationOptions(),
    toInput: (values) => ({ id: theme.id, title: values.title, description: values.description, status: values.status as Status }),
    onSuccess: async () => {
      await refresh();
      toast('Theme saved');
      onDone();
    },
  });
  return (
    <form noValidate aria-label="Edit theme" className="flex flex-col gap-3" onSubmit={form.submit}>
      <FormError {...form.formError} />
      <TextAreaField label="Pain statement" rows={2} {...form.field('title')} />
      <TextAreaField label="Description" rows={4} {...form.field('description')} />
      <SelectField
        label="Status"
        {...form.field('status')}
        hint="Candidate: still checking. Confirmed: enough evidence. Archived: solved or dropped (not ranked)."
        options={THEME_STATUSES.map((value) => ({ value, label: THEME_STATUS_LABELS[value] }))}
      />
      <div>
        <Button type="submit" isBusy={form.isPending}>
          Save theme
        </Button>
      </div>
    </form>
  );
}

export function MergeForm({ theme }: { theme: { id: string; title: string } }) {
  const trpc = useTRPC();
  const refresh = useRefreshThemes();
  const router = useRouter();
  const toast = useToast();
  const excludeIds = useMemo(() => [theme.id], [theme.id]);
  const form = useFormMutation({
    initialValues: { targetId: '' },
    mutation: trpc.themes.merge.mutationOptions(),
    toInput: (values) => ({ sourceId: theme.id, targetId: values.targetId }),
    onSuccess: async (result) => {
      await refresh();
      toast('Themes merged');
      router.push(`/themes/${result.targetId}?mergedFrom=${theme.id}`);
    },
  });
  const targetId = form.values.targetId;
  return (
    <form noValidate aria-label="Merge theme" className="flex flex-col gap-3" onSubmit={form.submit}>
      <p className="text-sm text-slate-700">
        “{theme.title}” moves all its evidence into the theme you choose (each item once) and then forwards to it. You can undo the merge
        from the other theme’s page.
      </p>
      <FormError {...form.formError} />
      <ThemePicker
        label="Merge into"
        isSingle
        canCreate={false}
        excludeIds={excludeIds}
        value={{ themeIds: targetId ? [targetId] : [], newThemeTitle: '' }}
        onChange={(choice) => form.set('targetId', choice.themeIds[0] ?? '')}
        error={form.errorFor('targetId')?.[0]}
      />
      <div>
        <Button type="submit" isBusy={form.isPending}>
          Merge
        </Button>
      </div>
    </form>
  );
}

export function SplitForm({ themeId, evidenceIds, onDone }: { themeId: string; evidenceIds: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshThemes();
  const router = useRouter();
  const toast = useToast();
  const form = useFormMutation({
    initialValues: { title: '' },
    mutation: trpc.themes.split.mutationOptions(),
    toInput: (values) => ({ themeId, evidenceIds, title: values.title }),
    onSuccess: async (result) => {
      await refresh();
      toast(`${result.moved} item${result.moved === 1 ? '' : 's'} moved to “${result.title}”`);
      onDone();
      router.push(`/themes/${result.id}`);
    },
  });
  return (
    <form noValidate aria-label="Split into a new theme" className="flex flex-col gap-3" onSubmit={form.submit}>
      <p className="text-sm text-slate-700">
        The {evidenceIds.length} selected item{evidenceIds.length === 1 ? '' : 's'} leave this theme and form a new one.
      </p>
      <FormError {...form.formError} />
      <TextAreaField label="Statement of the new theme" rows={2} {...form.field('title')} />
      <div>
        <Button type="submit" isBusy={form.isPending}>
          Split
        </Button>
      </div>
    </form>
  );
}

const ADD_PAGE = 25;

export function AddEvidenceForm({ themeId, onDone }: { themeId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshThemes();
  const toast = useToast();
  const [isUntaggedOnly, setUntaggedOnly] = useState(true);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const list = useQuery({
    ...trpc.themes.evidenceOutside.queryOptions({ id: themeId, isUntaggedOnly, limit: ADD_PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const tag = useMutation(
    trpc.evidence.tag.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        toast(`${result.added} item${result.added === 1 ? '' : 's'} added to this theme`);
        onDone();
      },
    }),
  );
  const error = tag.error ? describeError(tag.error) : null;
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  return (
    <form
      noValidate
      aria-label="Add evidence to this theme"
      className="flex flex-col gap-3"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        tag.mutate({ evidenceIds: selected, themeIds: [themeId] });
      }}
    >
      <FormError message={error?.message} />
      <fieldset className="flex flex-wrap gap-4 text-sm text-slate-800">
        <legend className="sr-only">Which evidence</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" checked={isUntaggedOnly} onChange={() => { setUntaggedOnly(true); setOffset(0); }} />
          Untagged evidence
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" checked={!isUntaggedOnly} onChange={() => { setUntaggedOnly(false); setOffset(0); }} />
          All evidence not in this theme
        </label>
      </fieldset>
      {list.isPending ? (
        <LoadingState label="Loading evidence…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : list.data.total === 0 ? (
        <EmptyState title={isUntaggedOnly ? 'No untagged evidence' : 'No other evidence'}>
          {isUntaggedOnly ? 'Every item is in a theme already. Look at all evidence instead.' : 'All evidence is in this theme already.'}
        </EmptyState>
      ) : (
        <>
          <ul className="flex max-h-96 flex-col divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
            {list.data.rows.map((row) => (
              <li key={row.id} className="flex items-start gap-3 p-2">
                <input
                  type="checkbox"
                  className="mt-1"
                  aria-label={`Add “${row.excerpt.slice(0, 60)}”`}
                  checked={selected.includes(row.id)}
                  onChange={() => toggle(row.id)}
                />
                <div className="min-w-0">
                  <EvidenceItem item={row} />
                  {row.themes.length > 0 && <p className="mt-1 text-xs text-slate-600">In: {row.themes.map((theme) => theme.title).join('; ')}</p>}
                </div>
              </li>
            ))}
          </ul>
          <div className="flex items-center justify-between text-sm text-slate-600">
            <span>
              {list.data.total} item{list.data.total === 1 ? '' : 's'} · {selected.length} selected
            </span>
            <span className="flex gap-2">
              <Button variant="ghost" size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ADD_PAGE))}>
                Previous
              </Button>
              <Button variant="ghost" size="sm" disabled={offset + ADD_PAGE >= list.data.total} onClick={() => setOffset(offset + ADD_PAGE)}>
                Next
              </Button>
            </span>
          </div>
        </>
      )}
      <div>
        <Button type="submit" isBusy={tag.isPending} disabled={selected.length === 0}>
          Add {selected.length || ''} to this theme
        </Button>
      </div>
    </form>
  );
}
