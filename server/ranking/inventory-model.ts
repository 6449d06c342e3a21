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
  monthlyMinutes: number | null;
}

export type Quadrant = 'do-first' | 'severe-for-few' | 'widespread' | 'watch';

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
  'severe-for-few': 'Severe for a few',
  widespread: 'Widespread papercut',
  watch: 'Watch',
};

export const QUADRANT_HINTS: Record<Quadrant, string> = {
  'do-first': 'many developers, much time lost each',
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

/** The chart's axes split at the median of the themes that can be plotted (those with time data). */
export function quadrantSplits(themes: Pick<RankedTheme, 'affectedDevelopers' | 'hoursPerDeveloperPerMonth'>[]): QuadrantSplits | null {
  const plotted = themes.filter((theme) => theme.hoursPerDeveloperPerMonth !== null && theme.affectedDevelopers > 0);
  if (plotted.length === 0) return null;
  return {
    developers: median(plotted.map((theme) => theme.affectedDevelopers))!,
    hours: median(plotted.map((theme) => theme.hoursPerDeveloperPerMonth!))!,
  };
}

export function quadrantOf(theme: Pick<RankedTheme, 'affectedDevelopers' | 'hoursPerDeveloperPerMonth'>, splits: QuadrantSplits | null): Quadrant | null {
  if (!splits || theme.hoursPerDeveloperPerMonth === null || theme.affectedDevelopers === 0) return null;
  const isMany = theme.affectedDevelopers >= splits.developers;
  const isMuch = theme.hoursPerDeveloperPerMonth >= splits.hours;
  if (isMany && isMuch) return 'do-first';
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
