'use client';
// One shadowing session. Before it starts: a button to start the timer. While it runs:
// observation mode, keyboard first (keys 1-7 capture a friction event at the current offset, then
// Enter saves an optional note, Escape skips it). Afterwards: the timeline, totals per kind,
// events to correct, notes, and words to save as evidence.
import { formatDay } from '@/app/_components/format';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { RouterOutputs } from '@/server/root';
import {
  describeFrictionEvent,
  elapsedSeconds,
  formatOffset,
  FRICTION_KEYS,
  FRICTION_KINDS,
  FRICTION_LABELS,
  parseOffset,
  type FrictionKind,
  SCENARIO_LABELS,
  SCENARIOS,
  totalsByKind,
} from '@/server/shadowing/rules';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { Markdown } from '@/app/_components/markdown';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { useCanEdit } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { ConflictNotice, SaveStatusLine } from '@/app/(workspace)/_listen/autosave-ui';
import { formatMinutes, plural } from '@/app/(workspace)/_listen/format';
import { newId } from '@/app/(workspace)/_listen/new-id';
import { ParticipantSelect } from '@/app/(workspace)/_listen/participant-select';
import { groupBySpot, SavedEvidence, type EvidenceRow } from '@/app/(workspace)/_listen/saved-evidence';
import { SaveSelectionButton, useSelectedText } from '@/app/(workspace)/_listen/selection-evidence';
import { useAutosave } from '@/app/(workspace)/_listen/use-autosave';
import { TARGET_CLASS, useHashTarget } from '@/app/(workspace)/_listen/use-hash-target';
import { KIND_STYLE } from './friction-style';
import { useEventOutbox, type OutboxEvent } from './use-event-outbox';
import { DeveloperLink } from '@/app/_components/developer-link';
import { useConfirm } from '@/app/_components/confirm-dialog';

type Session = RouterOutputs['shadowing']['get'];
type EventRow = { id: string; offset_seconds: number; kind: FrictionKind; note: string; minutes_lost: number | null; isPending?: boolean };

const KEY_OF_KIND = Object.fromEntries(Object.entries(FRICTION_KEYS).map(([key, kind]) => [kind, key])) as Record<FrictionKind, string>;

