'use client';
// Review what developers will see change, then publish.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FormError } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

export function PublishDialog({ changes, onClose }: { changes: { itemId: string; text: string }[]; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const publish = useMutation(
    trpc.roadmap.publish.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.roadmap.pathKey() });
        toast(
          result.changes.length > 0
            ? `Published: the public roadmap shows ${result.publicItems} ${result.publicItems === 1 ? 'item' : 'items'}.`
            : 'Marked as reviewed: the public roadmap shows today as its last update.',
        );
        onClose();
      },
    }),
  );
  const error = publish.error ? describeError(publish.error) : null;
  return (
    <Dialog title={changes.length > 0 ? 'Publish the roadmap' : 'Mark the roadmap as reviewed'} isOpen onClose={onClose}>
      <div className="flex flex-col gap-4 text-sm text-slate-800">
        <FormError message={error?.message} />
        {changes.length > 0 ? (
          <>
            <p>Developers will see these changes on the public roadmap, and webhooks will announce the lane changes:</p>
            <ul className="list-disc pl-5">
              {changes.map((change) => (
                <li key={change.itemId}>{change.text}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Nothing changed since the last publish. Publishing now records that you reviewed the roadmap and shows today as its last update.</p>
        )}
        <div className="flex gap-2">
          <Button onClick={() => publish.mutate()} isBusy={publish.isPending}>
            {changes.length > 0 ? 'Publish' : 'Mark as reviewed'}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
