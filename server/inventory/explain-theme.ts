// "How was this computed?": one theme's numbers taken apart, developer by developer, in words a
// stakeholder understands. Computed by the same functions as the ranking (aggregateDevelopers,
// computeThemeFigures), so the explanation can never disagree with the score. Pure.
import type { EvidenceKind, EvidenceSourceKind } from '@/db/types';
import { formatHours, formatReach } from './inventory-model';
import {
  aggregateDevelopers,
  computeThemeFigures,
  minutesPerOccurrence,
  monthlyMinutes,
  type LargerFigure,
  type RankingEvidence,
  type RankingWindow,
} from './rank-themes';

export interface ExplainableEvidence extends RankingEvidence {
  observedOn: string;
  sourcePath: string;
  excerpt: string;
  participantName: string | null;
}

export interface ExplainedItem {
  evidenceId: string;
  sourceKind: EvidenceSourceKind;
  kind: EvidenceKind;
  observedOn: string;
  sourcePath: string;
  excerpt: string;
  /** Minutes per occurrence as entered; null when only a severity (or nothing) is known. */
  minutesLost: number | null;
  severity: number | null;
  /** The minutes that count for one occurrence: entered, or the severity's; null with neither. */
  minutesPerOccurrence: number | null;
  isFromSeverity: boolean;
  /** A recurring item's rate; null for a single occurrence. */
  occurrencesPerMonth: number | null;
  /** A recurring item's monthly minutes, or a single item's minutes; null without time data. */
  value: number | null;
}

export interface ExplainedDeveloper {
  participantId: string;
  name: string;
  isActive: boolean;
  /** The costliest first. */
  items: ExplainedItem[];
  /** Items left out of `items` to keep the table short (they are still counted). */
  hiddenItems: number;
  largestRecurring: number | null;
  singleMinutes: number | null;
  singleCount: number;
  singlePerMonth: number | null;
  /** The value that counted for this developer (monthly minutes); null without time data. */
  monthlyMinutes: number | null;
  larger: LargerFigure | null;
}

export interface ThemeExplanation {
  window: RankingWindow;
  directorySize: number;
  evidenceCount: number;
  unattributedMentions: number;
  /** The most time lost per month first; developers without time data last. */
  developers: ExplainedDeveloper[];
  affectedDevelopers: number;
  activeAffectedDevelopers: number;
  developersWithTimeData: number;
  medianMinutes: number | null;
  hoursPerDeveloperPerMonth: number | null;
  score: number | null;
  reach: number | null;
}

function toItem(item: ExplainableEvidence): ExplainedItem {
  const perOccurrence = minutesPerOccurrence(item);
  return {
    evidenceId: item.evidenceId,
    sourceKind: item.sourceKind,
    kind: item.kind,
    observedOn: item.observedOn,
    sourcePath: item.sourcePath,
    excerpt: item.excerpt,
    minutesLost: item.minutesLost,
    severity: item.severity,
    minutesPerOccurrence: perOccurrence,
    isFromSeverity: item.minutesLost === null && perOccurrence !== null,
    occurrencesPerMonth: item.kind === 'recurring' ? item.occurrencesPerMonth : null,
    value: monthlyMinutes(item),
  };
}

const byValue = (a: ExplainedItem, b: ExplainedItem) => (b.value ?? -1) - (a.value ?? -1) || b.observedOn.localeCompare(a.observedOn);

/** Takes one theme's evidence (within the filter) apart, developer by developer. */
export function explainTheme(input: {
  evidence: ExplainableEvidence[];
  window: RankingWindow;
  directorySize: number;
  maxItemsPerDeveloper?: number;
}): ThemeExplanation {
  const unique = [...new Map(input.evidence.map((item) => [item.evidenceId, item])).values()];
  const summaries = aggregateDevelopers(unique);
  const ids = [...summaries.keys()];
  const figures = computeThemeFigures({ developers: ids.map((id) => summaries.get(id)!), windowMonths: input.window.months, directorySize: input.directorySize });
  const limit = input.maxItemsPerDeveloper ?? Number.POSITIVE_INFINITY;
  const developers = ids.map((id, index): ExplainedDeveloper => {
    const own = unique.filter((item) => item.participantId === id);
    const items = own.map(toItem).sort(byValue);
    const minutes = figures.developerMinutes[index];
    return {
      participantId: id,
      name: own[0].participantName ?? 'A developer',
      isActive: summaries.get(id)!.isActive,
      items: items.slice(0, limit),
      hiddenItems: Math.max(0, items.length - limit),
      largestRecurring: minutes.largestRecurring,
      singleMinutes: minutes.singleMinutes,
      singleCount: items.filter((item) => item.kind === 'single' && item.value !== null).length,
      singlePerMonth: minutes.singlePerMonth,
      monthlyMinutes: minutes.monthlyMinutes,
      larger: minutes.larger,
    };
  });
  developers.sort((a, b) => (b.monthlyMinutes ?? -1) - (a.monthlyMinutes ?? -1) || a.name.localeCompare(b.name));
  return {
    window: input.window,
    directorySize: input.directorySize,
    evidenceCount: unique.length,
    unattributedMentions: unique.filter((item) => !item.participantId).length,
    developers,
    affectedDevelopers: figures.affectedDevelopers,
    activeAffectedDevelopers: figures.activeAffectedDevelopers,
    developersWithTimeData: figures.developersWithTimeData,
    medianMinutes: figures.medianMinutes,
    hoursPerDeveloperPerMonth: figures.hoursPerDeveloperPerMonth,
    score: figures.score,
    reach: figures.reach,
  };
}

