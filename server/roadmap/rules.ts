// What a roadmap item is: lanes, quarters, limits and messages, what a publish would change and
// when the public roadmap is overdue for a review. Pure.
import { z } from 'zod';
import type { RoadmapLane } from '@/db/types';

export const LANES = ['in_progress', 'planned', 'requested', 'shipped', 'declined'] as const satisfies readonly RoadmapLane[];

export const LANE_LABELS: Record<RoadmapLane, string> = {
  in_progress: 'In progress',
  planned: 'Planned',
  requested: 'Requested — not yet prioritized',
  shipped: 'Shipped',
  declined: 'Declined',
};

/** Short names for badges and history lines. */
export const LANE_SHORT_LABELS: Record<RoadmapLane, string> = {
  in_progress: 'In progress',
  planned: 'Planned',
  requested: 'Requested',
  shipped: 'Shipped',
  declined: 'Declined',
};

/** The lanes of the public board; shipped items make the changelog, declined ones stay off it. */
export const BOARD_LANES = ['in_progress', 'planned', 'requested'] as const satisfies readonly RoadmapLane[];

/** Developers vote on what is not decided yet: shipped and declined items take no votes. */
export function isVotableLane(lane: RoadmapLane | null): boolean {
  return lane === 'in_progress' || lane === 'planned' || lane === 'requested';
}

export const MAX_ITEM_TITLE = 120;
export const MAX_ITEM_DESCRIPTION = 5000;
export const MAX_INTERNAL_NOTE = 5000;
export const MAX_LINKED_THEMES = 10;

export const laneSchema = z.enum(LANES, { message: 'Choose a lane: in progress, planned, requested, shipped or declined' });

export const itemTitleSchema = z
  .string({ message: 'Give the item a title' })
  .trim()
  .min(1, 'Give the item a title, e.g. "Preview environments for every pull request"')
  .max(MAX_ITEM_TITLE, `Keep the title under ${MAX_ITEM_TITLE} characters; put details in the description`);

export const itemDescriptionSchema = z
  .string()
  .trim()
  .max(MAX_ITEM_DESCRIPTION, `Keep the description under ${MAX_ITEM_DESCRIPTION.toLocaleString('en')} characters`);

export const internalNoteSchema = z
  .string()
  .trim()
  .max(MAX_INTERNAL_NOTE, `Keep the internal note under ${MAX_INTERNAL_NOTE.toLocaleString('en')} characters`);

// ---- Quarters ----------------------------------------------------------------------------------

const QUARTER = /^(\d{4})-Q([1-4])$/;

export const quarterSchema = z
  .string()
  .trim()
  .regex(QUARTER, 'Write the quarter like 2026-Q3')
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 2000 && year <= 2100;
  }, 'Choose a quarter between 2000 and 2100');

/** 'YYYY-Qn' of a moment, in UTC. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** '2026-Q3' -> 'Q3 2026'. */
export function quarterLabel(quarter: string): string {
  const match = QUARTER.exec(quarter);
  return match ? `Q${match[2]} ${match[1]}` : quarter;
}

