'use client';
// The boards (categories) developers file requests under, e.g. CI/CD, environments, docs: editors
// add and remove them; the public request form offers them and the public roadmap filters by them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { useCanEdit } from '@/app/_components/session-context';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';

export function BoardsPanel() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const toast = useToast();
  const queryClient = useQueryClient();
  const boards = useQuery(trpc.requests.boards.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.requests.boards.queryKey() });
  const create = useFormMutation({
    initialValues: { name: '' },
    mutation: trpc.requests.createBoard.mutationOptions(),
    toInput: (values) => values,
    resetOnSuccess: true,
    onSuccess: async (board) => {
      await refresh();
      toast(`Board “${board.name}” added: /roadmap?board=${board.slug}`);
    },
  });
  const remove = useMutation(trpc.requests.deleteBoard.mutationOptions({ onSuccess: refresh }));
  return (
    <section aria-labelledby="boards" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="boards" className="text-base font-semibold text-slate-900">
        Boards
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The parts of the platform requests are about. Developers pick one when they ask for something, and the public roadmap can be filtered by it.
      </p>
      {boards.data && boards.data.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {boards.data.map((board) => (
            <li key={board.id} className="flex items-center gap-2 rounded-full border border-slate-300 py-1 pr-1 pl-3 text-sm text-slate-800">
              <a href={`/roadmap?board=${board.slug}`} className="hover:underline">
                {board.name}
              </a>
              <span className="text-slate-600">{`${board.openRequests} open`}</span>
              {canEdit && (
                <Button size="sm" variant="ghost" aria-label={`Remove the board ${board.name}`} onClick={() => remove.mutate({ id: board.id })}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        boards.data && <p className="mt-3 text-sm text-slate-600">No boards yet: requests are filed under none.</p>
      )}
      {remove.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {describeError(remove.error).message}
        </p>
      )}
      {canEdit && (
        <form onSubmit={create.submit} noValidate aria-label="Add a board" className="mt-4 flex flex-col gap-2">
          <FormError {...create.formError} />
          <div className="flex flex-wrap items-end gap-2">
            <TextField label="New board" hint="E.g. CI/CD, Environments, Docs." {...create.field('name')} />
            <Button type="submit" isBusy={create.isPending}>
              Add board
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
