'use client';
// The triage decisions on a request: merge into an item or into another request, accept as a new
// item, decline.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode } from 'react';
import { LANE_SHORT_LABELS } from '@/server/roadmap/lanes';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';
import type { RequestRow } from './requests-inbox';

function useDone(onClose: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  return async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.roadmap.pathKey() });
    toast(message);
    onClose();
  };
}

function Actions({ isBusy, label, onClose }: { isBusy: boolean; label: string; onClose: () => void }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" isBusy={isBusy}>
        {label}
      </Button>
      <Button variant="ghost" onClick={onClose}>
        Cancel
      </Button>
    </div>
  );
}

function Quote({ children }: { children: ReactNode }) {
  return <p className="rounded-md bg-slate-50 px-3 py-2 text-sm break-words text-slate-800">{children}</p>;
}

export function MergeDialog({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const trpc = useTRPC();
  const board = useQuery(trpc.roadmap.board.queryOptions());
  const suggestions = useQuery(trpc.requests.suggestItems.queryOptions({ id: request.id }));
  const done = useDone(onClose);
  const merge = useFormMutation({
    initialValues: { itemId: '' },
    mutation: trpc.requests.merge.mutationOptions(),
    toInput: (values) => ({ id: request.id, itemId: values.itemId }),
    onSuccess: (result, values) => {
      const title = board.data?.items.find((item) => item.id === values.itemId)?.title ?? 'the item';
      return done(`Merged into “${title}”: ${result.movedVotes} ${result.movedVotes === 1 ? 'vote' : 'votes'} moved, ${result.itemVotes} in all.`);
    },
  });
  const itemId = merge.values.itemId;
  const items = (board.data?.items ?? []).filter((item) => item.lane !== 'declined');

  return (
    <Dialog title="Merge into a roadmap item" isOpen onClose={onClose}>
      <form onSubmit={merge.submit} noValidate className="flex flex-col gap-4" aria-label="Merge into a roadmap item">
        <FormError {...merge.formError} />
        <Quote>{request.title}</Quote>
        <p className="text-sm text-slate-700">
          Its {request.votes} {request.votes === 1 ? 'vote moves' : 'votes move'} to the item; a developer who already voted for the item is not counted twice.
          The request’s public page then points to the item.
        </p>
        {suggestions.data && suggestions.data.length > 0 && (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">Items with a similar title</legend>
            <div className="flex flex-col gap-1">
              {suggestions.data.map((item) => (
                <label key={item.id} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name="suggested-item" checked={itemId === item.id} onChange={() => merge.set('itemId', item.id)} />
                  {item.title} <span className="text-slate-600">({LANE_SHORT_LABELS[item.lane]})</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <SelectField
          label="Roadmap item"
          {...merge.field('itemId')}
          placeholder={board.isPending ? 'Loading items…' : 'Choose an item'}
          options={items.map((item) => ({ value: item.id, label: `${item.title} (${LANE_SHORT_LABELS[item.lane]})` }))}
        />
        {board.data && items.length === 0 && <p className="text-sm text-slate-600">The roadmap has no item yet: accept the request as a new item instead.</p>}
        <Actions isBusy={merge.isPending} label="Merge" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function MergeIntoRequestDialog({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const trpc = useTRPC();
  const open = useQuery(trpc.requests.list.queryOptions({ filter: 'open', limit: 200, offset: 0 }));
  const done = useDone(onClose);
  const merge = useFormMutation({
    initialValues: { intoId: '' },
    mutation: trpc.requests.mergeIntoRequest.mutationOptions(),
    toInput: (values) => ({ id: request.id, intoId: values.intoId }),
    onSuccess: (result, values) => {
      const title = open.data?.rows.find((row) => row.id === values.intoId)?.title ?? 'the request';
      return done(`Merged into “${title}”: ${result.movedVotes} ${result.movedVotes === 1 ? 'vote' : 'votes'} moved, ${result.requestVotes} in all.`);
    },
  });
  const others = (open.data?.rows ?? []).filter((row) => row.id !== request.id);

  return (
    <Dialog title="Merge into another request" isOpen onClose={onClose}>
      <form onSubmit={merge.submit} noValidate className="flex flex-col gap-4" aria-label="Merge into another request">
        <FormError {...merge.formError} />
        <Quote>{request.title}</Quote>
        <p className="text-sm text-slate-700">
          The same ask in other words: its {request.votes} {request.votes === 1 ? 'vote moves' : 'votes move'} to the request you pick, once per developer. Its
          public page then points to that request.
        </p>
        <SelectField
          label="Open request"
          {...merge.field('intoId')}
          placeholder={open.isPending ? 'Loading requests…' : 'Choose a request'}
          options={others.map((row) => ({ value: row.id, label: `${row.title} (${row.votes} ${row.votes === 1 ? 'vote' : 'votes'})` }))}
        />
        {open.data && others.length === 0 && <p className="text-sm text-slate-600">There is no other open request to merge into.</p>}
        <Actions isBusy={merge.isPending} label="Merge" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function AcceptDialog({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const trpc = useTRPC();
  const done = useDone(onClose);
  const accept = useFormMutation({
    initialValues: { title: request.title.slice(0, 120), description: request.details.slice(0, 5000), isPublic: true },
    mutation: trpc.requests.accept.mutationOptions(),
    toInput: (values) => ({ id: request.id, ...values }),
    onSuccess: () => done('Accepted: the new item is in Requested. Publish the roadmap to show it.'),
  });

  return (
    <Dialog title="Accept as a new roadmap item" isOpen onClose={onClose}>
      <form onSubmit={accept.submit} noValidate className="flex flex-col gap-4" aria-label="Accept as a new roadmap item">
        <FormError {...accept.formError} />
        <p className="text-sm text-slate-700">The item starts in “Requested — not yet prioritized” with the request’s votes. Link its pain themes in the roadmap editor.</p>
        <TextField label="Item title" {...accept.field('title')} />
        <TextAreaField
          label="Public description"
          hint="Markdown, shown on the item’s public page. Rewrite the request in the team’s words if needed."
          rows={5}
          {...accept.field('description')}
        />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={accept.values.isPublic} onChange={(event) => accept.set('isPublic', event.target.checked)} />
          Show on the public roadmap from the next publish
        </label>
        <Actions isBusy={accept.isPending} label="Accept" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function DeclineDialog({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const trpc = useTRPC();
  const done = useDone(onClose);
  const decline = useFormMutation({
    initialValues: { reason: '' },
    mutation: trpc.requests.decline.mutationOptions(),
    toInput: (values) => ({ id: request.id, reason: values.reason }),
    onSuccess: () => done('Declined. The developer reads your reason on the request’s page.'),
  });

  return (
    <Dialog title="Decline the request" isOpen onClose={onClose}>
      <form onSubmit={decline.submit} noValidate className="flex flex-col gap-4" aria-label="Decline the request">
        <FormError {...decline.formError} />
        <Quote>{request.title}</Quote>
        <TextAreaField
          label="Reason, shown publicly"
          hint="The developer and anyone with the link read it on the request’s page. Say why, and what they can do instead."
          rows={4}
          {...decline.field('reason')}
        />
        <Actions isBusy={decline.isPending} label="Decline" onClose={onClose} />
      </form>
    </Dialog>
  );
}
