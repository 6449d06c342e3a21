// The numbers of surveys and ratings: mean, distribution, eNPS, health band, response rate,
// weekly series, and the suppression rule that keeps small groups anonymous. Pure.
import { MIN_GROUP_SIZE, SATISFACTION_BANDS } from './rules';

/** How many answers gave each score; what the database's group-by returns. */
export interface ScoreCount {
  score: number;
  count: number;
}

export const totalOf = (counts: ScoreCount[]) => counts.reduce((sum, entry) => sum + entry.count, 0);

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Mean score, to two decimals; null without answers. */
export function meanOf(counts: ScoreCount[]): number | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  return round(counts.reduce((sum, entry) => sum + entry.score * entry.count, 0) / total, 2);
}

/** One bar per possible score, zeros included, so every chart of a scale has the same axis. */
export function distributionOf(counts: ScoreCount[], range: { min: number; max: number }): { value: number; count: number }[] {
  const bars = [];
  for (let value = range.min; value <= range.max; value += 1) {
    bars.push({ value, count: counts.filter((entry) => entry.score === value).reduce((sum, entry) => sum + entry.count, 0) });
  }
  return bars;
}

export interface Enps {
  /** % promoters (9-10) minus % detractors (0-6), from -100 to 100, rounded. */
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export function enpsOf(counts: ScoreCount[]): Enps | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  const sum = (test: (score: number) => boolean) => counts.filter((entry) => test(entry.score)).reduce((acc, entry) => acc + entry.count, 0);
  const promoters = sum((score) => score >= 9);
  const detractors = sum((score) => score <= 6);
  // Add 0 so that a score of exactly zero never prints as "-0".
  return { score: Math.round(((promoters - detractors) / total) * 100) + 0, promoters, passives: total - promoters - detractors, detractors };
}

export type Health = 'healthy' | 'watch' | 'warning';

/** The satisfaction bands of a 1-10 score: healthy above 7.5, warning below 6.5, watch between. */
export function healthOf(mean: number): Health {
  if (mean > SATISFACTION_BANDS.healthy) return 'healthy';
  if (mean < SATISFACTION_BANDS.warning) return 'warning';
  return 'watch';
}

/**
 * Responses over the people asked, as a fraction, never above 1: more responses than people asked
 * (a link shared beyond the invitations, an audience typed too low) reads as 100%, and
 * `responseRateExceeds` says so. Null when nobody is known to have been asked.
 */
export function responseRateOf(responses: number, asked: number | null): number | null {
  if (!asked || asked <= 0) return null;
  return Math.min(1, round(responses / asked, 4));
}

/** Whether the responses outnumber the people asked, so the rate shown is capped at 100%. */
export function responseRateExceeds(responses: number, asked: number | null): boolean {
  return Boolean(asked && asked > 0 && responses > asked);
}

// ---- Suppression -----------------------------------------------------------------------------

/**
 * Why a group of a breakdown is hidden: it has fewer than the minimum answers itself
 * ("too_few"), or it is hidden so that a smaller group cannot be worked out from the total
 * ("complementary").
 */
export type HiddenReason = 'too_few' | 'complementary';

/**
 * Which groups of a breakdown to hide, and why. Every group with fewer than `minimum` answers is
 * hidden. A reader who knows the total can subtract the visible groups from it and learn the sum
 * of the hidden ones, so the hidden groups together must never be a single group nor fewer than
 * `minimum` answers: until they are, the smallest visible group is hidden as well (possibly all).
 * The groups must partition the total ("not reported" is a group like any other).
 */
export function hiddenReasonsOf(groups: { key: string; count: number }[], minimum = MIN_GROUP_SIZE): Map<string, HiddenReason> {
  const present = groups.filter((group) => group.count > 0);
  const hidden = new Map<string, HiddenReason>(present.filter((group) => group.count < minimum).map((group) => [group.key, 'too_few']));
  const hiddenCount = () => present.filter((group) => hidden.has(group.key)).reduce((sum, group) => sum + group.count, 0);
  while (hidden.size > 0 && (hidden.size < 2 || hiddenCount() < minimum)) {
    const visible = present.filter((group) => !hidden.has(group.key)).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
    if (visible.length === 0) break;
    hidden.set(visible[0].key, 'complementary');
  }
  return hidden;
}

/** The keys of `hiddenReasonsOf`. */
export function hiddenGroupsOf(groups: { key: string; count: number }[], minimum = MIN_GROUP_SIZE): Set<string> {
  return new Set(hiddenReasonsOf(groups, minimum).keys());
}

export interface GroupScores {
  key: string;
  counts: ScoreCount[];
}

export type GroupResult =
  | { key: string; isHidden: true; hiddenReason: HiddenReason }
  | { key: string; isHidden: false; count: number; mean: number | null; enps: Enps | null };

/**
 * A breakdown of one score question by group, with small groups and their giveaways hidden. A
 * hidden group is listed by name without numbers, except when it is the only group: then its
 * numbers are the total's, so it is left out altogether.
 */
export function breakdownOf(groups: GroupScores[], options: { isEnps: boolean; minimum?: number }): GroupResult[] {
  const present = groups.filter((group) => totalOf(group.counts) > 0);
  const hidden = hiddenReasonsOf(
    present.map((group) => ({ key: group.key, count: totalOf(group.counts) })),
    options.minimum,
  );
  if (present.length === 1 && hidden.size === 1) return [];
  return present.map((group) =>
    hidden.has(group.key)
      ? { key: group.key, isHidden: true as const, hiddenReason: hidden.get(group.key)! }
      : {
          key: group.key,
          isHidden: false as const,
          count: totalOf(group.counts),
          mean: meanOf(group.counts),
          enps: options.isEnps ? enpsOf(group.counts) : null,
        },
  );
}

// ---- Weeks -----------------------------------------------------------------------------------

/** The Monday of the ISO week a day falls in, 'YYYY-MM-DD'. */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - offset);
  return day.toISOString().slice(0, 10);
}

/** One point per week from the first to the last week, empty weeks included (mean null). */
export function weeklySeriesOf(
  days: { day: string; counts: ScoreCount[] }[],
  range: { from: string; to: string },
): { week: string; count: number; mean: number | null }[] {
  const byWeek = new Map<string, ScoreCount[]>();
  for (const entry of days) {
    const week = weekOf(entry.day);
    byWeek.set(week, [...(byWeek.get(week) ?? []), ...entry.counts]);
  }
  const series = [];
  for (let week = weekOf(range.from); week <= weekOf(range.to); ) {
    const counts = byWeek.get(week) ?? [];
    series.push({ week, count: totalOf(counts), mean: meanOf(counts) });
    const next = new Date(`${week}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 7);
    week = next.toISOString().slice(0, 10);
  }
  return series;
}
