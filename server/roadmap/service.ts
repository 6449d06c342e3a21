// The roadmap editor: items in lanes, their order, the pain themes they answer, and publishing.
// Edits are a working copy; publishing copies every changed item to the public roadmap in one
// transaction, writes the status history, stamps "last updated", tells the webhooks and queues
// "shipped" emails to the followers of requests that became shipped items.
import type { RoadmapLane } from '@/db/types';
import type { Db } from '@/server/db';
import { getEnv } from '@/server/env';
import { AppError } from '@/server/errors';
import { getThemeNumbers } from '@/server/inventory/service-ranking';
import { resolveThemeIds } from '@/server/themes/service';
import { queueShippedEmails } from '@/server/request-emails/service';
import { enqueueWebhookMessage } from '@/server/webhooks/service';
import * as queries from './queries';
import {
  describeChange,
  groupThemeLinks,
  isReviewOverdue,
  LANE_SHORT_LABELS,
  LANES,
  moveInLanes,
  pendingChanges,
  type LaneOrder,
  type PublishableItem,
} from './rules';
import { forgetBoardVersion } from './service-board-cache';

const ITEM_GONE = 'This roadmap item no longer exists. Reload the page.';

type ItemRow = Awaited<ReturnType<typeof queries.listItems>>[number];


function toPublishable(item: ItemRow, draftThemes: Map<string, string[]>, publicThemes: Map<string, string[]>): PublishableItem {
  return {
    id: item.id,
    isPublic: item.is_public,
    draft: {
      title: item.title,
      description: item.description,
      targetQuarter: item.target_quarter,
      lane: item.lane,
      position: item.position,
      themeIds: draftThemes.get(item.id) ?? [],
    },
    published: item.public_lane
      ? {
          title: item.public_title ?? '',
          description: item.public_description ?? '',
          targetQuarter: item.public_quarter,
          lane: item.public_lane,
          position: item.public_position ?? 0,
          themeIds: publicThemes.get(item.id) ?? [],
        }
      : null,
  };
}

export function publicItemUrl(id: string): string {
  return new URL(`/roadmap/items/${id}`, getEnv().PUBLIC_URL).toString();
}

// ---- Reading the editor's board -----------------------------------------------------------------

/** Every item with its votes beside the pain of its linked themes, and the publishing status. */
export async function getEditorBoard(db: Db, now = new Date()) {
  const [items, draftLinks, publicLinks, votes, last] = await Promise.all([
    queries.listItems(db),
    queries.listThemeLinks(db, { table: 'roadmap_item_themes' }),
    queries.listThemeLinks(db, { table: 'roadmap_item_public_themes' }),
    queries.countItemVotes(db, {}),
    queries.lastPublication(db),
  ]);
  const draftThemes = groupThemeLinks(draftLinks);
  const publicThemes = groupThemeLinks(publicLinks);
  const themeIds = [...new Set(draftLinks.map((link) => link.theme_id))];
  const [numbers, titles] = await Promise.all([getThemeNumbers(db, { themeIds }), queries.listThemeTitles(db, { ids: themeIds })]);
  const titleOf = new Map(titles.map((theme) => [theme.id, theme.title]));

  const changes = pendingChanges(items.map((item) => toPublishable(item, draftThemes, publicThemes)));
  const changeOf = new Map(changes.map((change) => [change.itemId, change]));

  return {
    items: items.map((item) => {
      const themes = (draftThemes.get(item.id) ?? []).map((themeId) => {
        const ranked = numbers.get(themeId);
        return {
          id: themeId,
          title: ranked?.title ?? titleOf.get(themeId) ?? '',
          // Archived and merged themes are not ranked; the editor says so instead of showing 0.
          isRanked: Boolean(ranked),
          affectedDevelopers: ranked?.affectedDevelopers ?? 0,
          hoursPerDeveloperPerMonth: ranked?.hoursPerDeveloperPerMonth ?? null,
          score: ranked?.score ?? null,
        };
      });
      const scores = themes.map((theme) => theme.score).filter((score): score is number => score !== null);
      const change = changeOf.get(item.id);
      return {
        id: item.id,
        title: item.title,
        description: item.description,
        internalNote: item.internal_note,
        lane: item.lane,
        position: item.position,
        targetQuarter: item.target_quarter,
        isPublic: item.is_public,
        publicLane: item.public_lane,
        firstPublishedAt: item.first_published_at,
        votes: votes.get(item.id) ?? 0,
        themes,
        /** Developer-hours lost per month across the linked themes; null when none is measured. */
        painScore: scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) : null,
        pendingChange: change ? { kind: change.kind, text: describeChange(change) } : null,
      };
    }),
    lastPublishedAt: last?.published_at ?? null,
    lastPublishedBy: last?.published_by_name ?? null,
    isReviewOverdue: isReviewOverdue({ lastPublishedAt: last?.published_at ?? null, hasItems: items.length > 0, now }),
    pendingChanges: changes.map((change) => ({ itemId: change.itemId, kind: change.kind, text: describeChange(change) })),
  };
}

