// The quadrant chart's axis scales: round tick steps, and a cut below an outlier so that one
// extreme value cannot squash every other point against the origin. Pure.

/** A value this many times the next one down (in the top third) is an outlier: the axis is clipped below it. */
export const OUTLIER_RATIO = 3;

export interface AxisScale {
  /** The axis runs from 0 to max; values above it are drawn at the edge and marked. */
  max: number;
  ticks: number[];
  /** Whether some value lies beyond max (an outlier the axis was clipped for). */
  isClipped: boolean;
}

function niceStep(rough: number, isInteger: boolean): number {
  if (rough <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  return isInteger ? Math.max(1, Math.ceil(step)) : step;
}

/** 0 to a round number a little above maxValue, with about `tickCount` round ticks. */
export function niceScale(maxValue: number, tickCount: number, isInteger: boolean): { max: number; ticks: number[] } {
  const top = maxValue > 0 ? maxValue * 1.1 : 1;
  const step = niceStep(top / tickCount, isInteger);
  const max = Math.ceil(top / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let index = 0; index * step <= max + 1e-9; index++) ticks.push(Number((index * step).toPrecision(12)));
  return { max: ticks[ticks.length - 1], ticks };
}

/**
 * The largest value the axis shows in full. With three or more values, a value at least
 * OUTLIER_RATIO times the next one down, among the top third, marks a jump: everything above the
 * jump is an outlier and the axis stops below it. The split line always stays on the axis.
 */
export function outlierCut(values: number[]): number | null {
  if (values.length < 3) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const maxOutliers = Math.max(1, Math.floor(sorted.length / 3));
  let cut: number | null = null;
  let best = OUTLIER_RATIO;
  for (let index = sorted.length - 1 - maxOutliers; index < sorted.length - 1; index++) {
    const below = sorted[index];
    const above = sorted[index + 1];
    if (below <= 0) continue;
    const ratio = above / below;
    if (ratio >= best) {
      best = ratio;
      cut = below;
    }
  }
  return cut;
}

export function chooseScale(values: number[], options: { split: number; tickCount: number; isInteger: boolean }): AxisScale {
  const cut = outlierCut(values);
  const shown = cut === null ? Math.max(...values, 0) : cut;
  const { max, ticks } = niceScale(Math.max(shown, options.split), options.tickCount, options.isInteger);
  return { max, ticks, isClipped: values.some((value) => value > max) };
}
