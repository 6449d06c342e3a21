'use client';
// Add or edit a roadmap item: its public words, a private note, lane, target quarter, the pain
// themes it answers and whether the next publish shows it. Viewers see the same, read-only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LANE_LABELS, LANE_SHORT_LABELS, LANES, quarterLabel, quarterOptions } from '@/server/roadmap/lanes';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { Markdown } from '@/app/_components/markdown';
import { ThemePicker } from '@/app/_components/theme-picker';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC, useTRPCClient } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { formatHours } from './format';
import type { Item } from './roadmap-editor';
import { useConfirm } from '@/app/_components/confirm-dialog';

type Lane = Item['lane'];

function History({ id }: { id: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.roadmap.history.queryOptions({ id }));
  return (
    <section aria-labelledby="item-history" className="mt-6 border-t border-slate-200 pt-4">
      <h3 id="item-history" className="text-sm font-semibold text-slate-900">
        Public history
      </h3>
      {history.data && history.data.length === 0 && <p className="mt-1 text-sm text-slate-600">Not published yet: the history starts with the first publish.</p>}
      <ol className="mt-1 text-sm text-slate-700">
        {history.data?.map((change) => (
          <li key={change.id}>
            {formatDay(change.changedAt)}:{' '}
            {change.fromLane ? `${LANE_SHORT_LABELS[change.fromLane]} → ${LANE_SHORT_LABELS[change.toLane]}` : `published in ${LANE_SHORT_LABELS[change.toLane]}`}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ThemeNumbers({ item }: { item: Item }) {
  if (item.themes.length === 0) return <p className="text-sm text-slate-600">No pain theme linked.</p>;
  return (
    <ul className="flex flex-col gap-1 text-sm text-slate-800">
      {item.themes.map((theme) => (
        <li key={theme.id}>
          {theme.title}{' '}
          <span className="text-slate-600">
            {theme.isRanked
              ? `— ${theme.affectedDevelopers} affected, ${theme.score !== null ? `${formatHours(theme.score)} dev-hours/month` : 'time lost not measured'}`
              : '— archived or merged: not shown publicly'}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ReadOnly({ item }: { item: Item }) {
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-slate-700">
        {LANE_LABELS[item.lane]}
        {item.targetQuarter ? ` · aiming for ${quarterLabel(item.targetQuarter)}` : ''} · {item.votes} votes
      </p>
      {item.description ? <Markdown>{item.description}</Markdown> : <p className="text-slate-600">No public description.</p>}
      {item.internalNote && (
        <div>
          <h3 className="font-semibold text-slate-900">Internal note</h3>
          <p className="whitespace-pre-wrap text-slate-800">{item.internalNote}</p>
        </div>
      )}
      <div>
        <h3 className="mb-1 font-semibold text-slate-900">Pain themes it answers</h3>
        <ThemeNumbers item={item} />
      </div>
      <History id={item.id} />
    </div>
  );
}

export function ItemDialog({ item, initialLane, isReadOnly, onClose }: { item: Item | null; initialLane: Lane; isReadOnly: boolean; onClose: () => void }) {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.roadmap.pathKey() });
    toast(message);
    onClose();
  };
  const client = useTRPCClient();
  const form = useFormMutation({
    initialValues: {
      title: item?.title ?? '',
      description: item?.description ?? '',
      internalNote: item?.internalNote ?? '',
      lane: item?.lane ?? initialLane,
      targetQuarter: item?.targetQuarter ?? '',
      isPublic: item?.isPublic ?? true,
      themeIds: item?.themes.map((theme) => theme.id) ?? [],
    },
    // One form for both: an id edits the item, none adds one.
    mutation: {
      mutationFn: async ({ id, ...values }: Parameters<typeof client.roadmap.create.mutate>[0] & { id?: string }) => {
        if (id) await client.roadmap.update.mutate({ ...values, id });
        else await client.roadmap.create.mutate(values);
      },
    },
    toInput: (draft) => ({ ...draft, targetQuarter: draft.targetQuarter || null, id: item?.id }),
    onSuccess: () => done(item ? 'Item saved. Publish the roadmap to show the change.' : 'Item added. Publish the roadmap to show it.'),
  });
  const remove = useMutation(trpc.roadmap.delete.mutationOptions({ onSuccess: () => done('Item deleted') }));
  const removeError = remove.error ? describeError(remove.error) : null;
  const draft = form.values;

  if (isReadOnly && item) {
    return (
      <Dialog title={item.title} isOpen onClose={onClose}>
        <ReadOnly item={item} />
      </Dialog>
    );
  }

  const quarters = quarterOptions(new Date());
  if (draft.targetQuarter && !quarters.includes(draft.targetQuarter)) quarters.unshift(draft.targetQuarter);

  return (
    <Dialog title={item ? `Edit “${item.title}”` : 'New roadmap item'} isOpen onClose={onClose}>
      <form onSubmit={form.submit} noValidate className="flex flex-col gap-4" aria-label={item ? 'Edit roadmap item' : 'New roadmap item'}>
        {/* A refused save first, else a refused delete. */}
        <FormError {...(removeError && !form.error ? { message: removeError.message, fieldErrors: removeError.fieldErrors } : form.formError)} />
        <TextField
          label="Title"
          hint="What developers get, in their words."
          {...form.field('title')}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Lane"
            {...form.field('lane')}
            options={LANES.map((lane) => ({ value: lane, label: LANE_LABELS[lane] }))}
          />
          <SelectField
            label="Target quarter"
            {...form.field('targetQuarter')}
            placeholder="No target"
            options={quarters.map((quarter) => ({ value: quarter, label: quarterLabel(quarter) }))}
          />
        </div>
        <TextAreaField
          label="Public description"
          hint="Markdown. Shown on the item’s public page once published; images and HTML are not shown."
          rows={5}
          {...form.field('description')}
        />
        <TextAreaField
          label="Internal note"
          hint="Only your workspace sees this: never on a public page."
          rows={3}
          {...form.field('internalNote')}
        />
        <ThemePicker
          label="Pain themes it answers"
          hint="Their statements and how many developers they affect are shown publicly as the reason for this item."
          canCreate={false}
          value={{ themeIds: draft.themeIds, newThemeTitle: '' }}
          onChange={(choice) => form.set('themeIds', choice.themeIds)}
          knownThemes={item?.themes ?? []}
          error={form.errorFor('themeIds')?.[0]}
        />
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" className="mt-0.5" checked={draft.isPublic} onChange={(event) => form.set('isPublic', event.target.checked)} />
          <span>
            Show on the public roadmap <span className="text-slate-600">(from the next publish)</span>
          </span>
        </label>
        {item && (
          <div>
            <h3 className="mb-1 text-sm font-semibold text-slate-900">Votes and pain</h3>
            <p className="mb-1 text-sm text-slate-700">{item.votes} votes from developers.</p>
            <ThemeNumbers item={item} />
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" isBusy={form.isPending}>
            {item ? 'Save' : 'Add item'}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          {item && !item.firstPublishedAt && (
            <Button
              variant="danger"
              className="ml-auto"
              isBusy={remove.isPending}
              onClick={() =>
                confirm.ask({
                  title: `Delete “${item.title}”?`,
                  body: 'It has never been public, so no developer has seen it. This cannot be undone.',
                  confirmLabel: 'Delete item',
                  onConfirm: () => remove.mutate({ id: item.id }),
                })
              }
            >
              Delete
            </Button>
          )}
        </div>
      </form>
      {item && <History id={item.id} />}
      {confirm.dialog}
    </Dialog>
  );
}