export async function getItemHistory(db: Db, input: { id: string }) {
  const rows = await queries.listHistory(db, { itemId: input.id });
  return rows.map((row) => ({ id: row.id, fromLane: row.from_lane, toLane: row.to_lane, changedAt: row.changed_at }));
}

// ---- Editing --------------------------------------------------------------------------------------

export interface ItemFields {
  title: string;
  description: string;
  internalNote: string;
  targetQuarter: string | null;
  isPublic: boolean;
  themeIds: string[];
}

type NewItem = ItemFields & { lane: RoadmapLane; createdBy: string | null };

export async function createItem(db: Db, input: NewItem) {
  return db.transaction().execute((trx) => addItemToLane(trx, input));
}

/** Adds an item at the end of its lane; runs inside the caller's transaction (accepting a request uses it too). */
export async function addItemToLane(trx: Db, input: NewItem) {
  await queries.lockRoadmap(trx);
  const themeIds = await resolveThemeIds(trx, { ids: input.themeIds });
  const position = await queries.nextPosition(trx, { lane: input.lane });
  const item = await queries.insertItem(trx, { ...input, position });
  await queries.replaceThemeLinks(trx, { table: 'roadmap_item_themes', itemId: item.id, themeIds });
  return item;
}

export async function updateItem(db: Db, input: ItemFields & { id: string; lane: RoadmapLane }) {
  await db.transaction().execute(async (trx) => {
    await queries.lockRoadmap(trx);
    const item = await queries.getItem(trx, { id: input.id });
    if (!item) throw new AppError('NOT_FOUND', ITEM_GONE);
    const themeIds = await resolveThemeIds(trx, { ids: input.themeIds });
    await queries.updateItemText(trx, input);
    await queries.replaceThemeLinks(trx, { table: 'roadmap_item_themes', itemId: input.id, themeIds });
    // A new lane from the edit form puts the item at the end of that lane.
    if (item.lane !== input.lane) await reorder(trx, { id: input.id, fromLane: item.lane, lane: input.lane, index: Number.MAX_SAFE_INTEGER });
  });
}

async function reorder(db: Db, input: { id: string; fromLane: RoadmapLane; lane: RoadmapLane; index: number }) {
  const lanes = [...new Set([input.fromLane, input.lane])];
  const rows = await queries.listLanes(db, { lanes });
  const order = Object.fromEntries(LANES.map((lane) => [lane, [] as string[]])) as LaneOrder;
  for (const row of [...rows].sort((a, b) => a.position - b.position)) order[row.lane].push(row.id);
  const next = moveInLanes(order, input);
  for (const lane of lanes) await queries.writeLaneOrder(db, { lane, ids: next[lane] });
  return next[input.lane].indexOf(input.id);
}

/** Drag and drop or the keyboard: puts an item at `index` of `lane` and renumbers both lanes. */
export async function moveItem(db: Db, input: { id: string; lane: RoadmapLane; index: number }) {
  return db.transaction().execute(async (trx) => {
    await queries.lockRoadmap(trx);
    const item = await queries.getItem(trx, { id: input.id });
    if (!item) throw new AppError('NOT_FOUND', ITEM_GONE);
    const index = await reorder(trx, { id: input.id, fromLane: item.lane, lane: input.lane, index: input.index });
    return { lane: input.lane, index };
  });
}