// ---- In words -------------------------------------------------------------------------------

/** Minutes as people read them: "45 min", "1,440 min". */
export function formatMinutes(minutes: number): string {
  const rounded = minutes >= 100 ? Math.round(minutes) : Math.round(minutes * 10) / 10;
  return `${rounded.toLocaleString('en-US')} min`;
}

const formatMonths = (months: number) => (Math.round(months * 100) / 100).toLocaleString('en-US');
const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/** One item's time: "30 min × 4 a month = 120 min a month", "60 min, once", "severity 2 (60 min), once". */
export function describeItemTime(item: ExplainedItem): string {
  if (item.minutesPerOccurrence === null) return 'no time given (counts the developer, not the time)';
  const minutes = item.isFromSeverity ? `severity ${item.severity} (${formatMinutes(item.minutesPerOccurrence)})` : formatMinutes(item.minutesPerOccurrence);
  if (item.kind === 'single') return `${minutes}, once`;
  return `${minutes} × ${item.occurrencesPerMonth!.toLocaleString('en-US')} a month = ${formatMinutes(item.value!)} a month`;
}

/** Why a developer's value is what it is, in one sentence. */
export function describeDeveloperTime(developer: ExplainedDeveloper, window: RankingWindow): string {
  if (developer.monthlyMinutes === null) return 'No time data: counted as affected, left out of the median.';
  const parts: string[] = [];
  if (developer.largestRecurring !== null) parts.push(`largest recurring estimate ${formatMinutes(developer.largestRecurring)} a month`);
  if (developer.singleMinutes !== null) {
    parts.push(
      `${plural(developer.singleCount, 'single occurrence')} adding up to ${formatMinutes(developer.singleMinutes)} over ${formatMonths(window.months)} month${window.months === 1 ? '' : 's'} = ${formatMinutes(developer.singlePerMonth!)} a month`,
    );
  }
  const which =
    developer.larger === 'equal'
      ? 'both figures are equal'
      : developer.larger === 'recurring'
        ? developer.singleMinutes === null
          ? 'the recurring estimate'
          : 'the recurring estimate is larger'
        : developer.largestRecurring === null
          ? 'the single occurrences spread over the window'
          : 'the single occurrences are larger';
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. Counts ${formatMinutes(developer.monthlyMinutes)} a month (${which}; the larger counts, not the sum).`;
}

/** The theme's numbers as steps a stakeholder can follow: window, developers, median, score, reach. */
export function describeExplanation(explanation: ThemeExplanation): string[] {
  const { window } = explanation;
  const steps: string[] = [];
  steps.push(
    `Window: ${window.from} to ${window.to}, ${formatMonths(window.months)} month${window.months === 1 ? '' : 's'}. Single occurrences (a ticket, a friction event, a post-mortem factor) are spread over it; it never counts as less than one month.`,
  );
  steps.push(
    `Affected developers: ${explanation.affectedDevelopers}${explanation.unattributedMentions > 0 ? ` (plus ${plural(explanation.unattributedMentions, 'unattributed mention')}, shown beside and never added in)` : ''}.`,
  );
  if (explanation.medianMinutes === null) {
    steps.push('Hours lost per affected developer per month: unknown. No evidence of this theme carries minutes or a severity yet, so it has no score and ranks after every scored theme.');
  } else {
    const values = explanation.developers
      .map((developer) => developer.monthlyMinutes)
      .filter((value): value is number => value !== null)
      .sort((a, b) => a - b)
      .map(formatMinutes);
    const shown = values.length <= 12 ? values.join(', ') : `${values.slice(0, 5).join(', ')}, …, ${values.slice(-5).join(', ')}`;
    steps.push(
      `Hours lost per affected developer per month: the median of the ${plural(explanation.developersWithTimeData, 'developer')} with time data (${shown}) = ${formatMinutes(explanation.medianMinutes)} = ${formatHours(explanation.hoursPerDeveloperPerMonth)} h.`,
    );
    steps.push(
      `Score: ${explanation.affectedDevelopers} affected developer${explanation.affectedDevelopers === 1 ? '' : 's'} × ${formatHours(explanation.hoursPerDeveloperPerMonth)} h = ${formatHours(explanation.score)} developer-hours lost per month.`,
    );
  }
  const left = explanation.affectedDevelopers - explanation.activeAffectedDevelopers;
  steps.push(
    explanation.reach === null
      ? 'Reach: no active developer in the directory yet.'
      : `Reach: ${explanation.activeAffectedDevelopers} of ${plural(explanation.directorySize, 'active developer')} = ${formatReach(explanation.reach)}${left > 0 ? ` (${plural(left, 'affected developer')} archived since: their evidence counts, their reach does not)` : ''}.`,
  );
  return steps;
}
