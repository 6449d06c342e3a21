'use client';
// Pain themes: write a pain as a statement, see how much evidence backs each, filter by status,
// undo merges. Filters live in the URL.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Button, ButtonLink } from '@/app/_components/button';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useUrlParams } from '@/app/_components/pager';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { THEME_STATUS_LABELS } from '@/server/themes/rules';
import { STATUS_FILTERS, themesInputs, UNTAGGED_COUNT } from './inputs';


function CreateThemeForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useFormMutation({
    initialValues: { title: '', description: '' },
    mutation: trpc.themes.create.mutationOptions(),
    toInput: (values) => values,
    resetOnSuccess: true,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
      toast('Pain theme created');
    },
  });
  return (
    <form
      noValidate
      aria-label="New pain theme"
      className="flex flex-col gap-3"
      onSubmit={create.submit}
    >
      <FormError {...create.formError} />
      <TextAreaField
        label="Pain statement"
        rows={3}
        placeholder="Setting up a new service takes two days and needs manual steps from four teams"
        hint="Say what hurts, in the developers’ terms, not the fix."
        {...create.field('title')}
      />
      <TextAreaField label="Description (optional)" rows={3} {...create.field('description')} />
      <div>
        <Button type="submit" isBusy={create.isPending}>
          Create theme
        </Button>
      </div>
    </form>
  );
}

export function ThemesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const { params, setParams } = useUrlParams();
  const { status, search, list: listInput } = themesInputs(params);

  const themes = useQuery(trpc.themes.list.queryOptions(listInput));
  const inbox = useQuery(trpc.evidence.list.queryOptions(UNTAGGED_COUNT));
  const undo = useMutation(
    trpc.themes.undoMerge.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
        toast('Merge undone: both themes have their evidence back');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  const isFiltered = status !== 'active' || Boolean(search);

  return (
    <>
      <PageHeader
        title="Pain themes"
        description="Each theme is one pain, written as a statement. Tag evidence into it; the pain inventory ranks themes by the evidence behind them."
        actions={
          <>
            <ButtonLink href="/themes/inbox" variant="secondary">
              Untagged evidence{inbox.data ? ` (${inbox.data.total})` : ''}
            </ButtonLink>
            <ButtonLink href="/inventory">Pain inventory</ButtonLink>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <form role="search" aria-label="Filter themes" className="mb-4 grid gap-3 sm:grid-cols-2" onSubmit={(event) => event.preventDefault()}>
            <TextField label="Search" type="search" placeholder="Words in the statement" defaultValue={search} onChange={(event) => setParams({ q: event.target.value.trim() || null })} />
            <SelectField
              label="Status"
              value={status}
              options={STATUS_FILTERS.map((option) => ({ value: option.value, label: option.label }))}
              onChange={(event) => setParams({ status: event.target.value === 'active' ? null : event.target.value })}
            />
          </form>
          {themes.isPending ? (
            <LoadingState label="Loading themes…" />
          ) : themes.isError ? (
            <ErrorState message={describeError(themes.error).message} onRetry={() => themes.refetch()} />
          ) : themes.data.length === 0 ? (
            isFiltered ? (
              <EmptyState title="No theme matches" action={<ButtonLink href="/themes" variant="secondary">Clear filters</ButtonLink>}>
                Try other words, or another status.
              </EmptyState>
            ) : (
              <EmptyState title="No pain theme yet">
                Read through your evidence and write the first pain as a statement, e.g. “Getting a staging database takes two days”. Then tag
                the quotes that show it{canEdit ? ' from the untagged evidence.' : '.'}
              </EmptyState>
            )
          ) : (
            <Table caption="Pain themes">
              <thead>
                <tr>
                  <Th>Pain theme</Th>
                  <Th>Status</Th>
                  <Th className="text-right">Evidence</Th>
                  <Th className="text-right">Developers</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {themes.data.map((theme) => (
                  <tr key={theme.id}>
                    <Td>
                      <Link href={`/themes/${theme.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {theme.title}
                      </Link>
                      {theme.isMvpFocus && (
                        <span className="ml-2">
                          <Badge tone="green">MVP focus</Badge>
                        </span>
                      )}
                      {theme.mergedIntoId && (
                        <p className="mt-0.5 text-xs text-slate-600">
                          Merged into{' '}
                          <Link href={`/themes/${theme.mergedIntoId}`} className="text-brand-700 underline">
                            {theme.mergedIntoTitle}
                          </Link>
                          {canEdit && theme.activeMergeId && (
                            <>
                              {' · '}
                              <button
                                type="button"
                                className="font-medium text-brand-700 underline"
                                aria-label={`Undo merge of ${theme.title}`}
                                onClick={() => undo.mutate({ mergeId: theme.activeMergeId! })}
                              >
                                Undo merge
                              </button>
                            </>
                          )}
                        </p>
                      )}
                    </Td>
                    <Td>
                      <Badge tone={theme.status === 'confirmed' ? 'green' : theme.status === 'archived' ? 'slate' : 'amber'}>{THEME_STATUS_LABELS[theme.status]}</Badge>
                    </Td>
                    <Td className="text-right">{theme.evidenceCount}</Td>
                    <Td className="text-right">{theme.developerCount}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
        {canEdit && (
          <Panel title="New pain theme">
            <CreateThemeForm />
          </Panel>
        )}
      </div>
    </>
  );
}
