// What the public sees of the roadmap: the board, an item's page with its status history, the
// Atom feed and the JSON API. Everything here reads the public copy written by publishing and
// the theme numbers of the pain inventory; no internal note, quote, name or email.
import type { Db } from '@/server/db';
import { getEnv } from '@/server/env';
import { AppError } from '@/server/errors';
import { getThemeNumbers } from '@/server/inventory/service-ranking';
import { buildAtomFeed } from './atom-feed';
import { assemblePublicBoard, publicThemesOf, type PublicBoard } from './public-board';
import * as queries from './queries';
import { listJoinedRequests } from './queries-requests';
import { groupThemeLinks, isVotableLane, LANE_SHORT_LABELS } from './rules';
import { publicItemUrl } from './service';

const NOT_PUBLIC = 'This roadmap item does not exist or is not on the public roadmap.';


export async function getPublicBoard(db: Db): Promise<PublicBoard> {
  const [items, links, votes, last] = await Promise.all([
    queries.listPublicItems(db),
    queries.listThemeLinks(db, { table: 'roadmap_item_public_themes' }),
    queries.countItemVotes(db, {}),
    queries.lastPublication(db),
  ]);
  const themeNumbers = await getThemeNumbers(db, { themeIds: [...new Set(links.map((link) => link.theme_id))] });
  return assemblePublicBoard({ items, themeIdsByItem: groupThemeLinks(links), themeNumbers, votes, updatedAt: last?.published_at ?? null });
}

export async function getPublicItem(db: Db, input: { id: string }) {
  const item = await queries.getPublicItem(db, input);
  if (!item || !item.public_lane) throw new AppError('NOT_FOUND', NOT_PUBLIC);
  const [links, votes, history, requests] = await Promise.all([
    queries.listThemeLinks(db, { table: 'roadmap_item_public_themes', itemIds: [item.id] }),
    queries.countVotesOf(db, { target: { kind: 'item', id: item.id } }),
    queries.listHistory(db, { itemId: item.id }),
    listJoinedRequests(db, { itemId: item.id }),
  ]);
  const themeIds = links.map((link) => link.theme_id);
  const numbers = await getThemeNumbers(db, { themeIds });
  return {
    id: item.id,
    title: item.public_title ?? '',
    description: item.public_description ?? '',
    lane: item.public_lane,
    targetQuarter: item.public_quarter,
    votes,
    isVotable: isVotableLane(item.public_lane),
    themes: publicThemesOf(themeIds, numbers),
    updatedAt: item.public_updated_at,
    history: history.map((row) => ({ fromLane: row.from_lane, toLane: row.to_lane, changedAt: row.changed_at })),
    requests,
  };
}

/** GET /api/v1/roadmap: the board with absolute links, for portals and scripts. */
export async function getRoadmapForApi(db: Db) {
  const board = await getPublicBoard(db);
  const withUrl = <T extends { id: string }>(card: T) => ({ ...card, url: publicItemUrl(card.id) });
  return {
    updatedAt: board.updatedAt?.toISOString() ?? null,
    url: new URL('/roadmap', getEnv().PUBLIC_URL).toString(),
    lanes: board.lanes.map((lane) => ({ lane: lane.lane, label: lane.label, items: lane.items.map(withUrl) })),
    shipped: board.shipped.map((quarter) => ({ quarter: quarter.quarter, label: quarter.label, items: quarter.items.map(withUrl) })),
  };
}

export async function getRoadmapFeed(db: Db, now = new Date()): Promise<string> {
  const [rows, last] = await Promise.all([queries.listRecentPublicHistory(db, { limit: 50 }), queries.lastPublication(db)]);
  const base = getEnv().PUBLIC_URL;
  return buildAtomFeed({
    title: 'Platform roadmap',
    feedUrl: new URL('/roadmap/feed.xml', base).toString(),
    pageUrl: new URL('/roadmap', base).toString(),
    updatedAt: rows[0]?.changed_at ?? last?.published_at ?? now,
    entries: rows.map((row) => ({
      id: row.id,
      itemId: row.item_id,
      title: `${row.public_title ?? ''}: ${row.from_lane ? `${LANE_SHORT_LABELS[row.from_lane]} → ` : 'now '}${LANE_SHORT_LABELS[row.to_lane]}`,
      summary: row.public_description ?? '',
      url: publicItemUrl(row.item_id),
      updatedAt: row.changed_at,
    })),
  });
}
