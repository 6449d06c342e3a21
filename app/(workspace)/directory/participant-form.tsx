'use client';
// Add or edit one developer of the directory.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
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
  const [draft, setDraft] = useState(initial);
  const teams = useQuery(trpc.teams.list.queryOptions());
  const backgrounds = useQuery(trpc.participants.backgrounds.queryOptions());
  const isEdit = Boolean(initial.id);

  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.participants.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
    toast(isEdit ? 'Developer updated' : 'Developer added');
    onDone();
  };
  const create = useMutation(trpc.participants.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.participants.update.mutationOptions({ onSuccess }));
  const mutation = isEdit ? update : create;
  const error = mutation.error ? describeError(mutation.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = {
      displayName: draft.displayName,
      email: draft.email,
      teamId: draft.teamId || null,
      tenureBand: (draft.tenureBand || null) as '<1y' | null,
      background: draft.background,
    };
    if (initial.id) update.mutate({ ...values, id: initial.id });
    else create.mutate(values);
  }

  const set = (key: keyof ParticipantDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={isEdit ? 'Edit developer' : 'Add developer'}>
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name or alias" value={draft.displayName} onChange={set('displayName')} error={error?.fieldErrors.displayName} autoFocus />
        <TextField
          label="Email (optional)"
          type="email"
          value={draft.email}
          onChange={set('email')}
          error={error?.fieldErrors.email}
          hint="Links tickets and invitations to this developer. Unique in the directory."
        />
        <SelectField
          label="Team"
          value={draft.teamId}
          onChange={set('teamId')}
          error={error?.fieldErrors.teamId}
          placeholder="No team"
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
        <SelectField label="Tenure" value={draft.tenureBand} onChange={set('tenureBand')} error={error?.fieldErrors.tenureBand} placeholder="Unknown" options={TENURE_OPTIONS} />
        <TextField
          label="Background"
          value={draft.background}
          onChange={set('background')}
          error={error?.fieldErrors.background}
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
        <Button type="submit" isBusy={mutation.isPending}>
          {isEdit ? 'Save changes' : 'Add developer'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