function shiftQuarter(quarter: string, by: number): string {
  const match = QUARTER.exec(quarter)!;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarters a target can be picked from: a couple behind (late items), several ahead. */
export function quarterOptions(now: Date, before = 2, after = 6): string[] {
  const current = quarterOf(now);
  return Array.from({ length: before + after + 1 }, (_, i) => shiftQuarter(current, i - before));
}

// ---- Review nudge ------------------------------------------------------------------------------

/** The public roadmap counts as stale when it has not been published for three months. */
export function isReviewOverdue(input: { lastPublishedAt: Date | null; hasItems: boolean; now: Date }): boolean {
  if (!input.lastPublishedAt) return input.hasItems;
  const due = new Date(input.lastPublishedAt);
  due.setUTCMonth(due.getUTCMonth() + 3);
  return due.getTime() <= input.now.getTime();
}

// ---- What a publish changes --------------------------------------------------------------------

export interface ItemCopy {
  title: string;
  description: string;
  targetQuarter: string | null;
  lane: RoadmapLane;
  position: number;
  themeIds: string[];
}

export interface PublishableItem {
  id: string;
  isPublic: boolean;
  draft: ItemCopy;
  /** null when the item is not on the public roadmap. */
  published: ItemCopy | null;
}

export type PendingChange =
  | { kind: 'added'; itemId: string; title: string; toLane: RoadmapLane }
  | { kind: 'moved'; itemId: string; title: string; fromLane: RoadmapLane; toLane: RoadmapLane }
  | { kind: 'edited'; itemId: string; title: string }
  | { kind: 'reordered'; itemId: string; title: string; lane: RoadmapLane }
  | { kind: 'withdrawn'; itemId: string; title: string };

const sameThemes = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** What publishing would change for one item, or null when the public copy is current. */
export function pendingChangeOf(item: PublishableItem): PendingChange | null {
  const { draft, published } = item;
  if (!item.isPublic) return published ? { kind: 'withdrawn', itemId: item.id, title: published.title } : null;
  if (!published) return { kind: 'added', itemId: item.id, title: draft.title, toLane: draft.lane };
  if (published.lane !== draft.lane) return { kind: 'moved', itemId: item.id, title: draft.title, fromLane: published.lane, toLane: draft.lane };
  const isEdited =
    published.title !== draft.title ||
    published.description !== draft.description ||
    published.targetQuarter !== draft.targetQuarter ||
    !sameThemes(published.themeIds, draft.themeIds);
  if (isEdited) return { kind: 'edited', itemId: item.id, title: draft.title };
  if (published.position !== draft.position) return { kind: 'reordered', itemId: item.id, title: draft.title, lane: draft.lane };
  return null;
}

export function pendingChanges(items: PublishableItem[]): PendingChange[] {
  return items.map(pendingChangeOf).filter((change): change is PendingChange => change !== null);
}

/** One line per change, for the publish dialog and the webhook message. */
export function describeChange(change: PendingChange): string {
  switch (change.kind) {
    case 'added':
      return `“${change.title}” appears in ${LANE_SHORT_LABELS[change.toLane]}`;
    case 'moved':
      return `“${change.title}” moves from ${LANE_SHORT_LABELS[change.fromLane]} to ${LANE_SHORT_LABELS[change.toLane]}`;
    case 'edited':
      return `“${change.title}” gets its new wording, quarter or pain themes`;
    case 'reordered':
      return `“${change.title}” changes place in ${LANE_SHORT_LABELS[change.lane]}`;
    case 'withdrawn':
      return `“${change.title}” leaves the public roadmap`;
  }
}

// ---- Ordering ----------------------------------------------------------------------------------

export type LaneOrder = Record<RoadmapLane, string[]>;

/**
 * Moves an item to `index` in `lane` (clamped), taking it out of wherever it was. Returns the new
 * order of every lane; positions are the indexes.
 */
export function moveInLanes(order: LaneOrder, input: { id: string; lane: RoadmapLane; index: number }): LaneOrder {
  const next = Object.fromEntries(LANES.map((lane) => [lane, order[lane].filter((id) => id !== input.id)])) as LaneOrder;
  const target = next[input.lane];
  const index = Math.max(0, Math.min(target.length, Math.trunc(input.index)));
  target.splice(index, 0, input.id);
  return next;
}

/** Theme links (item, theme) as theme ids per item. */
export function groupThemeLinks(links: { item_id: string; theme_id: string }[]): Map<string, string[]> {
  const byItem = new Map<string, string[]>();
  for (const link of links) byItem.set(link.item_id, [...(byItem.get(link.item_id) ?? []), link.theme_id]);
  return byItem;
}

/** Votes per client and minute. */
export const VOTE_LIMIT = { limit: 60, windowSeconds: 60 };
