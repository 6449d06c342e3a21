'use client';
// The triage decisions on a request: merge into an item or into another request, accept as a new
// item, decline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { LANE_SHORT_LABELS } from '@/server/roadmap/lanes';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import type { RequestRow } from './requests-inbox';

function useDone(onClose: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  return (message: string) => async () => {
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
  const [itemId, setItemId] = useState('');
  const done = useDone(onClose);
  const merge = useMutation(
    trpc.requests.merge.mutationOptions({
      onSuccess: (result, variables) => {
        const title = board.data?.items.find((item) => item.id === variables.itemId)?.title ?? 'the item';
        return done(`Merged into “${title}”: ${result.movedVotes} ${result.movedVotes === 1 ? 'vote' : 'votes'} moved, ${result.itemVotes} in all.`)();
      },
    }),
  );
  const error = merge.error ? describeError(merge.error) : null;
  const items = (board.data?.items ?? []).filter((item) => item.lane !== 'declined');

  function submit(event: FormEvent) {
    event.preventDefault();
    merge.mutate({ id: request.id, itemId });
  }

  return (
    <Dialog title="Merge into a roadmap item" isOpen onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Merge into a roadmap item">
        <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
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
                  <input type="radio" name="suggested-item" checked={itemId === item.id} onChange={() => setItemId(item.id)} />
                  {item.title} <span className="text-slate-600">({LANE_SHORT_LABELS[item.lane]})</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <SelectField
          label="Roadmap item"
          value={itemId}
          onChange={(event) => setItemId(event.target.value)}
          placeholder={board.isPending ? 'Loading items…' : 'Choose an item'}
          options={items.map((item) => ({ value: item.id, label: `${item.title} (${LANE_SHORT_LABELS[item.lane]})` }))}
          error={error?.fieldErrors.itemId}
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
  const [intoId, setIntoId] = useState('');
  const done = useDone(onClose);
  const merge = useMutation(
    trpc.requests.mergeIntoRequest.mutationOptions({
      onSuccess: (result, variables) => {
        const title = open.data?.rows.find((row) => row.id === variables.intoId)?.title ?? 'the request';
        return done(`Merged into “${title}”: ${result.movedVotes} ${result.movedVotes === 1 ? 'vote' : 'votes'} moved, ${result.requestVotes} in all.`)();
      },
    }),
  );
  const error = merge.error ? describeError(merge.error) : null;
  const others = (open.data?.rows ?? []).filter((row) => row.id !== request.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    merge.mutate({ id: request.id, intoId });
  }

  return (
    <Dialog title="Merge into another request" isOpen onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Merge into another request">
        <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
        <Quote>{request.title}</Quote>
        <p className="text-sm text-slate-700">
          The same ask in other words: its {request.votes} {request.votes === 1 ? 'vote moves' : 'votes move'} to the request you pick, once per developer. Its
          public page then points to that request.
        </p>
        <SelectField
          label="Open request"
          value={intoId}
          onChange={(event) => setIntoId(event.target.value)}
          placeholder={open.isPending ? 'Loading requests…' : 'Choose a request'}
          options={others.map((row) => ({ value: row.id, label: `${row.title} (${row.votes} ${row.votes === 1 ? 'vote' : 'votes'})` }))}
          error={error?.fieldErrors.intoId}
        />
        {open.data && others.length === 0 && <p className="text-sm text-slate-600">There is no other open request to merge into.</p>}
        <Actions isBusy={merge.isPending} label="Merge" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function AcceptDialog({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const trpc = useTRPC();
  const [title, setTitle] = useState(request.title.slice(0, 120));
  const [description, setDescription] = useState(request.details.slice(0, 5000));
  const [isPublic, setPublic] = useState(true);
  const done = useDone(onClose);
  const accept = useMutation(trpc.requests.accept.mutationOptions({ onSuccess: done('Accepted: the new item is in Requested. Publish the roadmap to show it.') }));
  const error = accept.error ? describeError(accept.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate({ id: request.id, title, description, isPublic });
  }

  return (
    <Dialog title="Accept as a new roadmap item" isOpen onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Accept as a new roadmap item">
        <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
        <p className="text-sm text-slate-700">The item starts in “Requested — not yet prioritized” with the request’s votes. Link its pain themes in the roadmap editor.</p>
        <TextField label="Item title" value={title} onChange={(event) => setTitle(event.target.value)} error={error?.fieldErrors.title} />
        <TextAreaField
          label="Public description"
          hint="Markdown, shown on the item’s public page. Rewrite the request in the team’s words if needed."
          rows={5}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={error?.fieldErrors.description}
        />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={isPublic} onChange={(event) => setPublic(event.target.checked)} />
          Show on the public roadmap from the next publish
        </label>
        <Actions isBusy={accept.isPending} label="Accept" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function DeclineDialog({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState('');
  const done = useDone(onClose);
  const decline = useMutation(trpc.requests.decline.mutationOptions({ onSuccess: done('Declined. The developer reads your reason on the request’s page.') }));
  const error = decline.error ? describeError(decline.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    decline.mutate({ id: request.id, reason });
  }

  return (
    <Dialog title="Decline the request" isOpen onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Decline the request">
        <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
        <Quote>{request.title}</Quote>
        <TextAreaField
          label="Reason, shown publicly"
          hint="The developer and anyone with the link read it on the request’s page. Say why, and what they can do instead."
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={error?.fieldErrors.reason}
        />
        <Actions isBusy={decline.isPending} label="Decline" onClose={onClose} />
      </form>
    </Dialog>
  );
}
