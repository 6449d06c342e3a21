// What a roadmap item is: lanes, quarters, limits and messages, what a publish would change and
// when the public roadmap is overdue for a review. Pure.
import { z } from 'zod';
import type { RoadmapLane } from '@/db/types';
import { LANES, LANE_SHORT_LABELS, QUARTER } from './lanes';

export { BOARD_LANES, isVotableLane, LANE_LABELS, LANE_SHORT_LABELS, LANES, moveInLanes, quarterLabel, quarterOf, quarterOptions, type LaneOrder } from './lanes';

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

export const quarterSchema = z
  .string()
  .trim()
  .regex(QUARTER, 'Write the quarter like 2026-Q3')
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 2000 && year <= 2100;
  }, 'Choose a quarter between 2000 and 2100');

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

/** Theme links (item, theme) as theme ids per item. */
export function groupThemeLinks(links: { item_id: string; theme_id: string }[]): Map<string, string[]> {
  const byItem = new Map<string, string[]>();
  for (const link of links) byItem.set(link.item_id, [...(byItem.get(link.item_id) ?? []), link.theme_id]);
  return byItem;
}

/** Votes (and undos) per client and minute, counted by the vote procedures before their input is read. */
export const VOTE_LIMIT = { name: 'roadmap-vote', limit: 60, windowSeconds: 60 };
