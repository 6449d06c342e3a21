// The pain inventory's ranking, exactly as DESIGN.md defines it ("Ranking: frequency x severity").
// Pure: evidence rows (or their per-developer sums) in, ranked themes out. The SQL only filters
// and sums per developer, which summariseEvidence() would otherwise repeat.
//
//   affected developers  = distinct participants among a theme's evidence (unattributed evidence
//                          is counted beside, never added in)
//   reach                = affected developers / developers in the directory (or segment)
//   severity             = median over affected developers of their monthly hours lost
//                          (sum of minutes x occurrences per month; a 1-5 severity stands in for
//                          missing minutes); developers with no time data are left out
//   score                = affected developers x severity = developer-hours lost per month
//   confidence           = number of distinct source kinds; one kind is flagged
import type { EvidenceSourceKind } from '@/db/types';

/** Minutes a 1-5 severity stands for when an item has no time estimate. */
export const SEVERITY_MINUTES: Record<number, number> = { 1: 15, 2: 60, 3: 240, 4: 960, 5: 1920 };

export interface RankingEvidence {
  themeId: string;
  evidenceId: string;
  participantId: string | null;
  sourceKind: EvidenceSourceKind;
  minutesLost: number | null;
  occurrencesPerMonth: number;
  severity: number | null;
}

export interface RankingTheme {
  id: string;
  title: string;
}

export interface RankedTheme {
  rank: number;
  themeId: string;
  title: string;
  evidenceCount: number;
  affectedDevelopers: number;
  unattributedMentions: number;
  /** Share of the directory (or segment) affected, 0-1; null when the directory is empty. */
  reach: number | null;
  /** Median hours lost per affected developer per month; null when no item has time data. */
  hoursPerDeveloperPerMonth: number | null;
  /** Developer-hours lost per month; null when severity is unknown. */
  score: number | null;
  /** Developers whose items carry time data, i.e. how many values the median is taken over. */
  developersWithTimeData: number;
  sourceKinds: EvidenceSourceKind[];
  isSingleSource: boolean;
}

/** Monthly minutes one evidence item stands for, or null when it has neither minutes nor severity. */
export function monthlyMinutes(item: Pick<RankingEvidence, 'minutesLost' | 'severity' | 'occurrencesPerMonth'>): number | null {
  const perOccurrence = item.minutesLost ?? (item.severity ? SEVERITY_MINUTES[item.severity] : undefined);
  return perOccurrence === undefined ? null : perOccurrence * item.occurrencesPerMonth;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Source kinds in the order they are listed everywhere (badges, exports, the API). */
export const SOURCE_KIND_ORDER: readonly EvidenceSourceKind[] = ['interview', 'shadowing', 'ticket', 'postmortem', 'survey', 'rating', 'request'];

/**
 * What the ranking needs to know about one theme's evidence, aggregated per developer. The SQL
 * can produce it directly (see queries.ts) so that 200,000 rows need not travel to Node.js;
 * summariseEvidence() produces the same from raw rows.
 */
export interface ThemeEvidenceSummary {
  themeId: string;
  evidenceCount: number;
  unattributedMentions: number;
  /** One entry per affected developer: their monthly minutes, or null when none of their items has time data. */
  developerMinutes: (number | null)[];
  sourceKinds: EvidenceSourceKind[];
}

/** Each developer's monthly minutes over their items (null when no item has time data). */
export function minutesByDeveloper(items: RankingEvidence[]): Map<string, number | null> {
  const byDeveloper = new Map<string, number | null>();
  const seen = new Set<string>();
  for (const item of items) {
    // One evidence row can reach the function once per theme; count it once.
    if (seen.has(item.evidenceId) || !item.participantId) continue;
    seen.add(item.evidenceId);
    const minutes = monthlyMinutes(item);
    const known = byDeveloper.get(item.participantId);
    if (minutes !== null) byDeveloper.set(item.participantId, (known ?? 0) + minutes);
    else if (known === undefined) byDeveloper.set(item.participantId, null);
  }
  return byDeveloper;
}

/** Groups raw evidence rows by theme into the summaries rankThemeSummaries() ranks. */
export function summariseEvidence(evidence: RankingEvidence[]): Map<string, ThemeEvidenceSummary> {
  const byTheme = new Map<string, RankingEvidence[]>();
  for (const item of evidence) {
    const list = byTheme.get(item.themeId);
    if (list) list.push(item);
    else byTheme.set(item.themeId, [item]);
  }
  const summaries = new Map<string, ThemeEvidenceSummary>();
  for (const [themeId, items] of byTheme) {
    const ids = new Set(items.map((item) => item.evidenceId));
    const unattributed = new Set(items.filter((item) => !item.participantId).map((item) => item.evidenceId));
    const kinds = new Set(items.map((item) => item.sourceKind));
    summaries.set(themeId, {
      themeId,
      evidenceCount: ids.size,
      unattributedMentions: unattributed.size,
      developerMinutes: [...minutesByDeveloper(items).values()],
      sourceKinds: SOURCE_KIND_ORDER.filter((kind) => kinds.has(kind)),
    });
  }
  return summaries;
}

function summarise(theme: RankingTheme, summary: ThemeEvidenceSummary | undefined, directorySize: number): Omit<RankedTheme, 'rank'> {
  const developerMinutes = summary?.developerMinutes ?? [];
  const affectedDevelopers = developerMinutes.length;
  const timed = developerMinutes.filter((minutes): minutes is number => minutes !== null);
  const medianMinutes = median(timed);
  const hours = medianMinutes === null ? null : medianMinutes / 60;
  const sourceKinds = SOURCE_KIND_ORDER.filter((kind) => summary?.sourceKinds.includes(kind));
  return {
    themeId: theme.id,
    title: theme.title,
    evidenceCount: summary?.evidenceCount ?? 0,
    affectedDevelopers,
    unattributedMentions: summary?.unattributedMentions ?? 0,
    reach: directorySize > 0 ? affectedDevelopers / directorySize : null,
    hoursPerDeveloperPerMonth: hours,
    score: hours === null ? null : affectedDevelopers * hours,
    developersWithTimeData: timed.length,
    sourceKinds,
    isSingleSource: sourceKinds.length === 1,
  };
}

/**
 * Ranks themes by score, highest first. Themes with unknown severity come after every scored
 * theme, ordered by affected developers. Ties are broken by affected developers, then evidence
 * count, then title, then id, so the same rows always give the same order.
 */
export function rankThemeSummaries(input: {
  themes: RankingTheme[];
  summaries: Map<string, ThemeEvidenceSummary>;
  directorySize: number;
}): RankedTheme[] {
  const ranked = input.themes.map((theme) => summarise(theme, input.summaries.get(theme.id), input.directorySize));
  ranked.sort(
    (a, b) =>
      Number(a.score === null) - Number(b.score === null) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      b.affectedDevelopers - a.affectedDevelopers ||
      b.evidenceCount - a.evidenceCount ||
      a.title.localeCompare(b.title) ||
      (a.themeId < b.themeId ? -1 : a.themeId > b.themeId ? 1 : 0),
  );
  return ranked.map((summary, index) => ({ rank: index + 1, ...summary }));
}

/** Ranks themes from raw evidence rows: summariseEvidence() then rankThemeSummaries(). */
export function rankThemes(input: { themes: RankingTheme[]; evidence: RankingEvidence[]; directorySize: number }): RankedTheme[] {
  return rankThemeSummaries({ themes: input.themes, summaries: summariseEvidence(input.evidence), directorySize: input.directorySize });
}
