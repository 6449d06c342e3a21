// The ranked pain inventory: SQL filters the evidence and aggregates it per developer,
// rank-themes' rankThemeSummaries() computes every number from there, over the window the
// filter sets (or the earliest evidence to today).
import type { Db } from '../db';
import * as queries from './queries';
import { explainTheme, type ThemeExplanation } from './explain-theme';
import { rankThemeSummaries, resolveWindow, type RankedTheme, type RankingWindow } from './rank-themes';

/** Developers listed per theme in "How was this computed?" keep at most this many items each on screen. */
const EXPLAINED_ITEMS_PER_DEVELOPER = 25;

/** Today's date in UTC, the end of an unfiltered window. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The window single occurrences are spread over for this filter. */
export async function findRankingWindow(db: Db, filter: Pick<queries.InventoryFilter, 'from' | 'to'>, today: string = todayIso()): Promise<RankingWindow> {
  const earliestEvidence = filter.from ? null : await queries.findEarliestEvidenceDate(db);
  return resolveWindow({ from: filter.from, to: filter.to, earliestEvidence, today });
}

export async function rankInventory(
  db: Db,
  filter: queries.InventoryFilter,
  today: string = todayIso(),
): Promise<{ themes: RankedTheme[]; directorySize: number; window: RankingWindow }> {
  const [themes, summaries, directorySize, window] = await Promise.all([
    queries.listRankableThemes(db, filter),
    queries.summariseRanking(db, filter),
    queries.countDirectory(db, filter),
    findRankingWindow(db, filter, today),
  ]);
  return { themes: rankThemeSummaries({ themes, summaries, directorySize, windowMonths: window.months }), directorySize, window };
}

/**
 * The inventory's numbers for a few themes (e.g. those linked to a roadmap item), computed over
 * the whole directory with no filter: the same numbers the pain inventory shows for them.
 */
export async function getThemeNumbers(db: Db, input: { themeIds: string[] }): Promise<Map<string, RankedTheme>> {
  const { themes } = await rankInventory(db, { themeIds: input.themeIds });
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
