// The definitions behind support load, ship markers and the before/after impact view. Pure, UTC,
// checked on hand-computed cases by the unit tests.
import { quarterOf, weekOf } from './definitions';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

// ---- Support load ------------------------------------------------------------------------------

export interface SelfServicePoint {
  week: string;
  /** Platform tasks completed without a person. */
  selfServiceTasks: number;
  /** Platform tasks that waited for manual approval. */
  manualTasks: number;
  /** Tickets in the categories the PM marks as requests for manual work. */
  manualWorkTickets: number;
  /**
   * selfServiceTasks / (selfServiceTasks + manualTasks + manualWorkTickets); null in a week without
   * task events: without them the ratio is not measured, and tickets alone would read as 0%.
   */
  ratio: number | null;
}

/**
 * Self-service ratio (DESIGN.md, after the article's "what percentage of platform interactions
 * require human intervention"): platform tasks done without a person, over those plus the tasks
 * that waited for manual approval plus the tickets asking for manual work.
 */
export function selfServiceSeries(input: {
  weeks: string[];
  tasks: Map<string, { selfService: number; manual: number }>;
  manualWorkTickets: Map<string, number>;
}): SelfServicePoint[] {
  return input.weeks.map((week) => {
    const tasks = input.tasks.get(week) ?? { selfService: 0, manual: 0 };
    const manualWorkTickets = input.manualWorkTickets.get(week) ?? 0;
    const measured = tasks.selfService + tasks.manual > 0;
    return {
      week,
      selfServiceTasks: tasks.selfService,
      manualTasks: tasks.manual,
      manualWorkTickets,
      ratio: measured ? tasks.selfService / (tasks.selfService + tasks.manual + manualWorkTickets) : null,
    };
  });
}

/** The ratio over the period's measured weeks (those with task events); null ("not measured yet") when there are none. */
export function selfServiceTotal(points: SelfServicePoint[]): Omit<SelfServicePoint, 'week'> & { measuredWeeks: number } {
  const measured = points.filter((point) => point.ratio !== null);
  const sum = (pick: (point: SelfServicePoint) => number) => measured.reduce((total, point) => total + pick(point), 0);
  const selfServiceTasks = sum((point) => point.selfServiceTasks);
  const manualTasks = sum((point) => point.manualTasks);
  const manualWorkTickets = sum((point) => point.manualWorkTickets);
  return {
    selfServiceTasks,
    manualTasks,
    manualWorkTickets,
    measuredWeeks: measured.length,
    ratio: measured.length > 0 ? ratio(selfServiceTasks, selfServiceTasks + manualTasks + manualWorkTickets) : null,
  };
}

/** Tickets that belong to a repeat-question cluster, as a share of all tickets in the period. */
export function repeatQuestionShare(input: { tickets: number; clusters: { ticketIds: string[] }[] }) {
  const inClusters = new Set(input.clusters.flatMap((cluster) => cluster.ticketIds)).size;
  return { tickets: input.tickets, repeatTickets: inClusters, clusters: input.clusters.length, share: ratio(inClusters, input.tickets) };
}

/** Weekly ticket counts per category, one row per week (every week present), categories as columns. */
export function weeklyByCategory(input: { weeks: string[]; rows: { week: string; category: string; ticketCount: number }[]; categories: string[] }) {
  return input.weeks.map((week) => {
    const counts: Record<string, number> = Object.fromEntries(input.categories.map((category) => [category, 0]));
    let total = 0;
    for (const row of input.rows) {
      if (row.week !== week) continue;
      total += row.ticketCount;
      const key = input.categories.includes(row.category) ? row.category : OTHER_CATEGORIES;
      counts[key] = (counts[key] ?? 0) + row.ticketCount;
    }
    return { week, total, counts };
  });
}

export const OTHER_CATEGORIES = 'Other categories';

// ---- Ship markers ------------------------------------------------------------------------------

export interface ShippedItem {
  id: string;
  title: string;
  shippedAt: Date;
}

export interface Marker {
  /** The period label the item shipped in (a week's Monday or a quarter), as the chart's x value. */
  at: string;
  itemId: string;
  label: string;
}

/** One marker per shipped item inside the chart's periods, placed on the period it shipped in. */
export function markersFor(items: ShippedItem[], periods: string[], period: 'week' | 'quarter'): Marker[] {
  const inChart = new Set(periods);
  return items
    .map((item) => ({ at: period === 'week' ? weekOf(item.shippedAt) : quarterOf(item.shippedAt), itemId: item.id, label: item.title }))
    .filter((marker) => inChart.has(marker.at));
}

// ---- Before and after --------------------------------------------------------------------------

export interface ImpactWindows {
  before: { from: Date; to: Date; weeks: number };
  /** Clipped at now: a recent ship has fewer weeks after it, and rates are per week for that reason. */
  after: { from: Date; to: Date; weeks: number };
  isAfterComplete: boolean;
}

/** N weeks before the ship day and N weeks from it, the after-window ending no later than now. */
export function impactWindows(shippedAt: Date, weeks: number, now: Date): ImpactWindows {
  const shipDay = new Date(Date.UTC(shippedAt.getUTCFullYear(), shippedAt.getUTCMonth(), shippedAt.getUTCDate()));
  const beforeFrom = new Date(shipDay.getTime() - weeks * WEEK_MS);
  const fullAfterTo = new Date(shipDay.getTime() + weeks * WEEK_MS);
  const afterTo = new Date(Math.max(shipDay.getTime(), Math.min(fullAfterTo.getTime(), now.getTime())));
  return {
    before: { from: beforeFrom, to: shipDay, weeks },
    after: { from: shipDay, to: afterTo, weeks: (afterTo.getTime() - shipDay.getTime()) / WEEK_MS },
    isAfterComplete: afterTo.getTime() >= fullAfterTo.getTime(),
  };
}

export interface Comparison {
  before: number;
  after: number;
  beforePerWeek: number | null;
  afterPerWeek: number | null;
  /** (after per week - before per week) / before per week; null without a before figure. */
  change: number | null;
}

/** Counts before and after as rates per week, so a half-elapsed after-window compares fairly. */
export function compareCounts(before: number, after: number, windows: ImpactWindows): Comparison {
  const beforePerWeek = windows.before.weeks > 0 ? before / windows.before.weeks : null;
  const afterPerWeek = windows.after.weeks >= 1 / 7 ? after / windows.after.weeks : null;
  const change = beforePerWeek && afterPerWeek !== null ? (afterPerWeek - beforePerWeek) / beforePerWeek : null;
  return { before, after, beforePerWeek, afterPerWeek, change };
}

export interface MeanComparison {
  before: { mean: number | null; count: number };
  after: { mean: number | null; count: number };
  change: number | null;
}

/** Mean ratings before and after; the change is in points of the scale, not a percentage. */
export function compareMeans(before: { sum: number; count: number }, after: { sum: number; count: number }): MeanComparison {
  const mean = (side: { sum: number; count: number }) => (side.count > 0 ? side.sum / side.count : null);
  const beforeMean = mean(before);
  const afterMean = mean(after);
  return {
    before: { mean: beforeMean, count: before.count },
    after: { mean: afterMean, count: after.count },
    change: beforeMean !== null && afterMean !== null ? afterMean - beforeMean : null,
  };
}
