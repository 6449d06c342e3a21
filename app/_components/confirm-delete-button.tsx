'use client';
// "Delete" on a record's own page (an interview, a shadowing session): asks first on the kit's
// ConfirmDialog, then deletes, refreshes what showed the record, says what went (with how much
// evidence) and goes back to the list. A refusal is said in a toast and the page stays.
import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { describeError } from '@/app/_trpc/client';
import { Button } from './button';
import { useConfirm } from './confirm-dialog';
import { useToast } from './toast';

export function ConfirmDeleteButton<TData, TError>({
  id,
  mutation,
  invalidate,
  title,
  body,
  confirmLabel,
  doneMessage,
  redirectTo,
}: {
  id: string;
  /** The delete procedure's mutation options (e.g. `trpc.interviews.delete.mutationOptions()`). */
  mutation: UseMutationOptions<TData, TError, { id: string }>;
  /** The query keys refreshed, in order, before leaving the page. */
  invalidate: QueryKey[];
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** The toast after a delete, given the procedure's answer. */
  doneMessage: (data: TData) => string;
  redirectTo: string;
}) {
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const remove = useMutation({
    ...mutation,
    onSuccess: async (data) => {
      for (const queryKey of invalidate) await queryClient.invalidateQueries({ queryKey });
      toast(doneMessage(data));
      router.push(redirectTo);
    },
    onError: (error) => toast(describeError(error).message, 'error'),
  });
  return (
    <>
      <Button variant="danger" isBusy={remove.isPending} onClick={() => confirm.ask({ title, body, confirmLabel, onConfirm: () => remove.mutate({ id }) })}>
        Delete
      </Button>
      {confirm.dialog}
    </>
  );
}
