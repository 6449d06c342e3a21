'use client';
// The session's friction events: each with its note, the evidence saved from it, and (for editors)
// a form to correct its time, kind, note and minutes lost.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeFrictionEvent, formatOffset, FRICTION_KINDS, FRICTION_LABELS, parseOffset, type FrictionKind } from '@/server/shadowing/rules';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { Badge, Panel } from '@/app/_components/page-header';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatMinutes } from '@/app/(workspace)/_listen/format';
import { SavedEvidence, type EvidenceRow } from '@/app/(workspace)/_listen/saved-evidence';
import { SaveSelectionButton, useSelectedText } from '@/app/(workspace)/_listen/selection-evidence';
import { TARGET_CLASS } from '@/app/(workspace)/_listen/use-hash-target';
import { KIND_STYLE } from './friction-style';
import { useConfirm } from '@/app/_components/confirm-dialog';
import type { EventRow, Session } from './session-model';

export function EventsPanel({
  sessionId,
  session,
  events,
  canEdit,
  target,
  evidenceByAnchor,
  onSaveEvidence,
  onChanged,
}: {
  sessionId: string;
  session: Session;
  events: EventRow[];
  canEdit: boolean;
  target: string | null;
  evidenceByAnchor: Map<string, EvidenceRow[]>;
  onSaveEvidence: (anchor: string, label: string, excerpt: string, minutes?: number | null) => void;
  onChanged: () => void;
}) {
  if (events.length === 0) return null;
  return (
    <Panel title="Friction events" description={canEdit ? 'Correct a time, a kind or a note; select words of a note to save them as evidence, or save an event without a note as it is.' : undefined}>
      <ol className="flex flex-col divide-y divide-slate-100">
        {events.map((event) => (
          <EventItem
            key={event.id}
            sessionId={sessionId}
            session={session}
            event={event}
            canEdit={canEdit}
            isTarget={target === `event-${event.id}`}
            evidence={evidenceByAnchor.get(`event-${event.id}`) ?? []}
            onSaveEvidence={onSaveEvidence}
            onChanged={onChanged}
          />
        ))}
      </ol>
    </Panel>
  );
}

