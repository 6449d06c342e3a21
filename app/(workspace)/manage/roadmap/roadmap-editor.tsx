'use client';
// The roadmap editor: five lanes of items, each showing its votes beside the pain of the themes
// it answers. Items move by drag and drop or by keyboard (the move handle: Space to pick up,
// arrows to move, Space to drop, Escape to cancel). Changes wait until "Publish".
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { RouterOutputs } from '@/server/root';
import { LANE_LABELS, LANES, moveInLanes, quarterLabel, type LaneOrder } from '@/server/roadmap/lanes';
import { Button, ButtonLink } from '@/app/_components/button';
import { Badge, PageHeader } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { formatHours } from './format';
import { ItemDialog } from './item-dialog';
import { PublishDialog } from './publish-dialog';

const DRAG_TYPE = 'application/x-frictionlog-roadmap-item';

export type Board = RouterOutputs['roadmap']['board'];
export type Item = Board['items'][number];
type Lane = Item['lane'];

function orderOf(items: Item[]): LaneOrder {
  const order = Object.fromEntries(LANES.map((lane) => [lane, [] as string[]])) as LaneOrder;
  for (const item of [...items].sort((a, b) => a.position - b.position)) order[item.lane].push(item.id);
  return order;
}

function statusOf(item: Item): { label: string; tone: 'slate' | 'amber' | 'green' } {
  if (!item.publicLane) return item.isPublic ? { label: 'Not published yet', tone: 'amber' } : { label: 'Private', tone: 'slate' };
  if (item.pendingChange?.kind === 'withdrawn') return { label: 'Leaves the public roadmap', tone: 'amber' };
  if (item.pendingChange) return { label: 'Unpublished change', tone: 'amber' };
  return { label: 'Public', tone: 'green' };
}

function ItemNumbers({ item }: { item: Item }) {
  const affected = Math.max(0, ...item.themes.map((theme) => theme.affectedDevelopers));
  return (
    <>
      <dl className="mt-2 grid grid-cols-2 gap-2 text-xs [overflow-wrap:anywhere]">
        <div className="rounded bg-slate-50 px-2 py-1">
          <dt className="text-slate-600">Votes</dt>
          <dd className="text-sm font-semibold text-slate-900">{item.votes}</dd>
        </div>
        <div className="rounded bg-slate-50 px-2 py-1">
          <dt className="text-slate-600">Pain (dev-hours/month)</dt>
          <dd className="text-sm font-semibold text-slate-900">
            {item.painScore !== null ? formatHours(item.painScore) : item.themes.length > 0 ? 'not measured' : 'no theme'}
          </dd>
        </div>
      </dl>
      {item.themes.length > 0 && (
        <p className="mt-1 text-xs text-slate-700">
          {item.themes.length === 1 ? '1 pain theme' : `${item.themes.length} pain themes`}, up to {affected} affected {affected === 1 ? 'developer' : 'developers'}
        </p>
      )}
      {item.lane === 'shipped' && (
        <Link href={`/metrics/impact/${item.id}`} className="mt-1 inline-block text-xs font-medium text-brand-700 underline">
          Before and after<span className="sr-only">: {item.title}</span>
        </Link>
      )}
    </>
  );
}

