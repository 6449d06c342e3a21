'use client';
// One interview: its details, an answer per guide question and the overall notes. Editors type
// straight into it (autosaved, kept on the device while offline, conflicts between tabs shown);
// everyone can read it rendered, select words and save them as evidence.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import type { RouterOutputs } from '@/server/root';
import { Button } from '@/app/_components/button';
import { SelectField, TextField } from '@/app/_components/field';
import { Markdown } from '@/app/_components/markdown';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { useCanEdit } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { ConflictNotice, SaveStatusLine } from '@/app/(workspace)/_listen/autosave-ui';
import { formatDay } from '@/app/_components/format';
import { ParticipantSelect } from '@/app/(workspace)/_listen/participant-select';
import { groupBySpot, SavedEvidence, type EvidenceRow } from '@/app/(workspace)/_listen/saved-evidence';
import { SaveSelectionButton, useSelectedText } from '@/app/(workspace)/_listen/selection-evidence';
import { TARGET_CLASS, useHashTarget } from '@/app/(workspace)/_listen/use-hash-target';
import { useAutosave, type FieldValues } from '@/app/(workspace)/_listen/use-autosave';
import { TENURE_LABELS } from '@/app/(workspace)/directory/tenure-options';
import { interviewEvidenceInput } from '@/app/(workspace)/interviews/inputs';
import { TranscriptPanel } from './transcript-panel';
import { DeveloperLink } from '@/app/_components/developer-link';
import { ConfirmDeleteButton } from '@/app/_components/confirm-delete-button';
import { SegmentedControl } from '@/app/_components/segmented-control';

type Interview = RouterOutputs['interviews']['get'];

function valuesOf(interview: Interview): FieldValues {
  const values: FieldValues = {
    participantId: interview.participantId,
    interviewedOn: interview.interviewedOn,
    interviewerId: interview.interviewerId,
    status: interview.status,
    notes: interview.notes,
  };
  for (const answer of interview.answers) values[`answer:${answer.position}`] = answer.body;
  return values;
}

