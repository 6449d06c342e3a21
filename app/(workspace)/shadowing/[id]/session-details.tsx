'use client';
// Editing a session's details (who, scenario, focus, length once ended) and deleting the session.
import { useQueryClient } from '@tanstack/react-query';
import { SCENARIO_LABELS, SCENARIOS, type ShadowingScenario } from '@/server/shadowing/rules';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';
import { ParticipantSelect } from '@/app/(workspace)/_listen/participant-select';
import { ConfirmDeleteButton } from '@/app/_components/confirm-delete-button';
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
  const trpc = useTRPC();
  return (
    <ConfirmDeleteButton
      id={id}
      mutation={trpc.shadowing.delete.mutationOptions()}
      invalidate={[trpc.shadowing.pathKey(), trpc.evidence.pathKey()]}
      title="Delete this shadowing session?"
      body="Its friction events and the evidence saved from them are deleted too. This cannot be undone."
      confirmLabel="Delete session"
      doneMessage={(result) => (result.evidenceRemoved > 0 ? `Session deleted with ${result.evidenceRemoved} evidence items` : 'Session deleted')}
      redirectTo="/shadowing"
    />
  );
}
