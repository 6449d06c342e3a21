'use client';
// One shadowing session. Before it starts: a button to start the timer. While it runs:
// observation mode, keyboard first (keys 1-7 capture a friction event at the current offset, then
// Enter saves an optional note, Escape skips it). Afterwards: the timeline, totals per kind,
// events to correct, notes, and words to save as evidence. Each panel is a sibling file.
import { formatDay } from '@/app/_components/format';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import { SCENARIO_LABELS } from '@/server/shadowing/rules';
import { Button } from '@/app/_components/button';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { useCanEdit } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { groupBySpot } from '@/app/(workspace)/_listen/saved-evidence';
import { useHashTarget } from '@/app/(workspace)/_listen/use-hash-target';
import { useEventOutbox } from './use-event-outbox';
import { DeveloperLink } from '@/app/_components/developer-link';
import { EventsPanel } from './events-panel';
import { NotesPanel } from './notes-panel';
import { Observation } from './observation-panel';
import { DeleteSessionButton, SessionDetailsForm } from './session-details';
import type { EventRow } from './session-model';
import { TimelinePanel } from './timeline-panel';

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
      .map((event) => ({ id: event.id, offsetSeconds: event.offsetSeconds, kind: event.kind, note: event.note, minutesLost: event.minutesLost, isPending: true }));
    return [...saved, ...waiting].sort((a, b) => a.offsetSeconds - b.offsetSeconds);
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
  const isRunning = Boolean(data.startedAt && !data.endedAt);
  const participant = { id: data.participantId, name: data.participantName };
  const openEvidence = (anchor: string, label: string, excerpt: string, minutes?: number | null) =>
    setEvidenceSource({ kind: 'shadowing', id, anchor, label: `shadowing ${data.participantName}, ${label}`, excerpt, participant, defaultMinutesLost: minutes ?? null });

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/shadowing" className="hover:underline">
            Shadowing
          </Link>
        }
        title={`Shadowing ${data.participantName}`}
        description={
          <>
            <DeveloperLink id={data.participantId} name={data.participantName} /> ·{' '}
            {[
              `${SCENARIO_LABELS[data.scenario]}${data.focus ? `: ${data.focus}` : ''}`,
              data.teamName,
              formatDay(data.startedAt ?? data.createdAt),
              data.observerName ? `observed by ${data.observerName}` : null,
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

      {!data.startedAt ? (
        <NotStarted id={id} canEdit={canEdit} onStarted={refresh} />
      ) : isRunning && canEdit ? (
        <Observation session={data} events={events} outbox={outbox} onEnded={refresh} />
      ) : null}

      {data.startedAt && (
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
