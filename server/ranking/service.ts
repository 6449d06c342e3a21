// The ranked pain inventory: SQL collects the filtered rows, rankThemes() computes every number.
import type { Db } from '../db';
import * as queries from './queries';
import { rankThemes, type RankedTheme } from './rank-themes';

export async function rankInventory(db: Db, filter: queries.InventoryFilter): Promise<{ themes: RankedTheme[]; directorySize: number }> {
  const [themes, evidence, directorySize] = await Promise.all([
    queries.listRankableThemes(db, filter),
    queries.listRankingEvidence(db, filter),
    queries.countDirectory(db, filter),
  ]);
  return { themes: rankThemes({ themes, evidence, directorySize }), directorySize };
}

/**
 * The inventory's numbers for a few themes (e.g. those linked to a roadmap item), computed over
 * the whole directory with no filter: the same numbers the pain inventory shows for them.
 */
export async function getThemeNumbers(db: Db, input: { themeIds: string[] }): Promise<Map<string, RankedTheme>> {
  const { themes } = await rankInventory(db, { themeIds: input.themeIds });
  return new Map(themes.map((theme) => [theme.themeId, theme]));
}
