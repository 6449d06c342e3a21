// The pain inventory's ranking, exactly as DESIGN.md defines it ("Ranking: frequency x severity").
// Pure: evidence rows (or their per-developer aggregates) in, ranked themes out. The SQL only
// filters and aggregates per developer, which summariseEvidence() would otherwise repeat.
//
//   affected developers  = distinct participants among a theme's evidence (unattributed evidence
//                          is counted beside, never added in)
//   reach                = active affected developers / active developers in the directory (or
//                          segment), so it never exceeds 100%
//   a developer's monthly minutes
//                        = the larger of their largest recurring estimate (minutes x occurrences
//                          per month) and their single occurrences' minutes spread over the window
//                          (days / 30.44, never less than one month); a 1-5 severity stands in for
//                          missing minutes
//   severity             = median of the affected developers' monthly minutes, over those with
//                          time data, in hours
//   score                = affected developers x severity = developer-hours lost per month
//   confidence           = number of distinct source kinds; one kind is flagged
import type { EvidenceKind, EvidenceSourceKind } from '@/db/types';

/** Minutes a 1-5 severity stands for when an item has no time estimate. */
export const SEVERITY_MINUTES: Record<number, number> = { 1: 15, 2: 60, 3: 240, 4: 960, 5: 1920 };

/** The average month, in days: a window's length in months is its days / 30.44. */
export const DAYS_PER_MONTH = 30.44;

export interface RankingEvidence {
  themeId: string;
  evidenceId: string;
  participantId: string | null;
  /** False for an archived developer: their evidence counts for the theme, not for reach. */
  isParticipantActive: boolean;
  sourceKind: EvidenceSourceKind;
  kind: EvidenceKind;
  minutesLost: number | null;
  /** A recurring item's rate; a single item stores 1 and has no rate of its own. */
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
  /** Share of the active directory (or segment) affected, 0-1; null when the directory is empty. */
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

/** Minutes one occurrence of an item costs: its minutes, else its severity's minutes, else null. */
export function minutesPerOccurrence(item: Pick<RankingEvidence, 'minutesLost' | 'severity'>): number | null {
  if (item.minutesLost !== null) return item.minutesLost;
  return item.severity ? (SEVERITY_MINUTES[item.severity] ?? null) : null;
}

/**
 * An item's own figure: a recurring item's monthly minutes (minutes x occurrences per month), a
 * single item's minutes (its stored rate is 1); null with neither minutes nor severity.
 */
export function monthlyMinutes(item: Pick<RankingEvidence, 'minutesLost' | 'severity' | 'occurrencesPerMonth'>): number | null {
  const perOccurrence = minutesPerOccurrence(item);
  return perOccurrence === null ? null : perOccurrence * item.occurrencesPerMonth;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Source kinds in the order they are listed everywhere (badges, exports, the API). */
export const SOURCE_KIND_ORDER: readonly EvidenceSourceKind[] = ['interview', 'shadowing', 'ticket', 'postmortem', 'survey', 'rating', 'request'];

// ---- The window -----------------------------------------------------------------------------

/** The date window single occurrences are spread over: both ends included. */
export interface RankingWindow {
  from: string;
  to: string;
  /** Days / 30.44, never less than 1. */
  months: number;
}

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** A window's length in months: its days (both ends included) / 30.44, never less than one. */
export function windowMonthsBetween(from: string, to: string): number {
  const days = dayNumber(to) - dayNumber(from) + 1;
  return Math.max(1, days / DAYS_PER_MONTH);
}

/**
 * The inventory's window: its date filter; without one, from the earliest evidence in the
 * workspace (or today, with none) to today.
 */
export function resolveWindow(input: { from?: string; to?: string; earliestEvidence: string | null; today: string }): RankingWindow {
  const from = input.from ?? input.earliestEvidence ?? input.today;
  const to = input.to ?? input.today;
  return { from, to, months: windowMonthsBetween(from, to) };
}

// ---- One developer --------------------------------------------------------------------------

/** What the SQL (or aggregateDevelopers) gathers per developer of a theme. */
export interface DeveloperTime {
  /** Monthly minutes of their largest recurring estimate; null when none has time data. */
  largestRecurring: number | null;
  /** Minutes of their single occurrences added up; null when none has time data. */
  singleMinutes: number | null;
}

export interface DeveloperSummary extends DeveloperTime {
  isActive: boolean;
}

/** Which of the two figures counted for a developer. */
export type LargerFigure = 'recurring' | 'single' | 'equal';

export interface DeveloperMonthlyMinutes extends DeveloperTime {
  /** singleMinutes / window months. */
  singlePerMonth: number | null;
  /** The value that counts: the larger of largestRecurring and singlePerMonth; null without time data. */
  monthlyMinutes: number | null;
  larger: LargerFigure | null;
}

/** A developer's monthly minutes for a theme (DESIGN.md): the larger of the two figures, not their sum. */
export function developerMonthlyMinutes(time: DeveloperTime, windowMonths: number): DeveloperMonthlyMinutes {
  const singlePerMonth = time.singleMinutes === null ? null : time.singleMinutes / Math.max(1, windowMonths);
  const recurring = time.largestRecurring;
  let larger: LargerFigure | null = null;
  if (recurring !== null && singlePerMonth !== null) larger = recurring > singlePerMonth ? 'recurring' : recurring < singlePerMonth ? 'single' : 'equal';
  else if (recurring !== null) larger = 'recurring';
  else if (singlePerMonth !== null) larger = 'single';
  const monthly = larger === null ? null : Math.max(recurring ?? 0, singlePerMonth ?? 0);
  return { ...time, singlePerMonth, monthlyMinutes: monthly, larger };
}

/** Each developer's figures over their items (one evidence row counts once). */
export function aggregateDevelopers(items: RankingEvidence[]): Map<string, DeveloperSummary> {
  const byDeveloper = new Map<string, DeveloperSummary>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.evidenceId) || !item.participantId) continue;
    seen.add(item.evidenceId);
    const developer = byDeveloper.get(item.participantId) ?? { isActive: item.isParticipantActive, largestRecurring: null, singleMinutes: null };
    const value = monthlyMinutes(item);
    if (value !== null) {
      if (item.kind === 'recurring') developer.largestRecurring = Math.max(developer.largestRecurring ?? value, value);
      else developer.singleMinutes = (developer.singleMinutes ?? 0) + value;
    }
    byDeveloper.set(item.participantId, developer);
  }
  return byDeveloper;
}

