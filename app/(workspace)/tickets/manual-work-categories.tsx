'use client';
// The ticket categories that are requests for manual work (an access grant, a database set up by
// hand…): an editor ticks them here, and their tickets count against the self-service ratio on
// the metrics page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Panel } from '@/app/_components/page-header';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

export function ManualWorkCategories({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const categories = useQuery(trpc.metrics.manualWorkCategories.queryOptions());
  const setManualWork = useMutation(
    trpc.metrics.setManualWork.mutationOptions({
      onSuccess: async (_, input) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.metrics.manualWorkCategories.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.metrics.outcomes.pathKey() }),
        ]);
        toast(input.isManualWork ? `"${input.category}" now counts as manual work` : `"${input.category}" no longer counts as manual work`);
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  return (
    <section id="manual-work" className="scroll-mt-4">
      <Panel
        title="Requests for manual work"
        description={
          <>
            Tick the categories whose tickets ask the platform team to do something by hand. Their tickets count against the{' '}
            <Link href="/metrics" className="text-brand-700 underline">self-service ratio</Link>, beside platform tasks that waited for manual approval.
          </>
        }
      >
        {categories.isPending ? (
          <LoadingState />
        ) : categories.isError ? (
          <ErrorState message={describeError(categories.error).message} onRetry={() => categories.refetch()} />
        ) : categories.data.length === 0 ? (
          <p className="text-sm text-slate-600">No ticket has a category yet: import tickets or add a category rule above.</p>
        ) : (
          <fieldset>
            <legend className="sr-only">Categories that are requests for manual work</legend>
            <ul className="grid gap-2 sm:grid-cols-2">
              {categories.data.map((row) => (
                <li key={row.category}>
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      className="h-4 w-4 rounded border-slate-400"
                      checked={row.isManualWork}
                      disabled={!canEdit || setManualWork.isPending}
                      onChange={(event) => setManualWork.mutate({ category: row.category, isManualWork: event.target.checked })}
                    />
                    <span>
                      {row.category} <span className="text-slate-600">({row.tickets} ticket{row.tickets === 1 ? '' : 's'})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </Panel>
    </section>
  );
}
