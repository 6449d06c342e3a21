'use client';
// The Category rules panel of the Tickets page: keyword and label rules that set a ticket's
// category before the export's own; adding or removing one re-categorises every ticket.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';

const recategorized = (count: number) => `${count} ticket${count === 1 ? '' : 's'} re-categorised`;

export function CategoryRules({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rules = useQuery(trpc.tickets.rules.queryOptions());
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.tickets.pathKey() });
    toast(message);
  };
  const add = useFormMutation({
    initialValues: { matchOn: 'keyword' as 'keyword' | 'label', pattern: '', category: '' },
    mutation: trpc.tickets.addRule.mutationOptions(),
    toInput: (values) => values,
    onSuccess: async (result, values): Promise<void> => {
      add.reset({ ...values, pattern: '', category: '' });
      await done(`Rule added: ${recategorized(result.recategorized)}`);
    },
  });
  const remove = useMutation(
    trpc.tickets.removeRule.mutationOptions({
      onSuccess: (result) => done(`Rule removed: ${recategorized(result.recategorized)}`),
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  return (
    <Panel title="Category rules" description="Rules come before the export's own category: the first rule that matches a ticket's title, body or labels sets its category.">
      {rules.isPending ? (
        <LoadingState />
      ) : rules.isError ? (
        <ErrorState message={describeError(rules.error).message} />
      ) : rules.data.length === 0 ? (
        <p className="text-sm text-slate-600">No rules yet: categories come from the export (component, issue type, ServiceNow category, first label).</p>
      ) : (
        <ol className="mb-4 flex flex-col gap-1 text-sm text-slate-800">
          {rules.data.map((rule) => (
            <li key={rule.id} className="flex items-center justify-between gap-2">
              <span>
                {rule.matchOn === 'keyword' ? 'Title or body contains' : 'Label is'} <strong>{rule.pattern}</strong> → {rule.category}
              </span>
              {canEdit && (
                <Button variant="ghost" size="sm" aria-label={`Remove the rule ${rule.pattern} to ${rule.category}`} onClick={() => remove.mutate({ id: rule.id })}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form onSubmit={add.submit} noValidate aria-label="Add a category rule" className="mt-3 grid gap-3 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-end">
          <SelectField
            label="Match on"
            value={add.values.matchOn}
            onChange={(event) => add.set('matchOn', event.target.value as 'keyword' | 'label')}
            options={[
              { value: 'keyword', label: 'Keyword' },
              { value: 'label', label: 'Label' },
            ]}
          />
          <TextField label={add.values.matchOn === 'keyword' ? 'Keyword' : 'Label'} {...add.field('pattern')} />
          <TextField label="Category" {...add.field('category')} />
          <Button type="submit" isBusy={add.isPending}>
            Add rule
          </Button>
          {add.error && Object.keys(add.error.fieldErrors).length === 0 && <FormError message={add.error.message} />}
        </form>
      )}
    </Panel>
  );
}