// ---- Themes ---------------------------------------------------------------------------------

/**
 * A theme's developers folded into what the ranking reads from them: how many, how many active,
 * how many with time data, and the median of their monthly minutes over the window. The SQL folds
 * the maintained figures into this (queries-figures.ts) with the same rules as foldDevelopers().
 */
export interface DeveloperFold {
  affectedDevelopers: number;
  activeAffectedDevelopers: number;
  developersWithTimeData: number;
  medianMinutes: number | null;
}

/**
 * What the ranking needs to know about one theme's evidence: its developers one by one, or already
 * folded. The SQL produces it directly (see queries.ts, queries-figures.ts) so that 200,000 rows
 * need not travel to Node.js; summariseEvidence() produces the same from raw rows.
 */
export type ThemeEvidenceSummary = ThemeDevelopersSummary | (ThemeSummaryBase & { fold: DeveloperFold });

interface ThemeSummaryBase {
  themeId: string;
  evidenceCount: number;
  unattributedMentions: number;
  sourceKinds: EvidenceSourceKind[];
}

export interface ThemeDevelopersSummary extends ThemeSummaryBase {
  /** One entry per affected developer. */
  developers: DeveloperSummary[];
}

/** Groups raw evidence rows by theme into the summaries rankThemeSummaries() ranks. */
export function summariseEvidence(evidence: RankingEvidence[]): Map<string, ThemeDevelopersSummary> {
  const byTheme = new Map<string, RankingEvidence[]>();
  for (const item of evidence) {
    const list = byTheme.get(item.themeId);
    if (list) list.push(item);
    else byTheme.set(item.themeId, [item]);
  }
  const summaries = new Map<string, ThemeDevelopersSummary>();
  for (const [themeId, items] of byTheme) {
    const ids = new Set(items.map((item) => item.evidenceId));
    const unattributed = new Set(items.filter((item) => !item.participantId).map((item) => item.evidenceId));
    const kinds = new Set(items.map((item) => item.sourceKind));
    summaries.set(themeId, {
      themeId,
      evidenceCount: ids.size,
      unattributedMentions: unattributed.size,
      developers: [...aggregateDevelopers(items).values()],
      sourceKinds: SOURCE_KIND_ORDER.filter((kind) => kinds.has(kind)),
    });
  }
  return summaries;
}

