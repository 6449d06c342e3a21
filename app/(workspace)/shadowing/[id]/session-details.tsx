'use client';
// Editing a session's details (who, scenario, focus, length once ended) and deleting the session.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { SCENARIO_LABELS, SCENARIOS, type ShadowingScenario } from '@/server/shadowing/rules';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { ParticipantSelect } from '@/app/(workspace)/_listen/participant-select';
import { useConfirm } from '@/app/_components/confirm-dialog';
import type { Session } from './session-model';

export function SessionDetailsForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const duration = session.startedAt && session.endedAt ? Math.round((session.endedAt.getTime() - session.startedAt.getTime()) / 60_000) : null;
  const form = useFormMutation({
    initialValues: { participantId: session.participantId, scenario: session.scenario as string, focus: session.focus, minutes: duration === null ? '' : String(duration) },
    mutation: trpc.shadowing.update.mutationOptions(),
    toInput: (values) => ({
      id: session.id,
      participantId: values.participantId,
      scenario: values.scenario as ShadowingScenario,
      focus: values.focus,
      durationMinutes: duration === null || values.minutes.trim() === '' ? null : Number(values.minutes),
    }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.shadowing.pathKey() });
      toast('Session saved');
      onDone();
    },
  });
  return (
    <form noValidate aria-label="Session details" className="flex flex-col gap-4" onSubmit={form.submit}>
      <FormError {...form.formError} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <ParticipantSelect value={form.values.participantId} onChange={(value) => form.set('participantId', value)} error={form.errorFor('participantId')} />
        <SelectField label="Scenario" {...form.field('scenario')} options={SCENARIOS.map((value) => ({ value, label: SCENARIO_LABELS[value] }))} />
        <TextField label="What they work on" {...form.field('focus')} />
        {duration !== null && (
          <TextField label="Length in minutes" type="number" min={0} {...form.field('minutes')} error={form.errorFor('durationMinutes')} hint="If the session was ended late." />
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" isBusy={form.isPending}>
          Save details
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function DeleteSessionButton({ id }: { id: string }) {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const remove = useMutation(
    trpc.shadowing.delete.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.shadowing.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
        toast(result.evidenceRemoved > 0 ? `Session deleted with ${result.evidenceRemoved} evidence items` : 'Session deleted');
        router.push('/shadowing');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  return (
    <>
      <Button
        variant="danger"
        isBusy={remove.isPending}
        onClick={() =>
          confirm.ask({
            title: 'Delete this shadowing session?',
            body: 'Its friction events and the evidence saved from them are deleted too. This cannot be undone.',
            confirmLabel: 'Delete session',
            onConfirm: () => remove.mutate({ id }),
          })
        }
      >
        Delete
      </Button>
      {confirm.dialog}
    </>
  );
}