export function SessionView({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const session = useQuery(trpc.shadowing.get.queryOptions({ id }));
  const evidence = useQuery({ ...trpc.evidence.list.queryOptions({ sourceKinds: ['shadowing'], sourceId: id, limit: 500 }), placeholderData: keepPreviousData });
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.shadowing.get.queryKey({ id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.shadowing.list.queryKey() });
  }, [queryClient, trpc, id]);
  const outbox = useEventOutbox(id, refresh);
  const [evidenceSource, setEvidenceSource] = useState<EvidenceSourceRef | null>(null);
  const [isEditingDetails, setEditingDetails] = useState(false);
  const target = useHashTarget(Boolean(session.data));

  const events: EventRow[] = useMemo(() => {
    const saved: EventRow[] = session.data?.events ?? [];
    const known = new Set(saved.map((event) => event.id));
    const waiting = outbox.pendingAdds
      .filter((event) => !known.has(event.id))
      .map((event) => ({ id: event.id, offset_seconds: event.offsetSeconds, kind: event.kind, note: event.note, minutes_lost: event.minutesLost, isPending: true }));
    return [...saved, ...waiting].sort((a, b) => a.offset_seconds - b.offset_seconds);
  }, [session.data, outbox.pendingAdds]);

  const evidenceByAnchor = useMemo(() => groupBySpot(evidence.data?.rows ?? []), [evidence.data]);

  if (session.isPending) return <LoadingState label="Loading the session…" />;
  if (session.isError) {
    return (
      <>
        <PageHeader title="Shadowing session" eyebrow={<Link href="/shadowing" className="hover:underline">Shadowing</Link>} />
        <ErrorState message={describeError(session.error).message} onRetry={() => session.refetch()} />
      </>
    );
  }
  const data = session.data;
  const isRunning = Boolean(data.started_at && !data.ended_at);
  const participant = { id: data.participant_id, name: data.participant_name };
  const openEvidence = (anchor: string, label: string, excerpt: string, minutes?: number | null) =>
    setEvidenceSource({ kind: 'shadowing', id, anchor, label: `shadowing ${data.participant_name}, ${label}`, excerpt, participant, defaultMinutesLost: minutes ?? null });

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/shadowing" className="hover:underline">
            Shadowing
          </Link>
        }
        title={`Shadowing ${data.participant_name}`}
        description={
          <>
            <DeveloperLink id={data.participant_id} name={data.participant_name} /> ·{' '}
            {[
              `${SCENARIO_LABELS[data.scenario]}${data.focus ? `: ${data.focus}` : ''}`,
              data.team_name,
              formatDay(data.started_at ?? data.created_at),
              data.observer_name ? `observed by ${data.observer_name}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </>
        }
        actions={
          canEdit && (
            <>
              <Button variant="secondary" onClick={() => setEditingDetails((open) => !open)} aria-expanded={isEditingDetails}>
                Edit details
              </Button>
              <DeleteSessionButton id={id} />
            </>
          )
        }
      />
      {isEditingDetails && canEdit && (
        <div className="mb-6">
          <Panel title="Session details">
            <SessionDetailsForm session={data} onDone={() => setEditingDetails(false)} />
          </Panel>
        </div>
      )}

      {!data.started_at ? (
        <NotStarted id={id} canEdit={canEdit} onStarted={refresh} />
      ) : isRunning && canEdit ? (
        <Observation session={data} events={events} outbox={outbox} onEnded={refresh} />
      ) : null}

      {data.started_at && (
        <div className="mt-6 flex flex-col gap-6">
          <TimelinePanel session={data} events={events} isRunning={isRunning} />
          <EventsPanel
            sessionId={id}
            session={data}
            events={events}
            canEdit={canEdit}
            target={target}
            evidenceByAnchor={evidenceByAnchor}
            onSaveEvidence={openEvidence}
            onChanged={refresh}
          />
        </div>
      )}
      <div className="mt-6">
        <NotesPanel session={data} canEdit={canEdit} isTarget={target === 'notes'} evidence={evidenceByAnchor.get('notes') ?? []} onSaveEvidence={openEvidence} />
      </div>
      <SaveEvidenceDialog source={evidenceSource} onClose={() => setEvidenceSource(null)} />
    </>
  );
}

function NotStarted({ id, canEdit, onStarted }: { id: string; canEdit: boolean; onStarted: () => void }) {
  const trpc = useTRPC();
  const start = useMutation(trpc.shadowing.start.mutationOptions({ onSuccess: onStarted }));
  return (
    <Panel title="Not started yet">
      <p className="text-sm text-slate-700">
        Start the timer when the developer starts working. While it runs, press a key from 1 to 7 to capture a friction event at that
        moment, type a note if you like, and press Enter. You will not need the mouse.
      </p>
      {start.error && <p className="mt-2 text-sm text-red-700">{describeError(start.error).message}</p>}
      {canEdit && (
        <Button className="mt-4" isBusy={start.isPending} onClick={() => start.mutate({ id })}>
          Start observing
        </Button>
      )}
    </Panel>
  );
}

function useClock(isRunning: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [isRunning]);
  return now;
}

function Observation({
  session,
  events,
  outbox,
  onEnded,
}: {
  session: Session;
  events: EventRow[];
  outbox: ReturnType<typeof useEventOutbox>;
  onEnded: () => void;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const now = useClock(true);
  // The server's clock: the offsets it checks are measured on it.
  const [skew] = useState(() => session.serverNow.getTime() - Date.now());
  const startedAt = session.started_at!.getTime();
  const elapsed = Math.max(0, Math.floor((now + skew - startedAt) / 1000));
  const [captured, setCaptured] = useState<OutboxEvent | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const end = useMutation(
    trpc.shadowing.end.mutationOptions({
      onSuccess: () => {
        toast('Session ended');
        onEnded();
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );

  const capture = useCallback(
    (kind: FrictionKind) => {
      const event: OutboxEvent = {
        id: newId(),
        sessionId: session.id,
        offsetSeconds: Math.max(0, Math.floor((Date.now() + skew - startedAt) / 1000)),
        kind,
        note: '',
        minutesLost: null,
      };
      outbox.capture(event);
      setCaptured(event);
    },
    [outbox, session.id, skew, startedAt],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]') || document.querySelector('dialog[open]')) return;
      const kind = FRICTION_KEYS[event.key];
      if (!kind) return;
      event.preventDefault();
      capture(kind);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [capture]);

  const closeNote = () => {
    setCaptured(null);
    panelRef.current?.focus();
  };

  return (
    <section aria-labelledby="observing-heading" className="rounded-lg border-2 border-red-200 bg-white p-4 shadow-sm sm:p-5">
      <div ref={panelRef} tabIndex={-1} className="focus:outline-none">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <div>
            <h2 id="observing-heading" className="flex items-center gap-2 text-base font-semibold text-slate-900">
              <span aria-hidden className="size-2.5 animate-pulse rounded-full bg-red-600" />
              Observing
            </h2>
            <p role="timer" aria-label="Time since the session started" className="font-mono text-5xl font-semibold tracking-tight text-slate-900 tabular-nums">
              {formatOffset(elapsed)}
            </p>
          </div>
          <div className="flex flex-col items-end gap-2">
            <Button variant="danger" isBusy={end.isPending} onClick={() => end.mutate({ id: session.id })} disabled={outbox.pendingCount > 0 && outbox.isOffline}>
              End session
            </Button>
            <p className="text-xs text-slate-600" aria-live="polite">
              {outbox.isOffline
                ? `Offline: ${plural(outbox.pendingCount, 'capture')} kept on this device, sent when the connection returns`
                : outbox.pendingCount > 0
                  ? 'Saving captures…'
                  : `${plural(events.length, 'friction event')} captured`}
            </p>
          </div>
        </div>

        <p className="mt-4 text-sm text-slate-700">Press a key when you see friction. It is stamped with the time on the clock.</p>
        <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-7" aria-label="Capture keys">
          {FRICTION_KINDS.map((kind) => (
            <li key={kind}>
              <button
                type="button"
                onClick={() => capture(kind)}
                aria-keyshortcuts={KEY_OF_KIND[kind]}
                className={`flex w-full items-center gap-2 rounded-md px-2 py-2 text-left text-sm font-medium ${KIND_STYLE[kind].badge} hover:ring-2 hover:ring-slate-400`}
              >
                <kbd className="rounded border border-current/30 bg-white/70 px-1.5 font-mono text-xs">{KEY_OF_KIND[kind]}</kbd>
                {FRICTION_LABELS[kind]}
              </button>
            </li>
          ))}
        </ul>
      </div>

      {captured && (
        <CapturedNote
          key={captured.id}
          event={captured}
          onSave={(note, minutesLost) => {
            if (note || minutesLost !== null) outbox.change({ ...captured, note, minutesLost });
            closeNote();
          }}
          onSkip={closeNote}
        />
      )}
    </section>
  );
}

function CapturedNote({ event, onSave, onSkip }: { event: OutboxEvent; onSave: (note: string, minutesLost: number | null) => void; onSkip: () => void }) {
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState('');
  const [problem, setProblem] = useState('');
  function submit(formEvent?: FormEvent) {
    formEvent?.preventDefault();
    const value = minutes.trim() === '' ? null : Number(minutes);
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 43_200)) {
      setProblem('Minutes lost must be a number from 0 to 43,200 (a month).');
      return;
    }
    onSave(note.trim(), value);
  }
  return (
    <form
      onSubmit={submit}
      aria-label="Note for the captured event"
      className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-3"
      onKeyDown={(keyEvent) => {
        if (keyEvent.key === 'Escape') {
          keyEvent.preventDefault();
          onSkip();
        }
      }}
    >
      <p className="text-sm font-medium text-slate-900">
        Captured: {FRICTION_LABELS[event.kind]} at {formatOffset(event.offsetSeconds)}.{' '}
        <span className="font-normal text-slate-600">Add a note and press Enter, or press Escape to skip.</span>
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        {/* Opened by the key the observer just pressed: typing the note right away is the point. */}
        <TextField label="What happened" value={note} onChange={(e) => setNote(e.target.value)} autoFocus maxLength={2000} />
        <TextField label="Minutes lost" type="number" min={0} inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} error={problem || null} />
        <div className="flex gap-2">
          <Button type="submit" size="sm">
            Save note
          </Button>
          <Button size="sm" variant="ghost" onClick={onSkip}>
            Skip
          </Button>
        </div>
      </div>
    </form>
  );
}

function TimelinePanel({ session, events, isRunning }: { session: Session; events: EventRow[]; isRunning: boolean }) {
  const now = useClock(isRunning);
  const [skew] = useState(() => session.serverNow.getTime() - Date.now());
  const duration = Math.max(
    1,
    elapsedSeconds({ startedAt: session.started_at, endedAt: session.ended_at }, new Date(now + skew)) ?? 1,
    ...events.map((event) => event.offset_seconds),
  );
  const totals = totalsByKind(events);
  const totalMinutes = totals.reduce((sum, total) => sum + total.minutesLost, 0);
  return (
    <Panel
      title="Timeline"
      description={`${formatOffset(duration)} ${isRunning ? 'so far' : 'in total'} · ${plural(events.length, 'friction event')} · ${formatMinutes(totalMinutes)} lost`}
    >
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">No friction captured yet. {isRunning ? 'Press 1-7 when you see some.' : ''}</p>
      ) : (
        <>
          <div className="relative h-10 rounded-md bg-slate-100" aria-hidden>
            {events.map((event) => (
              <span
                key={event.id}
                title={`${formatOffset(event.offset_seconds)} ${FRICTION_LABELS[event.kind]}`}
                className={`absolute top-1 h-8 w-1.5 -translate-x-1/2 rounded-sm ${KIND_STYLE[event.kind].marker}`}
                style={{ left: `${Math.min(100, (event.offset_seconds / duration) * 100)}%` }}
              />
            ))}
          </div>
          <div className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden>
            <span>0:00</span>
            <span>{formatOffset(duration)}</span>
          </div>
          <div className="mt-4">
            <Table caption="Friction per kind">
              <thead>
                <tr>
                  <Th>Kind</Th>
                  <Th className="text-right">Events</Th>
                  <Th className="text-right">Minutes lost</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {totals.map((total) => (
                  <tr key={total.kind}>
                    <Td>
                      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${KIND_STYLE[total.kind].badge}`}>{total.label}</span>
                    </Td>
                    <Td className="text-right tabular-nums">{total.count}</Td>
                    <Td className="text-right tabular-nums">{total.minutesLost || '—'}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
    </Panel>
  );
}