export function InterviewView({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const interview = useQuery(trpc.interviews.get.queryOptions({ id }));
  const evidence = useQuery({ ...trpc.evidence.list.queryOptions(interviewEvidenceInput(id)), placeholderData: keepPreviousData });
  // Sent even when the browser says it is offline: the autosave handles the failure itself.
  const save = useMutation({ ...trpc.interviews.save.mutationOptions(), networkMode: 'always' });
  const values = useMemo(() => (interview.data ? valuesOf(interview.data) : undefined), [interview.data]);
  const draft = useAutosave({
    record: `interview:${id}`,
    values,
    save: async (changes) => {
      const result = await save.mutateAsync({ id, changes });
      queryClient.setQueryData(trpc.interviews.get.queryKey({ id }), result.interview);
      return { values: valuesOf(result.interview), conflicts: result.conflicts };
    },
    onSaved: () => void queryClient.invalidateQueries({ queryKey: trpc.interviews.list.queryKey() }),
  });
  const [mode, setMode] = useState<'write' | 'read' | null>(null);
  const [evidenceSource, setEvidenceSource] = useState<EvidenceSourceRef | null>(null);
  const target = useHashTarget(Boolean(interview.data) && draft.isReady);

  const byAnchor = useMemo(() => groupBySpot(evidence.data?.rows ?? []), [evidence.data]);

  const openEvidence = useCallback(
    (anchor: string, label: string, excerpt: string) => {
      const data = interview.data!;
      setEvidenceSource({
        kind: 'interview',
        id,
        anchor,
        label: `interview with ${data.participantName}, ${label}`,
        excerpt,
        participant: { id: data.participantId, name: data.participantName },
      });
    },
    [id, interview.data],
  );

  if (interview.isPending) return <LoadingState label="Loading the interview…" />;
  if (interview.isError) {
    return (
      <>
        <PageHeader title="Interview" eyebrow={<Link href="/interviews" className="hover:underline">Interviews</Link>} />
        <ErrorState message={describeError(interview.error).message} onRetry={() => interview.refetch()} />
      </>
    );
  }
  const data = interview.data;
  const status = (draft.valueOf('status') ?? data.status) as 'draft' | 'complete';
  const currentMode = !canEdit ? 'read' : (mode ?? (data.status === 'complete' ? 'read' : 'write'));
  const facts = [data.teamName ?? 'No team', data.participantTenureBand ? TENURE_LABELS[data.participantTenureBand] : null, data.participantBackground]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/interviews" className="hover:underline">
            Interviews
          </Link>
        }
        title={`Interview with ${data.participantName}`}
        description={
          <>
            <DeveloperLink id={data.participantId} name={data.participantName} /> ·{' '}
            {`${facts} · ${formatDay(draft.valueOf('interviewedOn'))}${data.interviewerName ? ` · asked by ${data.interviewerName}` : ''}${data.guideTitle ? ` · ${data.guideTitle} guide` : ''}`}
          </>
        }
        actions={
          canEdit && (
            <>
              <Button variant="secondary" onClick={() => draft.setValue('status', status === 'complete' ? 'draft' : 'complete', { isImmediate: true })}>
                {status === 'complete' ? 'Reopen as draft' : 'Mark complete'}
              </Button>
              <DeleteInterviewButton id={id} evidenceCount={evidence.data?.total ?? 0} />
            </>
          )
        }
      />

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <Badge tone={status === 'complete' ? 'green' : 'amber'}>{status === 'complete' ? 'Complete' : 'Draft'}</Badge>
          {canEdit && <SaveStatusLine status={draft.status} isDeviceBlocked={draft.isDeviceBlocked} />}
        </div>
        {canEdit && (
          <SegmentedControl
            label="How to show the answers"
            options={[
              { value: 'write', label: 'Write' },
              { value: 'read', label: 'Read' },
            ]}
            value={currentMode}
            onChange={setMode}
          />
        )}
      </div>

      {canEdit && <DetailsPanel data={data} draft={draft} />}

      <div className="mt-6 flex flex-col gap-6">
        {data.answers.map((answer) => (
          <TextSpot
            key={answer.position}
            anchor={`q-${answer.position}`}
            field={`answer:${answer.position}`}
            heading={`${answer.position}. ${answer.prompt}`}
            spotLabel={`question ${answer.position}`}
            mode={currentMode}
            isTarget={target === `q-${answer.position}`}
            draft={draft}
            canEdit={canEdit}
            evidence={byAnchor.get(`q-${answer.position}`) ?? []}
            onSaveEvidence={openEvidence}
          />
        ))}
        <TextSpot
          anchor="notes"
          field="notes"
          heading="Overall notes"
          spotLabel="overall notes"
          mode={currentMode}
          isTarget={target === 'notes'}
          draft={draft}
          canEdit={canEdit}
          evidence={byAnchor.get('notes') ?? []}
          onSaveEvidence={openEvidence}
          hint="Impressions, follow-ups, what to ask next time. Markdown works: **bold**, lists, links."
        />
        <TranscriptPanel
          interviewId={id}
          participantName={data.participantName}
          canEdit={canEdit}
          target={target}
          evidence={evidence.data?.rows ?? []}
          onSaveEvidence={openEvidence}
        />
      </div>

      <SaveEvidenceDialog source={evidenceSource} onClose={() => setEvidenceSource(null)} />
    </>
  );
}

type Draft = ReturnType<typeof useAutosave>;

