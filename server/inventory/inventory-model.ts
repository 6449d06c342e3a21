// The pain inventory as a document: ranked themes with their status, MVP focus, quadrant and
// strongest quotes; how it sorts; and the frequency x severity quadrants of its chart. Pure.
import type { EvidenceSourceKind, ThemeStatus } from '@/db/types';
import type { InventoryFilterInput, InventorySort } from './inventory-params';
import { median, type RankedTheme, type RankingWindow } from './rank-themes';

export interface InventoryQuote {
  evidenceId: string;
  excerpt: string;
  sourceKind: EvidenceSourceKind;
  sourcePath: string;
  observedOn: string;
  /** "backend developer, 1-3 years, Team Payments": how the quote reads with names hidden. */
  attribution: string;
  /** The developer's name; only ever filled for signed-in readers who asked for names. */
  participantName: string | null;
  /** The developer's id, only beside their name (it links to their page). */
  participantId?: string | null;
  monthlyMinutes: number | null;
}

/**
 * Where a theme falls on the frequency x severity chart. "needs-evidence" is the top-right quadrant
 * for a theme backed by one developer or one source kind: never called "do first" on that strength.
 */
export const QUADRANTS = ['do-first', 'needs-evidence', 'severe-for-few', 'widespread', 'watch'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface InventoryTheme extends RankedTheme {
  status: ThemeStatus;
  isMvpFocus: boolean;
  /** Null when the theme has no time data (it cannot be placed on the severity axis). */
  quadrant: Quadrant | null;
  quotes: InventoryQuote[];
}

export interface Inventory {
  filter: InventoryFilterInput;
  filterLabel: string;
  sort: InventorySort;
  directorySize: number;
  /** The window single occurrences are spread over: the date filter, or the earliest evidence to today. */
  window: RankingWindow;
  /** Live themes with evidence in the filter, in the chosen order. */
  themes: InventoryTheme[];
  /** Live themes with no evidence in the filter: not ranked. */
  themesWithoutEvidence: number;
  /** Where the chart splits its axes (medians of the plotted themes); null with nothing to plot. */
  splits: QuadrantSplits | null;
  generatedAt: Date;
}

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  'do-first': 'Do first',
  'needs-evidence': 'Needs more evidence',
  'severe-for-few': 'Severe for a few',
  widespread: 'Widespread papercut',
  watch: 'Watch',
};

export const QUADRANT_HINTS: Record<Quadrant, string> = {
  'do-first': 'many developers, much time lost each',
  'needs-evidence': 'would be “do first”, but one developer or one source kind backs it',
  'severe-for-few': 'few developers, much time lost each',
  widespread: 'many developers, little time lost each',
  watch: 'few developers, little time lost each',
};

export interface QuadrantSplits {
  /** Affected developers at which "many" starts. */
  developers: number;
  /** Hours per affected developer per month at which "much" starts. */
  hours: number;
}

/** "Many developers" never starts below two: one developer is never many. */
export const MIN_MANY_DEVELOPERS = 2;

/**
 * The chart's axes split at the median of the themes that can be plotted (those with time data);
 * the developers' split is at least MIN_MANY_DEVELOPERS.
 */
export function quadrantSplits(themes: Pick<RankedTheme, 'affectedDevelopers' | 'hoursPerDeveloperPerMonth'>[]): QuadrantSplits | null {
  const plotted = themes.filter((theme) => theme.hoursPerDeveloperPerMonth !== null && theme.affectedDevelopers > 0);
  if (plotted.length === 0) return null;
  return {
    developers: Math.max(MIN_MANY_DEVELOPERS, median(plotted.map((theme) => theme.affectedDevelopers))!),
    hours: median(plotted.map((theme) => theme.hoursPerDeveloperPerMonth!))!,
  };
}

/**
 * The quadrant of a theme. Top right is "do first" only with at least two developers and two
 * source kinds behind it; otherwise it "needs more evidence" (DESIGN.md: never "do first" on the
 * strength of one developer; one source kind is flagged).
 */
export function quadrantOf(
  theme: Pick<RankedTheme, 'affectedDevelopers' | 'hoursPerDeveloperPerMonth' | 'sourceKinds'>,
  splits: QuadrantSplits | null,
): Quadrant | null {
  if (!splits || theme.hoursPerDeveloperPerMonth === null || theme.affectedDevelopers === 0) return null;
  const isMany = theme.affectedDevelopers >= splits.developers;
  const isMuch = theme.hoursPerDeveloperPerMonth >= splits.hours;
  if (isMany && isMuch) return theme.affectedDevelopers >= MIN_MANY_DEVELOPERS && theme.sourceKinds.length >= 2 ? 'do-first' : 'needs-evidence';
  if (isMuch) return 'severe-for-few';
  if (isMany) return 'widespread';
  return 'watch';
}

/**
 * The inventory in the chosen order. Score order is the rank itself; the other orders put the
 * highest first and fall back to the rank, so equal values keep the ranking's order.
 */
export function sortInventory<T extends RankedTheme>(themes: T[], sort: InventorySort): T[] {
  const key: Record<InventorySort, (theme: T) => number> = {
    score: (theme) => -theme.rank,
    affected: (theme) => theme.affectedDevelopers,
    reach: (theme) => theme.reach ?? theme.affectedDevelopers,
    severity: (theme) => theme.hoursPerDeveloperPerMonth ?? -1,
    confidence: (theme) => theme.sourceKinds.length,
  };
  return [...themes].sort((a, b) => key[sort](b) - key[sort](a) || a.rank - b.rank);
}

/** Hours as people read them: "12", "5.5", "0.25". */
export function formatHours(hours: number | null): string {
  if (hours === null) return 'unknown';
  if (hours >= 100) return Math.round(hours).toLocaleString('en-US');
  if (hours >= 10) return (Math.round(hours * 10) / 10).toLocaleString('en-US');
  return (Math.round(hours * 100) / 100).toLocaleString('en-US');
}

export function formatReach(reach: number | null): string {
  if (reach === null) return '—';
  const percent = reach * 100;
  return `${percent >= 10 || percent === 0 ? Math.round(percent) : percent.toFixed(1)}%`;
}
