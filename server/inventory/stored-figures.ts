// The ranking's maintained figures (theme_figures and theme_developer_figures, migrations 0860 and
// 0930) turned into the summaries rankThemeSummaries() ranks, for the whole directory or one
// segment of it. Pure: folded rows in, summaries out; the SQL path (summariseRanking) gives the
// same summaries from the evidence.
import type { EvidenceSourceKind } from '@/db/types';
import { SOURCE_KIND_ORDER, type ThemeEvidenceSummary } from './rank-themes';

/** One theme's developers folded in SQL (queries-figures.ts), with its items and kinds. */
export interface StoredThemeFold {
  themeId: string;
  evidenceCount: number;
  unattributedItems: number;
  /** Source kinds as a bit mask (sourceKindMask). */
  kinds: number;
  developers: number;
  activeDevelopers: number;
  /** Developers with time data: how many values the median is taken over. */
  timedDevelopers: number;
  /** The sorted monthly minutes at positions (n + 1) / 2 and n / 2 + 1 (integer division): equal when n is odd. */
  medianLow: number | null;
  medianHigh: number | null;
}

/** The bit of each source kind in a mask: 1 << its place in SOURCE_KIND_ORDER. */
export function kindsOfMask(mask: number): EvidenceSourceKind[] {
  return SOURCE_KIND_ORDER.filter((_kind, index) => (mask & (1 << index)) !== 0);
}

/** The median from the middle values, as median() in rank-themes.ts computes it from all of them. */
export function medianOfMiddle(count: number, low: number | null, high: number | null): number | null {
  if (count === 0 || low === null || high === null) return null;
  return count % 2 === 1 ? low : (low + high) / 2;
}

/** The summaries of folded rows; a theme with no items (e.g. none in the segment) has none. */
export function summariseStoredFolds(rows: StoredThemeFold[]): Map<string, ThemeEvidenceSummary> {
  const summaries = new Map<string, ThemeEvidenceSummary>();
  for (const row of rows) {
    if (row.evidenceCount === 0) continue;
    summaries.set(row.themeId, {
      themeId: row.themeId,
      evidenceCount: row.evidenceCount,
      unattributedMentions: row.unattributedItems,
      sourceKinds: kindsOfMask(row.kinds),
      fold: {
        affectedDevelopers: row.developers,
        activeAffectedDevelopers: row.activeDevelopers,
        developersWithTimeData: row.timedDevelopers,
        medianMinutes: medianOfMiddle(row.timedDevelopers, row.medianLow, row.medianHigh),
      },
    });
  }
  return summaries;
}
