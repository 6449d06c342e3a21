// The ranked pain inventory: SQL filters the evidence and sums it per developer, rankThemes'
// rankThemeSummaries() computes every number from there.
import type { Db } from '../db';
import * as queries from './queries';
import { rankThemeSummaries, type RankedTheme } from './rank-themes';

export async function rankInventory(db: Db, filter: queries.InventoryFilter): Promise<{ themes: RankedTheme[]; directorySize: number }> {
  const [themes, summaries, directorySize] = await Promise.all([
    queries.listRankableThemes(db, filter),
    queries.summariseRanking(db, filter),
    queries.countDirectory(db, filter),
  ]);
  return { themes: rankThemeSummaries({ themes, summaries, directorySize }), directorySize };
}

/**
 * The inventory's numbers for a few themes (e.g. those linked to a roadmap item), computed over
 * the whole directory with no filter: the same numbers the pain inventory shows for them.
 */
export async function getThemeNumbers(db: Db, input: { themeIds: string[] }): Promise<Map<string, RankedTheme>> {
  const { themes } = await rankInventory(db, { themeIds: input.themeIds });
  return new Map(themes.map((theme) => [theme.themeId, theme]));
}