function DetailsPanel({ data, draft }: { data: Interview; draft: Draft }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions());
  const set = (field: string) => (value: string) => draft.setValue(field, value || null, { isImmediate: true });
  return (
    <Panel title="Details">
      <div className="grid gap-4 sm:grid-cols-3">
        <ParticipantSelect
          value={draft.valueOf('participantId') ?? ''}
          onChange={set('participantId')}
          error={draft.errorOf('participantId')}
          extra={data.participantArchivedAt ? { id: data.participantId, name: data.participantName } : null}
        />
        <TextField
          label="Date"
          type="date"
          value={draft.valueOf('interviewedOn') ?? ''}
          onChange={(event) => event.target.value && set('interviewedOn')(event.target.value)}
          error={draft.errorOf('interviewedOn')}
        />
        <SelectField
          label="Interviewer"
          value={draft.valueOf('interviewerId') ?? ''}
          onChange={(event) => set('interviewerId')(event.target.value)}
          error={draft.errorOf('interviewerId')}
          placeholder="Nobody in particular"
          options={(members.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
        />
      </div>
      {(['participantId', 'interviewedOn', 'interviewerId'] as const).map((field) => {
        const conflict = draft.conflictOf(field);
        return conflict ? (
          <div key={field} className="mt-3">
            <ConflictNotice conflict={conflict} onKeepMine={() => draft.keepMine(field)} onTakeTheirs={() => draft.takeTheirs(field)} />
          </div>
        ) : null;
      })}
    </Panel>
  );
}

function TextSpot({
  anchor,
  field,
  heading,
  spotLabel,
  mode,
  isTarget,
  draft,
  canEdit,
  evidence,
  onSaveEvidence,
  hint,
}: {
  anchor: string;
  field: string;
  heading: string;
  spotLabel: string;
  mode: 'write' | 'read';
  isTarget: boolean;
  draft: Draft;
  canEdit: boolean;
  evidence: EvidenceRow[];
  onSaveEvidence: (anchor: string, label: string, excerpt: string) => void;
  hint?: string;
}) {
  const { text: selectedText, bindContainer, onSelect } = useSelectedText();
  const value = draft.valueOf(field) ?? '';
  const conflict = draft.conflictOf(field);
  const error = draft.errorOf(field);
  const headingId = `${anchor}-heading`;
  const lines = value.split('\n').length + Math.floor(value.length / 90);
  return (
    <section id={anchor} aria-labelledby={headingId} className={`scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${isTarget ? TARGET_CLASS : ''}`}>
      <h2 id={headingId} className="mb-3 text-base font-semibold text-slate-900">
        {heading}
      </h2>
      {conflict && (
        <div className="mb-3">
          <ConflictNotice conflict={conflict} onKeepMine={() => draft.keepMine(field)} onTakeTheirs={() => draft.takeTheirs(field)} />
        </div>
      )}
      <div ref={bindContainer}>
        {mode === 'write' && canEdit ? (
          <>
            <textarea
              aria-labelledby={headingId}
              aria-describedby={hint ? `${anchor}-hint` : undefined}
              aria-invalid={error ? true : undefined}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm leading-relaxed text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-[invalid=true]:border-red-500"
              rows={Math.min(24, Math.max(4, lines + 1))}
              value={value}
              onChange={(event) => draft.setValue(field, event.target.value)}
              onSelect={onSelect}
              placeholder="Write what they said, in their words where you can."
            />
            {hint && (
              <p id={`${anchor}-hint`} className="mt-1 text-xs text-slate-600">
                {hint}
              </p>
            )}
          </>
        ) : value.trim() ? (
          <Markdown isHtmlShownAsText>{value}</Markdown>
        ) : (
          <p className="text-sm text-slate-600 italic">No notes yet.</p>
        )}
      </div>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
      {canEdit && value.trim() && (
        <div className="mt-3">
          <SaveSelectionButton text={selectedText} onSave={(excerpt) => onSaveEvidence(anchor, spotLabel, excerpt)} />
        </div>
      )}
      <SavedEvidence rows={evidence} className="mt-4 border-t border-slate-100 pt-3" />
    </section>
  );
}

function DeleteInterviewButton({ id, evidenceCount }: { id: string; evidenceCount: number }) {
  const trpc = useTRPC();
  return (
    <ConfirmDeleteButton
      id={id}
      mutation={trpc.interviews.delete.mutationOptions()}
      invalidate={[trpc.interviews.pathKey(), trpc.evidence.pathKey()]}
      title="Delete this interview?"
      body={`${evidenceCount > 0 ? `The ${evidenceCount} evidence items saved from it go too. ` : ''}This cannot be undone.`}
      confirmLabel="Delete interview"
      doneMessage={(result) => (result.evidenceRemoved > 0 ? `Interview deleted with ${result.evidenceRemoved} evidence items` : 'Interview deleted')}
      redirectTo="/interviews"
    />
  );
}