/** The theme's figures from its developers: the one computation the ranking and its explanation share. */
export interface ThemeFigures {
  affectedDevelopers: number;
  activeAffectedDevelopers: number;
  developerMinutes: DeveloperMonthlyMinutes[];
  developersWithTimeData: number;
  medianMinutes: number | null;
  hoursPerDeveloperPerMonth: number | null;
  score: number | null;
  reach: number | null;
}

/** A theme's developers folded over the window (DESIGN.md): each one's monthly minutes, and their median. */
export function foldDevelopers(developers: DeveloperSummary[], windowMonths: number): DeveloperFold & { developerMinutes: DeveloperMonthlyMinutes[] } {
  const developerMinutes = developers.map((developer) => developerMonthlyMinutes(developer, windowMonths));
  const timed = developerMinutes.map((developer) => developer.monthlyMinutes).filter((minutes): minutes is number => minutes !== null);
  return {
    affectedDevelopers: developers.length,
    activeAffectedDevelopers: developers.filter((developer) => developer.isActive).length,
    developersWithTimeData: timed.length,
    medianMinutes: median(timed),
    developerMinutes,
  };
}

/** The theme's numbers from its folded developers. */
export function figuresOfFold(fold: DeveloperFold, directorySize: number): Omit<ThemeFigures, 'developerMinutes'> {
  const hours = fold.medianMinutes === null ? null : fold.medianMinutes / 60;
  return {
    affectedDevelopers: fold.affectedDevelopers,
    activeAffectedDevelopers: fold.activeAffectedDevelopers,
    developersWithTimeData: fold.developersWithTimeData,
    medianMinutes: fold.medianMinutes,
    hoursPerDeveloperPerMonth: hours,
    score: hours === null ? null : fold.affectedDevelopers * hours,
    // Both sides count active developers; the cap only guards a directory changing mid-query.
    reach: directorySize > 0 ? Math.min(1, fold.activeAffectedDevelopers / directorySize) : null,
  };
}

export function computeThemeFigures(input: { developers: DeveloperSummary[]; windowMonths: number; directorySize: number }): ThemeFigures {
  const fold = foldDevelopers(input.developers, input.windowMonths);
  return { ...figuresOfFold(fold, input.directorySize), developerMinutes: fold.developerMinutes };
}

function summarise(
  theme: RankingTheme,
  summary: ThemeEvidenceSummary | undefined,
  input: { directorySize: number; windowMonths: number },
): Omit<RankedTheme, 'rank'> {
  const fold = summary && 'fold' in summary ? summary.fold : foldDevelopers(summary?.developers ?? [], input.windowMonths);
  const figures = figuresOfFold(fold, input.directorySize);
  const sourceKinds = SOURCE_KIND_ORDER.filter((kind) => summary?.sourceKinds.includes(kind));
  return {
    themeId: theme.id,
    title: theme.title,
    evidenceCount: summary?.evidenceCount ?? 0,
    affectedDevelopers: figures.affectedDevelopers,
    unattributedMentions: summary?.unattributedMentions ?? 0,
    reach: figures.reach,
    hoursPerDeveloperPerMonth: figures.hoursPerDeveloperPerMonth,
    score: figures.score,
    developersWithTimeData: figures.developersWithTimeData,
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
  windowMonths: number;
}): RankedTheme[] {
  const ranked = input.themes.map((theme) => summarise(theme, input.summaries.get(theme.id), input));
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
export function rankThemes(input: { themes: RankingTheme[]; evidence: RankingEvidence[]; directorySize: number; windowMonths: number }): RankedTheme[] {
  return rankThemeSummaries({
    themes: input.themes,
    summaries: summariseEvidence(input.evidence),
    directorySize: input.directorySize,
    windowMonths: input.windowMonths,
  });
}
