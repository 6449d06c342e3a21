// The pain inventory as people read it: the ranked themes with status, MVP focus, quadrant and
// strongest quotes; exports; frozen snapshots and how the ranking moved since one; read-only
// share links. Every number comes from rankInventory() (service-ranking.ts), the one ranking path.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { hashToken, newToken } from '@/server/auth/session-token';
import { attributeAnonymously } from './attribution';
import { compareRankings, snapshotRankingSchema, toSnapshotTheme, type ThemeFate } from './compare-snapshot';
import { inventoryToCsv, inventoryToMarkdown } from './inventory-export';
import { quadrantOf, quadrantSplits, sortInventory, type Inventory, type InventoryQuote, type InventoryTheme } from './inventory-model';
import {
  describeDeveloper,
  describeFilter,
  inventoryFilterSchema,
  type InventoryFilterInput,
  type InventorySort,
} from './inventory-params';
import * as rankingQueries from './queries';
import { STORED_QUOTES_PER_THEME } from './queries-figures';
import * as queries from './queries-snapshots';
import { cachedInventory } from './service-cache';
import { canUseStoredFigures, rankInventory, todayIso } from './service-ranking';

export const INVENTORY_PAGE_SIZE = 25;
const QUOTES_PER_THEME = STORED_QUOTES_PER_THEME;

/**
 * The ranked inventory without quotes: every live theme with evidence in the filter, with its
 * quadrant, sorted. Cached per day too, since an unfiltered window ends today.
 */
export function rankForInventory(db: Db, input: { filter: InventoryFilterInput; sort: InventorySort }): Promise<Inventory> {
  const today = todayIso();
  return cachedInventory(db, JSON.stringify(['inventory', input.filter, input.sort, today]), () => computeInventory(db, { ...input, today }));
}

async function computeInventory(db: Db, input: { filter: InventoryFilterInput; sort: InventorySort; today: string }): Promise<Inventory> {
  const [ranking, teamName] = await Promise.all([
    rankInventory(db, input.filter, input.today),
    input.filter.teamId ? queries.findTeamName(db, { id: input.filter.teamId }) : null,
  ]);
  const ranked = ranking.themes.filter((theme) => theme.evidenceCount > 0);
  const splits = quadrantSplits(ranked);
  const rows: InventoryTheme[] = ranked.map((theme) => ({ ...theme, quadrant: quadrantOf(theme, splits), quotes: [] }));
  return {
    filter: input.filter,
    filterLabel: describeFilter(input.filter, { teamName }),
    sort: input.sort,
    directorySize: ranking.directorySize,
    window: ranking.window,
    themes: sortInventory(rows, input.sort),
    themesWithoutEvidence: ranking.themes.length - ranked.length,
    splits,
    generatedAt: new Date(),
  };
}

/** Without a filter the quotes were chosen with the maintained figures; a filter chooses them afresh. */
function listQuotes(db: Db, input: { filter: InventoryFilterInput; themeIds: string[] }) {
  const whole = canUseStoredFigures(input.filter) && !rankingQueries.hasSegment(input.filter);
  return whole
    ? rankingQueries.listStoredQuotes(db, { themeIds: input.themeIds })
    : rankingQueries.listStrongestQuotes(db, { filter: input.filter, themeIds: input.themeIds, perTheme: QUOTES_PER_THEME });
}

/**
 * Fills in the strongest quotes of the given themes. With names (signed-in readers who asked for
 * them) the attribution is full; without, it is only as precise as at least five active
 * developers of the directory match (attribution.ts).
 */
