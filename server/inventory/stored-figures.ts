// The ranking's maintained input (table theme_figures, migration 0860) turned into the summaries
// rankThemeSummaries() ranks, for the whole directory or one segment of it. Pure: rows in,
// summaries out; the SQL path (summariseRanking) gives the same summaries from the evidence.
import type { EvidenceSourceKind } from '@/db/types';
import { SOURCE_KIND_ORDER, type DeveloperSummary, type ThemeEvidenceSummary } from './rank-themes';

/** One theme's stored figures: per developer, in the same order in every array. */
export interface StoredThemeFigures {
  themeId: string;
  evidenceCount: number;
  unattributedItems: number;
  /** Source kinds of the unattributed items, as a bit mask (sourceKindMask). */
  unattributedKinds: number;
  participantIds: string[];
  items: number[];
  largestRecurring: (number | null)[];
  singleMinutes: (number | null)[];
  kinds: number[];
}

/** The bit of each source kind in a mask: 1 << its place in SOURCE_KIND_ORDER. */
export function kindsOfMask(mask: number): EvidenceSourceKind[] {
  return SOURCE_KIND_ORDER.filter((_kind, index) => (mask & (1 << index)) !== 0);
}

/**
 * The summaries of stored figures. With a segment (the ids of its developers, archived ones too)
 * only its developers count, and unattributed items drop out, as the SQL filter does.
 */
export function summariseStoredFigures(
  rows: StoredThemeFigures[],
  input: { archivedIds: ReadonlySet<string>; segmentIds: ReadonlySet<string> | null },
): Map<string, ThemeEvidenceSummary> {
  const summaries = new Map<string, ThemeEvidenceSummary>();
  for (const row of rows) {
    const developers: DeveloperSummary[] = [];
    let evidenceCount = input.segmentIds ? 0 : row.evidenceCount;
    let kinds = input.segmentIds ? 0 : row.unattributedKinds;
    row.participantIds.forEach((id, index) => {
      if (input.segmentIds && !input.segmentIds.has(id)) return;
      developers.push({ isActive: !input.archivedIds.has(id), largestRecurring: row.largestRecurring[index], singleMinutes: row.singleMinutes[index] });
      if (input.segmentIds) evidenceCount += row.items[index];
      kinds |= row.kinds[index];
    });
    if (evidenceCount === 0) continue;
    summaries.set(row.themeId, {
      themeId: row.themeId,
      evidenceCount,
      unattributedMentions: input.segmentIds ? 0 : row.unattributedItems,
      developers,
      sourceKinds: kindsOfMask(kinds),
    });
  }
  return summaries;
}