function EventsPanel({
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
  const at = formatOffset(event.offset_seconds);
  return (
    <li id={anchor} className={`scroll-mt-6 rounded-md px-2 py-3 ${isTarget ? TARGET_CLASS : ''}`}>
      <div className="flex flex-wrap items-start gap-3">
        <span className="w-16 shrink-0 font-mono text-sm text-slate-700 tabular-nums">{at}</span>
        <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${KIND_STYLE[event.kind].badge}`}>{FRICTION_LABELS[event.kind]}</span>
        <div ref={bindContainer} className="min-w-0 flex-1 text-sm text-slate-800">
          {event.note || <span className="text-slate-600 italic">No note</span>}
          {event.minutes_lost !== null && <span className="ml-2 text-slate-600">({formatMinutes(event.minutes_lost)} lost)</span>}
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
            onSave={(excerpt) => onSaveEvidence(anchor, `${FRICTION_LABELS[event.kind].toLowerCase()} at ${at}`, excerpt, event.minutes_lost)}
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
                describeFrictionEvent({ kind: event.kind, minutesLost: event.minutes_lost }),
                event.minutes_lost,
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
  const [form, setForm] = useState({
    at: formatOffset(event.offset_seconds),
    kind: event.kind as string,
    note: event.note,
    minutes: event.minutes_lost === null ? '' : String(event.minutes_lost),
  });
  const [atProblem, setAtProblem] = useState('');
  const update = useMutation(
    trpc.shadowing.updateEvent.mutationOptions({
      onSuccess: () => {
        toast('Friction event saved');
        onDone();
      },
    }),
  );
  const error = update.error ? describeError(update.error) : null;
  function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    const offsetSeconds = parseOffset(form.at);
    if (offsetSeconds === null) {
      setAtProblem('Write the time as minutes:seconds, like 12:30, or hours:minutes:seconds.');
      return;
    }
    setAtProblem('');
    update.mutate({
      id: event.id,
      offsetSeconds,
      kind: form.kind as FrictionKind,
      note: form.note,
      minutesLost: form.minutes.trim() === '' ? null : Number(form.minutes),
    });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={`Edit the event at ${formatOffset(event.offset_seconds)}`} className="mt-3 flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <div className="grid gap-3 sm:grid-cols-[8rem_12rem_1fr_8rem]">
        <TextField label="At (m:ss)" value={form.at} onChange={(e) => setForm({ ...form, at: e.target.value })} error={atProblem || error?.fieldErrors.offsetSeconds} />
        <SelectField
          label="Kind"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
          options={FRICTION_KINDS.map((kind) => ({ value: kind, label: FRICTION_LABELS[kind] }))}
        />
        <TextField label="Note" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} error={error?.fieldErrors.note} />
        <TextField label="Minutes lost" type="number" min={0} value={form.minutes} onChange={(e) => setForm({ ...form, minutes: e.target.value })} error={error?.fieldErrors.minutesLost} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" isBusy={update.isPending}>
          Save event
        </Button>
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function NotesPanel({
  session,
  canEdit,
  isTarget,
  evidence,
  onSaveEvidence,
}: {
  session: Session;
  canEdit: boolean;
  isTarget: boolean;
  evidence: EvidenceRow[];
  onSaveEvidence: (anchor: string, label: string, excerpt: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveNotes = useMutation({ ...trpc.shadowing.saveNotes.mutationOptions(), networkMode: 'always' });
  const values = useMemo(() => ({ notes: session.notes }), [session.notes]);
  const draft = useAutosave({
    record: `shadowing:${session.id}`,
    values,
    save: async (changes) => {
      const change = changes.find((candidate) => candidate.field === 'notes')!;
      const result = await saveNotes.mutateAsync({ id: session.id, base: change.base ?? '', value: change.value ?? '' });
      queryClient.setQueryData(trpc.shadowing.get.queryKey({ id: session.id }), (old) => (old ? { ...old, notes: result.notes } : old));
      return {
        values: { notes: result.notes },
        conflicts: result.conflict ? [{ field: 'notes', label: 'the notes of this session', theirs: result.conflict.theirs }] : [],
      };
    },
  });
  const { text: selectedText, bindContainer, onSelect } = useSelectedText();
  const value = draft.valueOf('notes') ?? '';
  const conflict = draft.conflictOf('notes');
  return (
    <section id="notes" aria-labelledby="notes-heading" className={`scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${isTarget ? TARGET_CLASS : ''}`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="notes-heading" className="text-base font-semibold text-slate-900">
          Notes
        </h2>
        {canEdit && <SaveStatusLine status={draft.status} isDeviceBlocked={draft.isDeviceBlocked} />}
      </div>
      {conflict && (
        <div className="mb-3">
          <ConflictNotice conflict={conflict} onKeepMine={() => draft.keepMine('notes')} onTakeTheirs={() => draft.takeTheirs('notes')} />
        </div>
      )}
      <div ref={bindContainer}>
        {canEdit ? (
          <textarea
            aria-labelledby="notes-heading"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm leading-relaxed text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
            rows={Math.min(20, Math.max(4, value.split('\n').length + 1))}
            value={value}
            onChange={(event) => draft.setValue('notes', event.target.value)}
            onSelect={onSelect}
            placeholder="What you noticed overall: what they treat as normal, where the longest wait was, what to ask afterwards."
          />
        ) : value.trim() ? (
          <Markdown isHtmlShownAsText>{value}</Markdown>
        ) : (
          <p className="text-sm text-slate-600 italic">No notes.</p>
        )}
      </div>
      {draft.errorOf('notes') && <p className="mt-1 text-sm text-red-700">{draft.errorOf('notes')}</p>}
      {canEdit && value.trim() && (
        <div className="mt-3">
          <SaveSelectionButton text={selectedText} onSave={(excerpt) => onSaveEvidence('notes', 'notes', excerpt)} />
        </div>
      )}
      <SavedEvidence rows={evidence} className="mt-4 border-t border-slate-100 pt-3" />
    </section>
  );
}

function SessionDetailsForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const duration = session.started_at && session.ended_at ? Math.round((session.ended_at.getTime() - session.started_at.getTime()) / 60_000) : null;
  const [form, setForm] = useState({ participantId: session.participant_id, scenario: session.scenario as string, focus: session.focus, minutes: duration === null ? '' : String(duration) });
  const update = useMutation(
    trpc.shadowing.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.shadowing.pathKey() });
        toast('Session saved');
        onDone();
      },
    }),
  );
  const error = update.error ? describeError(update.error) : null;
  return (
    <form
      noValidate
      aria-label="Session details"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          id: session.id,
          participantId: form.participantId,
          scenario: form.scenario as 'other',
          focus: form.focus,
          durationMinutes: duration === null || form.minutes.trim() === '' ? null : Number(form.minutes),
        });
      }}
    >
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <ParticipantSelect value={form.participantId} onChange={(value) => setForm({ ...form, participantId: value })} error={error?.fieldErrors.participantId} />
        <SelectField
          label="Scenario"
          value={form.scenario}
          onChange={(e) => setForm({ ...form, scenario: e.target.value })}
          options={SCENARIOS.map((value) => ({ value, label: SCENARIO_LABELS[value] }))}
        />
        <TextField label="What they work on" value={form.focus} onChange={(e) => setForm({ ...form, focus: e.target.value })} error={error?.fieldErrors.focus} />
        {duration !== null && (
          <TextField
            label="Length in minutes"
            type="number"
            min={0}
            value={form.minutes}
            onChange={(e) => setForm({ ...form, minutes: e.target.value })}
            error={error?.fieldErrors.durationMinutes}
            hint="If the session was ended late."
          />
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" isBusy={update.isPending}>
          Save details
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function DeleteSessionButton({ id }: { id: string }) {
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
