'use client';
// Observation mode while a session runs: the clock, keys 1-7 capture a friction event at the current
// offset, then Enter saves an optional note (Escape skips it); End session stops the timer.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatOffset, FRICTION_KEYS, FRICTION_KINDS, FRICTION_LABELS, type FrictionKind } from '@/server/shadowing/rules';
import { Button } from '@/app/_components/button';
import { TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { plural } from '@/app/(workspace)/_listen/format';
import { newId } from '@/app/(workspace)/_listen/new-id';
import { KIND_STYLE } from './friction-style';
import { type useEventOutbox, type OutboxEvent } from './use-event-outbox';
import { KEY_OF_KIND, useClock, type EventRow, type Session } from './session-model';

export function Observation({
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
  const startedAt = session.startedAt!.getTime();
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

// Not useFormMutation: the note goes to the local outbox (kept offline, sent later), not to a mutation, and closes at once so the next key captures.
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