export async function deleteItem(db: Db, input: { id: string }) {
  await db.transaction().execute(async (trx) => {
    await queries.lockRoadmap(trx);
    const item = await queries.getItem(trx, { id: input.id });
    if (!item) throw new AppError('NOT_FOUND', ITEM_GONE);
    if (item.first_published_at) {
      throw new AppError(
        'CONFLICT',
        'This item has been on the public roadmap, so developers may have its link. Move it to Declined or make it private instead: its public history stays true.',
      );
    }
    const requests = await queries.countRequestsOfItem(trx, { id: input.id });
    if (requests > 0) {
      throw new AppError('CONFLICT', `${requests === 1 ? 'A request was' : `${requests} requests were`} merged into this item; its page tells the submitters. Move it to Declined instead.`);
    }
    await queries.deleteItem(trx, input);
  });
}

// ---- Publishing -----------------------------------------------------------------------------------

/**
 * Copies every changed item to the public roadmap, records lane changes in the status history,
 * stamps "last updated" and queues the lane-change webhook. Publishing with no change is how a
 * PM records that the roadmap was reviewed and is still current.
 */
export async function publishRoadmap(db: Db, input: { publishedBy: string | null }, now = new Date()) {
  const result = await db.transaction().execute(async (trx) => {
    await queries.lockRoadmap(trx);
    const items = await queries.listItems(trx);
    const [draftLinks, publicLinks] = await Promise.all([
      queries.listThemeLinks(trx, { table: 'roadmap_item_themes' }),
      queries.listThemeLinks(trx, { table: 'roadmap_item_public_themes' }),
    ]);
    const draftThemes = groupThemeLinks(draftLinks);
    const byId = new Map(items.map((item) => [item.id, item]));
    const changes = pendingChanges(items.map((item) => toPublishable(item, draftThemes, groupThemeLinks(publicLinks))));

    for (const change of changes) {
      const item = byId.get(change.itemId)!;
      const isWithdrawn = change.kind === 'withdrawn';
      await queries.writePublicCopy(trx, {
        id: item.id,
        copy: isWithdrawn
          ? null
          : { title: item.title, description: item.description, quarter: item.target_quarter, lane: item.lane, position: item.position },
        now,
        isFirstPublish: !isWithdrawn && !item.first_published_at,
        shippedAt: !isWithdrawn && item.lane === 'shipped' ? (item.public_lane === 'shipped' && item.shipped_at ? item.shipped_at : now) : null,
      });
      await queries.replaceThemeLinks(trx, {
        table: 'roadmap_item_public_themes',
        itemId: item.id,
        themeIds: isWithdrawn ? [] : (draftThemes.get(item.id) ?? []),
      });
    }

    const laneChanges = changes.flatMap((change): { itemId: string; title: string; from: RoadmapLane | null; to: RoadmapLane }[] => {
      if (change.kind === 'added') return [{ itemId: change.itemId, title: change.title, from: null, to: change.toLane }];
      if (change.kind === 'moved') return [{ itemId: change.itemId, title: change.title, from: change.fromLane, to: change.toLane }];
      return [];
    });
    await queries.insertHistory(trx, {
      rows: laneChanges.map((change) => ({ item_id: change.itemId, from_lane: change.from, to_lane: change.to, changed_at: now, changed_by: input.publishedBy })),
    });
    await queueShippedEmails(
      trx,
      { items: laneChanges.filter((change) => change.to === 'shipped').map((change) => ({ id: change.itemId, title: change.title })) },
      now,
    );
    const publicItems = items.filter((item) => item.is_public).length;
    await queries.insertPublication(trx, { publishedAt: now, publishedBy: input.publishedBy, changes: changes.length, publicItems });
    if (laneChanges.length > 0) {
      await enqueueWebhookMessage(
        trx,
        {
          event: 'item.lane_changed',
          roadmapUrl: new URL('/roadmap', getEnv().PUBLIC_URL).toString(),
          changes: laneChanges.map((change) => ({
            title: change.title,
            url: publicItemUrl(change.itemId),
            from: change.from ? LANE_SHORT_LABELS[change.from] : null,
            to: LANE_SHORT_LABELS[change.to],
          })),
        },
        now,
      );
    }
    return { publishedAt: now, publicItems, changes: changes.map(describeChange) };
  });
  forgetBoardVersion(db);
  return result;
}
