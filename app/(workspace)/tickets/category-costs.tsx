'use client';
// Ticket time by rule, set where categories are managed: "each ticket of this category costs N
// minutes" (access requests 45). Turning tickets into evidence can then price each ticket by its
// category; changing a rule re-prices the evidence it priced (each change kept in its history).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { MAX_MINUTES_LOST } from '@/server/evidence/rules';

const repriced = (count: number) => (count === 0 ? '' : `; ${count} evidence item${count === 1 ? '' : 's'} re-priced`);

export function CategoryCosts({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const costs = useQuery(trpc.tickets.categoryCosts.queryOptions());
  const categories = useQuery(trpc.tickets.categories.queryOptions());
  // Evidence minutes may change: every number of the inventory follows.
  const refresh = () => queryClient.invalidateQueries();
  const save = useFormMutation({
    initialValues: { category: '', minutesPerTicket: '' },
    mutation: trpc.tickets.setCategoryCost.mutationOptions(),
    toInput: (values) => ({ category: values.category, minutesPerTicket: values.minutesPerTicket.trim() === '' ? Number.NaN : Number(values.minutesPerTicket) }),
    resetOnSuccess: true,
    onSuccess: async (result) => {
      await refresh();
      toast(`Each ${result.category} ticket costs ${result.minutesPerTicket} min${repriced(result.evidenceUpdated)}`);
    },
  });
  const remove = useMutation(
    trpc.tickets.removeCategoryCost.mutationOptions({
      onSuccess: async (result, variables) => {
        await refresh();
        toast(`${variables.category} tickets have no time rule${repriced(result.evidenceUpdated)}`);
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  return (
    <Panel
      title="Time per ticket, by category"
      description="How long a ticket stays open is not time lost. If you know what a kind of ticket costs the developer who asks (filling the form, chasing it, being blocked), say it here: turning tickets into evidence can then use it."
    >
      {costs.isPending ? (
        <LoadingState />
      ) : costs.isError ? (
        <ErrorState message={describeError(costs.error).message} onRetry={() => costs.refetch()} />
      ) : costs.data.length === 0 ? (
        <p className="text-sm text-slate-600">No category has a time yet: tickets become evidence with no time unless you type minutes.</p>
      ) : (
        <ul className="mb-4 flex flex-col gap-1 text-sm text-slate-800" aria-label="Time per ticket">
          {costs.data.map((cost) => (
            <li key={cost.category} className="flex items-center justify-between gap-2">
              <span>
                Each <strong>{cost.category}</strong> ticket costs <strong>{cost.minutesPerTicket} min</strong>
                <span className="text-slate-600"> · set by {cost.updatedByName ?? 'a removed user'}</span>
              </span>
              {canEdit && (
                <Button variant="ghost" size="sm" aria-label={`Remove the time of ${cost.category} tickets`} onClick={() => remove.mutate({ category: cost.category })}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={save.submit} noValidate aria-label="Set the time per ticket of a category" className="mt-3 grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
          <SelectField
            label="Category"
            placeholder={categories.isPending ? 'Loading categories…' : 'Choose a category'}
            options={(categories.data ?? []).map((category) => ({ value: category, label: category }))}
            {...save.field('category')}
          />
          <TextField
            label="Minutes per ticket"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_MINUTES_LOST}
            step={1}
            {...save.field('minutesPerTicket')}
          />
          <Button type="submit" isBusy={save.isPending}>
            Save time
          </Button>
          {save.error && Object.keys(save.error.fieldErrors).length === 0 && <FormError message={save.error.message} />}
        </form>
      )}
    </Panel>
  );
}
