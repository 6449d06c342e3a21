'use client';
// Record an interview: who, when, who asked, which guide. It opens as a draft to type into.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';
import { todayIso } from '@/app/(workspace)/_listen/format';
import { ParticipantSelect } from '@/app/(workspace)/_listen/participant-select';

export function NewInterviewForm({ participantId = '', onCancel }: { participantId?: string; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const me = useQuery(trpc.auth.me.queryOptions());
  const members = useQuery(trpc.members.list.queryOptions());
  const guides = useQuery(trpc.interviews.guides.list.queryOptions());
  const form = useFormMutation({
    initialValues: { participantId, interviewedOn: todayIso(), interviewerId: '', guideId: '' },
    mutation: trpc.interviews.create.mutationOptions(),
    toInput: (values) => ({
      participantId: values.participantId,
      interviewedOn: values.interviewedOn,
      interviewerId: (values.interviewerId || me.data?.id || '') || null,
      guideId: values.guideId || null,
    }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.interviews.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.coverage.pathKey() });
      router.push(`/interviews/${result.id}`);
    },
  });
  const interviewerId = form.values.interviewerId || me.data?.id || '';

  return (
    <form onSubmit={form.submit} noValidate aria-label="Record an interview" className="flex flex-col gap-4">
      <FormError {...form.formError} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <ParticipantSelect value={form.values.participantId} onChange={(value) => form.set('participantId', value)} error={form.errorFor('participantId')} />
        <TextField label="Date" type="date" {...form.field('interviewedOn')} />
        <SelectField
          label="Interviewer"
          {...form.field('interviewerId')}
          value={interviewerId}
          options={(members.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
        />
        <SelectField
          label="Guide"
          {...form.field('guideId')}
          value={form.values.guideId || guides.data?.find((guide) => guide.isDefault)?.id || ''}
          options={(guides.data ?? []).map((guide) => ({ value: guide.id, label: `${guide.title} (${guide.questions.length} questions)` }))}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" isBusy={form.isPending}>
          Start the interview
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