async function attachQuotes(db: Db, inventory: Inventory, input: { themeIds: string[]; hasNames: boolean }): Promise<Inventory> {
  const [rows, directory] = await Promise.all([
    listQuotes(db, { filter: inventory.filter, themeIds: input.themeIds }),
    input.hasNames ? [] : rankingQueries.listDirectoryProfiles(db),
  ]);
  const byTheme = new Map<string, InventoryQuote[]>();
  for (const row of rows) {
    const developer = row.participant_id
      ? { background: row.participant_background, tenureBand: row.participant_tenure_band, teamName: row.team_name }
      : null;
    const list = byTheme.get(row.theme_id) ?? [];
    list.push({
      evidenceId: row.id,
      excerpt: row.excerpt,
      sourceKind: row.source_kind,
      sourcePath: row.source_path,
      observedOn: row.observed_on,
      attribution: input.hasNames ? describeDeveloper(developer) : attributeAnonymously(developer, directory),
      participantName: input.hasNames ? row.participant_name : null,
      participantId: input.hasNames ? row.participant_id : null,
      monthlyMinutes: row.monthly_minutes,
    });
    byTheme.set(row.theme_id, list);
  }
  return { ...inventory, themes: inventory.themes.map((theme) => ({ ...theme, quotes: byTheme.get(theme.themeId) ?? theme.quotes })) };
}

/** One page of the inventory page: every ranked theme (for the chart), quotes for those shown. */
export function getInventoryPage(db: Db, input: { filter: InventoryFilterInput; sort: InventorySort; page: number }) {
  return cachedInventory(db, JSON.stringify(['page', input.filter, input.sort, input.page, todayIso()]), () => computeInventoryPage(db, input));
}