export function RoadmapEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  // Votes arrive from outside: opening the editor always asks for the latest.
  const board = useQuery({ ...trpc.roadmap.board.queryOptions(), refetchOnMount: 'always' });
  const [editing, setEditing] = useState<Item | { lane: Lane } | null>(null);
  const [isPublishing, setPublishing] = useState(false);
  const [preview, setPreview] = useState<LaneOrder | null>(null);
  const [grabbed, setGrabbed] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<{ lane: Lane; index: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lanesRef = useRef<HTMLDivElement>(null);
  // Set during dragstart without re-rendering: Chromium ends a drag whose source changes right then.
  const draggedId = useRef<string | null>(null);

  const move = useMutation(
    trpc.roadmap.move.mutationOptions({
      onError: (error) => toast(describeError(error).message, 'error'),
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.roadmap.pathKey() });
        setPreview(null);
      },
    }),
  );

  // A card that changed lane by keyboard is a new element: keep the focus on its handle.
  useEffect(() => {
    if (grabbed) lanesRef.current?.querySelector<HTMLButtonElement>(`[data-handle="${grabbed}"]`)?.focus();
  }, [grabbed, preview]);

  if (board.isPending) return <LoadingState label="Loading the roadmap…" />;
  if (board.isError) return <ErrorState message={describeError(board.error).message} onRetry={() => board.refetch()} />;

  const items = board.data.items;
  const byId = new Map(items.map((item) => [item.id, item]));
  const order = preview ?? orderOf(items);
  const locate = (current: LaneOrder, id: string) => {
    const lane = LANES.find((candidate) => current[candidate].includes(id))!;
    return { lane, index: current[lane].indexOf(id) };
  };

  function commit(id: string, lane: Lane, index: number) {
    const base = orderOf(items);
    const from = locate(base, id);
    const next = moveInLanes(base, { id, lane, index });
    const to = locate(next, id);
    if (from.lane === to.lane && from.index === to.index) {
      setPreview(null);
      return;
    }
    setPreview(next);
    move.mutate({ id, lane, index: to.index });
  }

  function onHandleKey(event: KeyboardEvent, item: Item) {
    const isPick = event.key === ' ' || event.key === 'Enter';
    if (grabbed !== item.id) {
      if (!isPick) return;
      event.preventDefault();
      const at = locate(order, item.id);
      setGrabbed(item.id);
      setPreview(order);
      setAnnouncement(`Picked up ${item.title}, position ${at.index + 1} of ${order[at.lane].length} in ${LANE_LABELS[at.lane]}. Up and down arrows move it within the lane, left and right to another lane, Space drops it, Escape cancels.`);
      return;
    }
    const at = locate(order, item.id);
    const laneIndex = LANES.indexOf(at.lane);
    let target: { lane: Lane; index: number } | null = null;
    if (event.key === 'ArrowUp') target = { lane: at.lane, index: Math.max(0, at.index - 1) };
    else if (event.key === 'ArrowDown') target = { lane: at.lane, index: at.index + 1 };
    else if (event.key === 'ArrowLeft' && laneIndex > 0) target = { lane: LANES[laneIndex - 1], index: at.index };
    else if (event.key === 'ArrowRight' && laneIndex < LANES.length - 1) target = { lane: LANES[laneIndex + 1], index: at.index };
    if (target) {
      event.preventDefault();
      const next = moveInLanes(order, { id: item.id, ...target });
      const now = locate(next, item.id);
      setPreview(next);
      setAnnouncement(`${LANE_LABELS[now.lane]}, position ${now.index + 1} of ${next[now.lane].length}.`);
    } else if (isPick) {
      event.preventDefault();
      setGrabbed(null);
      setAnnouncement(`Dropped ${item.title} in ${LANE_LABELS[at.lane]} at position ${at.index + 1}.`);
      commit(item.id, at.lane, at.index);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setGrabbed(null);
      setPreview(null);
      setAnnouncement(`Move cancelled; ${item.title} is back where it was.`);
    }
  }

  function indexAtPointer(list: HTMLElement, clientY: number) {
    const cards = [...list.querySelectorAll<HTMLElement>(':scope > [data-card]')].filter((card) => card.dataset.card !== draggedId.current);
    const index = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return clientY < box.top + box.height / 2;
    });
    return index === -1 ? cards.length : index;
  }

  function onDragOver(event: DragEvent<HTMLOListElement>, lane: Lane) {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const index = indexAtPointer(event.currentTarget, event.clientY);
    if (dropAt?.lane !== lane || dropAt.index !== index) setDropAt({ lane, index });
  }

  function onDrop(event: DragEvent<HTMLOListElement>, lane: Lane) {
    event.preventDefault();
    const id = draggedId.current ?? event.dataTransfer.getData(DRAG_TYPE);
    const index = indexAtPointer(event.currentTarget, event.clientY);
    draggedId.current = null;
    setDragging(null);
    setDropAt(null);
    if (byId.has(id)) commit(id, lane, index);
  }

  const { lastPublishedAt, lastPublishedBy, pendingChanges, isReviewOverdue } = board.data;

  return (
    <>
      <PageHeader
        title="Roadmap"
        description="What the platform team does about the pain it heard. Edit freely: developers see your changes when you publish."
        actions={
          <>
            <ButtonLink href="/roadmap" variant="secondary" target="_blank">
              Open the public roadmap
            </ButtonLink>
            {canEdit && <Button onClick={() => setEditing({ lane: 'planned' })}>New item</Button>}
          </>
        }
      />

      {isReviewOverdue && (
        <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">
            {lastPublishedAt
              ? `The public roadmap was last reviewed on ${formatDay(lastPublishedAt)}, more than a quarter ago.`
              : 'The public roadmap has never been published.'}
          </p>
          <p className="mt-1">
            Developers trust a roadmap that is kept current. Review the lanes and publish, even if nothing changed: that updates its “last updated” date.
          </p>
        </div>
      )}

      {(items.length > 0 || lastPublishedAt) && (
      <div className="mb-6 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700">
          {lastPublishedAt ? `Last published ${formatDay(lastPublishedAt)}${lastPublishedBy ? ` by ${lastPublishedBy}` : ''}.` : 'Not published yet.'}{' '}
          <strong className="font-semibold text-slate-900">
            {pendingChanges.length === 0 ? 'The public roadmap is up to date.' : `${pendingChanges.length} ${pendingChanges.length === 1 ? 'change waits' : 'changes wait'} for publishing.`}
          </strong>
        </p>
        {canEdit && (
          <Button onClick={() => setPublishing(true)} variant={pendingChanges.length > 0 ? 'primary' : 'secondary'}>
            {pendingChanges.length > 0 ? 'Review and publish' : 'Mark as reviewed'}
          </Button>
        )}
      </div>
      )}

      {items.length === 0 ? (
        <EmptyState
          title="No roadmap items yet"
          action={canEdit && <Button onClick={() => setEditing({ lane: 'planned' })}>Add the first item</Button>}
        >
          Add what the platform team will do, link each item to the pain themes it answers, and publish. Developers then see it at /roadmap, vote, and
          send requests that land in the request inbox.
        </EmptyState>
      ) : (
        <>
          {canEdit && (
            <p id="move-help" className="mb-3 text-sm text-slate-600">
              Drag a card by its handle, or focus the handle and press Space, move it with the arrow keys, and press Space again to drop it.
            </p>
          )}
          <div
            ref={lanesRef}
            role="region"
            aria-label="Roadmap lanes"
            tabIndex={0}
            // Five lanes side by side fit a 1280-pixel screen beside the sidebar; narrower, they scroll with a visible bar.
            className="flex flex-col gap-6 pb-2 md:grid md:auto-cols-[minmax(11rem,1fr)] md:grid-flow-col md:gap-3 md:overflow-x-auto"
          >
            {LANES.map((lane) => (
              <section key={lane} aria-labelledby={`lane-${lane}`} className="min-w-0">
                <h2 id={`lane-${lane}`} className="mb-2 text-sm font-semibold text-slate-900">
                  {LANE_LABELS[lane]} <span className="font-normal text-slate-600">({order[lane].length})</span>
                </h2>
                <ol
                  aria-labelledby={`lane-${lane}`}
                  onDragOver={(event) => onDragOver(event, lane)}
                  onDrop={(event) => onDrop(event, lane)}
                  className={`flex min-h-24 flex-col gap-2 rounded-lg p-2 ${dropAt?.lane === lane ? 'bg-brand-50 ring-2 ring-brand-600' : 'bg-slate-100'}`}
                >
                  {order[lane].map((id, index) => {
                    const item = byId.get(id);
                    if (!item) return null;
                    const status = statusOf(item);
                    const showMarker = dropAt?.lane === lane && dropAt.index === order[lane].filter((other) => other !== dragging).indexOf(id);
                    return [
                      showMarker && <li key={`${id}-marker`} aria-hidden className="h-1 rounded bg-brand-600" />,
                      <li
                        key={id}
                        data-card={id}
                        draggable={canEdit}
                        onDragStart={(event) => {
                          event.dataTransfer.setData(DRAG_TYPE, id);
                          event.dataTransfer.setData('text/plain', item.title);
                          event.dataTransfer.effectAllowed = 'move';
                          draggedId.current = id;
                          setTimeout(() => draggedId.current === id && setDragging(id), 0);
                        }}
                        onDragEnd={() => {
                          draggedId.current = null;
                          setDragging(null);
                          setDropAt(null);
                        }}
                        className={`rounded-md border bg-white p-3 shadow-sm ${grabbed === id ? 'border-brand-600 ring-2 ring-brand-600' : 'border-slate-200'} ${dragging === id ? 'opacity-50' : ''}`}
                      >
                        <div className="flex items-start gap-2">
                          {canEdit && (
                            <button
                              type="button"
                              data-handle={id}
                              aria-label={`Move ${item.title}`}
                              aria-describedby="move-help"
                              aria-pressed={grabbed === id}
                              onKeyDown={(event) => onHandleKey(event, item)}
                              onBlur={(event) => {
                                // Tabbing away cancels; the handle re-mounting in another lane (no related target) does not.
                                if (grabbed === id && event.relatedTarget) {
                                  setGrabbed(null);
                                  setPreview(null);
                                }
                              }}
                              className="mt-0.5 cursor-grab rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                            >
                              <span aria-hidden>⠿</span>
                            </button>
                          )}
                          <div className="min-w-0 flex-1">
                            <button type="button" onClick={() => setEditing(item)} className="text-left text-sm font-medium break-words text-slate-900 hover:underline">
                              {item.title}
                            </button>
                            <div className="mt-1 flex flex-wrap gap-1">
                              <Badge tone={status.tone}>{status.label}</Badge>
                              {item.targetQuarter && <Badge>{quarterLabel(item.targetQuarter)}</Badge>}
                            </div>
                            <ItemNumbers item={item} />
                            <span className="sr-only">
                              Position {index + 1} of {order[lane].length} in {LANE_LABELS[lane]}.
                            </span>
                          </div>
                        </div>
                      </li>,
                    ];
                  })}
                  {dropAt?.lane === lane && dropAt.index === order[lane].filter((other) => other !== dragging).length && (
                    <li aria-hidden className="h-1 rounded bg-brand-600" />
                  )}
                  {order[lane].length === 0 && !dropAt && <li className="px-2 py-4 text-center text-xs text-slate-600">Nothing here.</li>}
                </ol>
              </section>
            ))}
          </div>
        </>
      )}
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>

      {editing && (
        <ItemDialog
          key={'id' in editing ? editing.id : 'new'}
          item={'id' in editing ? editing : null}
          initialLane={editing.lane}
          isReadOnly={!canEdit}
          onClose={() => setEditing(null)}
        />
      )}
      {isPublishing && <PublishDialog changes={pendingChanges} onClose={() => setPublishing(false)} />}
    </>
  );
}