function EventItem({
  sessionId,
  session,
  event,
  canEdit,
  isTarget,
  evidence,
  onSaveEvidence,
  onChanged,
}: {
  sessionId: string;
  session: Session;
  event: EventRow;
  canEdit: boolean;
  isTarget: boolean;
  evidence: EvidenceRow[];
  onSaveEvidence: (anchor: string, label: string, excerpt: string, minutes?: number | null) => void;
  onChanged: () => void;
}) {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const toast = useToast();
  const { text: selectedText, bindContainer } = useSelectedText();
  const [isEditing, setEditing] = useState(false);
  const remove = useMutation(
    trpc.shadowing.deleteEvent.mutationOptions({
      onSuccess: () => {
        toast('Friction event deleted');
        onChanged();
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  const anchor = `event-${event.id}`;
  const at = formatOffset(event.offsetSeconds);
  return (
    <li id={anchor} className={`scroll-mt-6 rounded-md px-2 py-3 ${isTarget ? TARGET_CLASS : ''}`}>
      <div className="flex flex-wrap items-start gap-3">
        <span className="w-16 shrink-0 font-mono text-sm text-slate-700 tabular-nums">{at}</span>
        <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${KIND_STYLE[event.kind].badge}`}>{FRICTION_LABELS[event.kind]}</span>
        <div ref={bindContainer} className="min-w-0 flex-1 text-sm text-slate-800">
          {event.note || <span className="text-slate-600 italic">No note</span>}
          {event.minutesLost !== null && <span className="ml-2 text-slate-600">({formatMinutes(event.minutesLost)} lost)</span>}
          {event.isPending && (
            <span className="ml-2">
              <Badge tone="amber">Not saved yet</Badge>
            </span>
          )}
        </div>
        {canEdit && !event.isPending && (
          <div className="flex shrink-0 gap-1">
            <Button size="sm" variant="ghost" aria-label={`Edit the event at ${at}`} onClick={() => setEditing((open) => !open)} aria-expanded={isEditing}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete the event at ${at}`}
              onClick={() =>
                confirm.ask({
                  title: `Delete the ${FRICTION_LABELS[event.kind].toLowerCase()} at ${at}?`,
                  body: 'Evidence saved from this event is deleted with it.',
                  confirmLabel: 'Delete event',
                  onConfirm: () => remove.mutate({ id: event.id }),
                })
              }
            >
              Delete
            </Button>
          </div>
        )}
      </div>
      {canEdit && event.note && !event.isPending && (
        <div className="mt-2 pl-[4.75rem]">
          <SaveSelectionButton
            text={selectedText}
            label="Save selection as evidence"
            onSave={(excerpt) => onSaveEvidence(anchor, `${FRICTION_LABELS[event.kind].toLowerCase()} at ${at}`, excerpt, event.minutesLost)}
          />
        </div>
      )}
      {canEdit && !event.note && !event.isPending && (
        <div className="mt-2 pl-[4.75rem]">
          <Button
            size="sm"
            variant="secondary"
            aria-label={`Save as evidence: the event at ${at}`}
            onClick={() =>
              onSaveEvidence(
                anchor,
                `${FRICTION_LABELS[event.kind].toLowerCase()} at ${at}`,
                describeFrictionEvent({ kind: event.kind, minutesLost: event.minutesLost }),
                event.minutesLost,
              )
            }
          >
            Save as evidence
          </Button>
        </div>
      )}
      <SavedEvidence rows={evidence} className="mt-3 pl-[4.75rem]" />
      {confirm.dialog}
      {isEditing && <EventEditForm sessionId={sessionId} session={session} event={event} onDone={() => { setEditing(false); onChanged(); }} onCancel={() => setEditing(false)} />}
    </li>
  );
}

function EventEditForm({ event, onDone, onCancel }: { sessionId: string; session: Session; event: EventRow; onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [atProblem, setAtProblem] = useState('');
  const form = useFormMutation({
    initialValues: {
      at: formatOffset(event.offsetSeconds),
      kind: event.kind as string,
      note: event.note,
      minutes: event.minutesLost === null ? '' : String(event.minutesLost),
    },
    mutation: trpc.shadowing.updateEvent.mutationOptions(),
    toInput: (values) => ({
      id: event.id,
      // Sent only once the time reads (checked in submit below).
      offsetSeconds: parseOffset(values.at) ?? event.offsetSeconds,
      kind: values.kind as FrictionKind,
      note: values.note,
      minutesLost: values.minutes.trim() === '' ? null : Number(values.minutes),
    }),
    onSuccess: () => {
      toast('Friction event saved');
      onDone();
    },
  });
  function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    if (parseOffset(form.values.at) === null) {
      setAtProblem('Write the time as minutes:seconds, like 12:30, or hours:minutes:seconds.');
      return;
    }
    setAtProblem('');
    void form.submitWith(form.values);
  }
  return (
    <form onSubmit={submit} noValidate aria-label={`Edit the event at ${formatOffset(event.offsetSeconds)}`} className="mt-3 flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <FormError {...form.formError} />
      <div className="grid gap-3 sm:grid-cols-[8rem_12rem_1fr_8rem]">
        <TextField label="At (m:ss)" {...form.field('at')} error={atProblem || form.errorFor('offsetSeconds')} />
        <SelectField
          label="Kind"
          {...form.field('kind')}
          options={FRICTION_KINDS.map((kind) => ({ value: kind, label: FRICTION_LABELS[kind] }))}
        />
        <TextField label="Note" {...form.field('note')} />
        <TextField label="Minutes lost" type="number" min={0} {...form.field('minutes')} error={form.errorFor('minutesLost')} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" isBusy={form.isPending}>
          Save event
        </Button>
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
