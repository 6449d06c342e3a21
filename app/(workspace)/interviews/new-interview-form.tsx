'use client';
// Record an interview: who, when, who asked, which guide. It opens as a draft to type into.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { todayIso } from '@/app/(workspace)/_listen/format';
import { ParticipantSelect } from '@/app/(workspace)/_listen/participant-select';

export function NewInterviewForm({ participantId = '', onCancel }: { participantId?: string; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const me = useQuery(trpc.auth.me.queryOptions());
  const members = useQuery(trpc.members.list.queryOptions());
  const guides = useQuery(trpc.interviews.guides.list.queryOptions());
  const [form, setForm] = useState({ participantId, interviewedOn: todayIso(), interviewerId: '', guideId: '' });
  const create = useMutation(
    trpc.interviews.create.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.interviews.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.coverage.pathKey() });
        router.push(`/interviews/${result.id}`);
      },
    }),
  );
  const error = create.error ? describeError(create.error) : null;
  const interviewerId = form.interviewerId || me.data?.id || '';

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      participantId: form.participantId,
      interviewedOn: form.interviewedOn,
      interviewerId: interviewerId || null,
      guideId: form.guideId || null,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Record an interview" className="flex flex-col gap-4">
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <ParticipantSelect value={form.participantId} onChange={(value) => setForm({ ...form, participantId: value })} error={error?.fieldErrors.participantId} />
        <TextField label="Date" type="date" value={form.interviewedOn} onChange={(e) => setForm({ ...form, interviewedOn: e.target.value })} error={error?.fieldErrors.interviewedOn} />
        <SelectField
          label="Interviewer"
          value={interviewerId}
          onChange={(e) => setForm({ ...form, interviewerId: e.target.value })}
          error={error?.fieldErrors.interviewerId}
          options={(members.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
        />
        <SelectField
          label="Guide"
          value={form.guideId || guides.data?.find((guide) => guide.isDefault)?.id || ''}
          onChange={(e) => setForm({ ...form, guideId: e.target.value })}
          error={error?.fieldErrors.guideId}
          options={(guides.data ?? []).map((guide) => ({ value: guide.id, label: `${guide.title} (${guide.questions.length} questions)` }))}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" isBusy={create.isPending}>
          Start the interview
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
