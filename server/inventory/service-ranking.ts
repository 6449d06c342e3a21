// The one ranking path: every page, export, share link, snapshot, theme page, roadmap and ticket
// figure and the REST API read rankInventory(), cached under the inventory's change log. When the
// filter has no dates and no source kinds, the maintained figures answer (queries-figures.ts: one
// folded row per theme, the median included); otherwise SQL aggregates per developer from the
// evidence. rank-themes' rankThemeSummaries() computes every number from there, over the window
// the filter sets (or the earliest evidence to today).
import type { ThemeStatus } from '@/db/types';
import type { Db } from '@/server/db';
import { explainTheme, type ThemeExplanation } from './explain-theme';
import * as queries from './queries';
import { listThemeFolds, refreshThemeFigures } from './queries-figures';
import { rankThemeSummaries, resolveWindow, type RankedTheme, type RankingWindow } from './rank-themes';
import { cachedInventory } from './service-cache';
import { summariseStoredFolds } from './stored-figures';

/** Developers listed per theme in "How was this computed?" keep at most this many items each on screen. */
const EXPLAINED_ITEMS_PER_DEVELOPER = 25;

export interface RankedInventoryTheme extends RankedTheme {
  status: ThemeStatus;
  isMvpFocus: boolean;
}

export interface Ranking {
  /** Every live theme the filter allows, ranked; themes without evidence in it come last with zeros. */
  themes: RankedInventoryTheme[];
  directorySize: number;
  window: RankingWindow;
}

/** Today's date in UTC, the end of an unfiltered window. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The window single occurrences are spread over for this filter. */
export async function findRankingWindow(db: Db, filter: Pick<queries.InventoryFilter, 'from' | 'to'>, today: string = todayIso()): Promise<RankingWindow> {
  const earliestEvidence = filter.from ? null : await queries.findEarliestEvidenceDate(db);
  return resolveWindow({ from: filter.from, to: filter.to, earliestEvidence, today });
}

/** The maintained figures hold every date and source kind: they answer any filter without those. */
export function canUseStoredFigures(filter: queries.InventoryFilter): boolean {
  return !filter.from && !filter.to && !filter.sourceKinds?.length;
}

/** The ranking for a filter, computed once per change of its inputs (and per day: the window ends today). */
export function rankInventory(db: Db, filter: queries.InventoryFilter, today: string = todayIso()): Promise<Ranking> {
  return cachedInventory(db, JSON.stringify(['ranking', filter, today]), () => computeRanking(db, { filter, today, source: 'auto' }));
}

/**
 * The ranking computed now. `source` says where the per-developer figures come from: 'auto' (the
 * maintained figures when they answer the filter), or 'evidence' (always aggregated afresh: what
 * the consistency check compares against).
 */
export async function computeRanking(db: Db, input: { filter: queries.InventoryFilter; today: string; source: 'auto' | 'evidence' }): Promise<Ranking> {
  const { filter } = input;
  const useStored = input.source === 'auto' && canUseStoredFigures(filter);
  const window = await findRankingWindow(db, filter, input.today);
  if (useStored) await refreshThemeFigures(db, { windowMonths: window.months });
  const [themes, summaries, directorySize] = await Promise.all([
    queries.listRankableThemes(db, filter),
    useStored ? listThemeFolds(db, filter, { windowMonths: window.months }).then(summariseStoredFolds) : queries.summariseRanking(db, filter),
    queries.countDirectory(db, filter),
  ]);
  const flags = new Map(themes.map((theme) => [theme.id, theme]));
  const ranked = rankThemeSummaries({ themes, summaries, directorySize, windowMonths: window.months });
  return {
    themes: ranked.map((theme) => ({ ...theme, status: flags.get(theme.themeId)!.status, isMvpFocus: flags.get(theme.themeId)!.isMvpFocus })),
    directorySize,
    window,
  };
}

/**
 * The inventory's numbers for a few themes (e.g. those linked to a roadmap item), computed over
 * the whole directory with no filter: the same numbers the pain inventory shows for them.
 */
export async function getThemeNumbers(db: Db, input: { themeIds: string[] }): Promise<Map<string, RankedTheme>> {
  if (input.themeIds.length === 0) return new Map();
  const { themes } = await rankInventory(db, { themeIds: [...new Set(input.themeIds)].sort() });
  return new Map(themes.map((theme) => [theme.themeId, theme]));
}

/**
 * "How was this computed?" for one theme within the filter: its evidence taken apart by the same
 * functions the ranking uses, over the same window and directory.
 */
export async function explainThemeRanking(db: Db, input: { themeId: string; filter: queries.InventoryFilter }, today: string = todayIso()): Promise<ThemeExplanation> {
  const [evidence, directorySize, window] = await Promise.all([
    queries.listExplainableEvidence(db, input),
    queries.countDirectory(db, input.filter),
    findRankingWindow(db, input.filter, today),
  ]);
  return explainTheme({ evidence, window, directorySize, maxItemsPerDeveloper: EXPLAINED_ITEMS_PER_DEVELOPER });
}
