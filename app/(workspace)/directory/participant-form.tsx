'use client';
// Add or edit one developer of the directory.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC, useTRPCClient } from '@/app/_trpc/client';
import { TENURE_OPTIONS } from './tenure-options';

export interface ParticipantDraft {
  id?: string;
  displayName: string;
  email: string;
  teamId: string;
  tenureBand: string;
  background: string;
}

export const EMPTY_DRAFT: ParticipantDraft = { displayName: '', email: '', teamId: '', tenureBand: '', background: '' };

export function ParticipantForm({ initial, onDone }: { initial: ParticipantDraft; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const backgrounds = useQuery(trpc.participants.backgrounds.queryOptions());
  const isEdit = Boolean(initial.id);

  const client = useTRPCClient();
  const form = useFormMutation({
    initialValues: initial,
    // One form for both: an id edits the developer, none adds one.
    mutation: {
      mutationFn: ({ id, ...values }: Parameters<typeof client.participants.create.mutate>[0] & { id?: string }) =>
        id ? client.participants.update.mutate({ ...values, id }) : client.participants.create.mutate(values),
    },
    toInput: (draft) => ({
      id: initial.id,
      displayName: draft.displayName,
      email: draft.email,
      teamId: draft.teamId || null,
      tenureBand: (draft.tenureBand || null) as '<1y' | null,
      background: draft.background,
    }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.participants.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
      toast(isEdit ? 'Developer updated' : 'Developer added');
      onDone();
    },
  });

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4" aria-label={isEdit ? 'Edit developer' : 'Add developer'}>
      <FormError {...form.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name or alias" {...form.field('displayName')} autoFocus />
        <TextField
          label="Email (optional)"
          type="email"
          {...form.field('email')}
          hint="Links tickets and invitations to this developer. Unique in the directory."
        />
        <SelectField
          label="Team"
          {...form.field('teamId')}
          placeholder="No team"
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
        <SelectField label="Tenure" {...form.field('tenureBand')} placeholder="Unknown" options={TENURE_OPTIONS} />
        <TextField
          label="Background"
          {...form.field('background')}
          list="background-suggestions"
          hint="backend, frontend, mobile, data, SRE, …"
        />
        <datalist id="background-suggestions">
          {[...new Set(['backend', 'frontend', 'mobile', 'data', 'SRE', 'QA', ...(backgrounds.data ?? [])])].map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      </div>
      <div className="flex gap-2">
        <Button type="submit" isBusy={form.isPending}>
          {isEdit ? 'Save changes' : 'Add developer'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