async function computeInventoryPage(db: Db, input: { filter: InventoryFilterInput; sort: InventorySort; page: number }) {
  const ranked = await rankForInventory(db, input);
  const pageCount = Math.max(1, Math.ceil(ranked.themes.length / INVENTORY_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const shown = ranked.themes.slice((page - 1) * INVENTORY_PAGE_SIZE, page * INVENTORY_PAGE_SIZE);
  const themeIds = [...new Set([...shown, ...ranked.themes.filter((theme) => theme.isMvpFocus)].map((theme) => theme.themeId))];
  const inventory = await attachQuotes(db, ranked, { themeIds, hasNames: true });
  return { ...inventory, page, pageCount, pageSize: INVENTORY_PAGE_SIZE };
}

/** The whole inventory with quotes: exports and share links. */
export async function getInventoryDocument(db: Db, input: { filter: InventoryFilterInput; sort: InventorySort; hasNames: boolean }) {
  const ranked = await rankForInventory(db, input);
  return attachQuotes(db, ranked, { themeIds: ranked.themes.map((theme) => theme.themeId), hasNames: input.hasNames });
}

export async function exportInventory(
  db: Db,
  input: { filter: InventoryFilterInput; sort: InventorySort; format: 'markdown' | 'csv'; hasNames: boolean },
): Promise<{ filename: string; contentType: string; body: string }> {
  const inventory = await getInventoryDocument(db, input);
  const date = inventory.generatedAt.toISOString().slice(0, 10);
  if (input.format === 'csv') {
    return { filename: `pain-inventory-${date}.csv`, contentType: 'text/csv; charset=utf-8', body: inventoryToCsv(inventory) };
  }
  return {
    filename: `pain-inventory-${date}.md`,
    contentType: 'text/markdown; charset=utf-8',
    body: inventoryToMarkdown(inventory, { hasNames: input.hasNames }),
  };
}

// ---- Snapshots -----------------------------------------------------------------------------

/** Freezes the ranking as it is now (with this filter) under a name. Snapshots never change. */
export async function freezeSnapshot(db: Db, input: { title: string; filter: InventoryFilterInput; takenBy: string | null }) {
  const inventory = await rankForInventory(db, { filter: input.filter, sort: 'score' });
  const ranking = inventory.themes.map(toSnapshotTheme);
  return queries.insertSnapshot(db, { title: input.title, filter: input.filter, ranking, directorySize: inventory.directorySize, takenBy: input.takenBy });
}

function storedFilter(value: unknown): InventoryFilterInput {
  return inventoryFilterSchema.parse(value);
}

export async function listSnapshots(db: Db) {
  const rows = await queries.listSnapshots(db);
  const teamNames = await teamNamesOf(db, rows.map((row) => storedFilter(row.filter)));
  return rows.map(({ filter, ...row }) => {
    const parsed = storedFilter(filter);
    return { ...row, filter: parsed, filterLabel: describeFilter(parsed, { teamName: teamNames.get(parsed.teamId ?? '') }) };
  });
}

async function teamNamesOf(db: Db, filters: InventoryFilterInput[]) {
  const ids = [...new Set(filters.map((filter) => filter.teamId).filter((id): id is string => Boolean(id)))];
  return queries.listTeamNames(db, { ids });
}

/** A snapshot as frozen, and how today's ranking (same filter) moved since. */
export async function compareSnapshot(db: Db, input: { id: string }) {
  const snapshot = await queries.getSnapshot(db, input);
  if (!snapshot) throw new AppError('NOT_FOUND', 'This snapshot does not exist.');
  const filter = storedFilter(snapshot.filter);
  const then = snapshotRankingSchema.parse(snapshot.ranking);
  const now = await rankForInventory(db, { filter, sort: 'score' });
  const live = new Set(now.themes.map((theme) => theme.themeId));
  const gone = then.filter((theme) => !live.has(theme.themeId)).map((theme) => theme.themeId);
  const fates = new Map<string, ThemeFate>(
    (await queries.listThemeFates(db, { ids: gone })).map((theme) => [
      theme.id,
      { status: theme.status, mergedInto: theme.liveId && theme.liveTitle !== null ? { id: theme.liveId, title: theme.liveTitle } : null },
    ]),
  );
  return {
    id: snapshot.id,
    title: snapshot.title,
    takenAt: snapshot.takenAt,
    takenByName: snapshot.takenByName,
    filter,
    filterLabel: now.filterLabel,
    directorySizeThen: snapshot.directorySize,
    directorySizeNow: now.directorySize,
    frozen: then,
    comparison: compareRankings({ then, now: now.themes, fates }),
  };
}

// ---- Share links ---------------------------------------------------------------------------

const SHARE_PATH = '/share/inventory/';
// last_viewed_at is written at most this often, so that a busy link does not cost a write per view.
const TOUCH_EVERY_MS = 60_000;

export async function createShare(db: Db, input: { label: string; filter: InventoryFilterInput; createdBy: string | null }) {
  const token = newToken();
  const row = await queries.insertShare(db, {
    label: input.label,
    tokenHash: hashToken(token),
    tokenPrefix: token.slice(0, 6),
    filter: input.filter,
    createdBy: input.createdBy,
  });
  return { ...row, path: `${SHARE_PATH}${token}` };
}

export async function listShares(db: Db) {
  const rows = await queries.listShares(db);
  const teamNames = await teamNamesOf(db, rows.map((row) => storedFilter(row.filter)));
  return rows.map(({ filter, ...row }) => {
    const parsed = storedFilter(filter);
    return { ...row, filterLabel: describeFilter(parsed, { teamName: teamNames.get(parsed.teamId ?? '') }) };
  });
}

export async function revokeShare(db: Db, input: { id: string }) {
  if (!(await queries.revokeShare(db, input))) throw new AppError('NOT_FOUND', 'This share link does not exist or is already revoked.');
}

/** Share-link views per client and minute (sharedInventory.view's meta.rateLimit): enough to browse, not to guess links. */
export const SHARE_VIEW_LIMIT = { name: 'share-view', limit: 120, windowSeconds: 60 };

/** The inventory behind a share link, names always hidden; a revoked or unknown link is not found. */
export async function viewSharedInventory(db: Db, input: { token: string }) {
  const share = await queries.findShareByHash(db, { tokenHash: hashToken(input.token) });
  if (!share || share.revokedAt) throw new AppError('NOT_FOUND', 'This link is not valid or has been revoked.');
  if (!share.lastViewedAt || Date.now() - share.lastViewedAt.getTime() > TOUCH_EVERY_MS) await queries.touchShare(db, { id: share.id });
  const inventory = await getInventoryDocument(db, { filter: storedFilter(share.filter), sort: 'score', hasNames: false });
  return { label: share.label, inventory };
}
