'use client';
// Removing an evidence item from a theme, with Undo in the toast (like a theme merge): the
// server returns the removed tag and restoreTag puts it back as it was.
import { useMutation } from '@tanstack/react-query';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

export function useUntagWithUndo({ message, onChanged }: { message: string; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const restore = useMutation(
    trpc.evidence.restoreTag.mutationOptions({
      onSuccess: async () => {
        await onChanged();
        toast('Tag put back');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  return useMutation(
    trpc.evidence.untag.mutationOptions({
      onSuccess: async ({ removed }) => {
        await onChanged();
        toast(message, 'success', removed ? { label: 'Undo', onClick: () => restore.mutate(removed) } : undefined);
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
}
