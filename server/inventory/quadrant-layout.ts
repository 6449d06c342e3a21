// Where the frequency x severity chart draws everything, in pixels, so that the drawing never lies:
// each axis gets a scale that one outlier cannot squash (the outlier is drawn at the edge, marked),
// markers that would overlap are pushed apart (with a line back to their exact spot) or grouped
// with a count, and titles and quadrant names go only where they overprint nothing. Pure.
import type { Quadrant, QuadrantSplits } from './inventory-model';

export interface LayoutTheme {
  rank: number;
  title: string;
  developers: number;
  hours: number;
  quadrant: Quadrant | null;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AxisScale {
  /** The axis runs from 0 to max; values above it are drawn at the edge and marked. */
  max: number;
  ticks: number[];
  /** Whether some value lies beyond max (an outlier the axis was clipped for). */
  isClipped: boolean;
}

export interface PlacedMarker {
  /** Ranks of the themes this marker stands for: one, or several grouped with a count. */
  ranks: number[];
  x: number;
  y: number;
  radius: number;
  /** The exact spot of the data; differs from (x, y) when the marker had to move aside. */
  anchorX: number;
  anchorY: number;
  isDisplaced: boolean;
  /** The value lies beyond the axis (drawn at the right or top edge). */
  isBeyondX: boolean;
  isBeyondY: boolean;
}

export interface PlacedLabel {
  text: string;
  /** Index into markers, or null for a quadrant name. */
  marker: number | null;
  quadrant: Quadrant | null;
  /** Text anchor point; the text is vertically centred on y. */
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  fontSize: number;
  box: Rect;
}

export interface QuadrantLayout {
  width: number;
  height: number;
  plot: Rect;
  xScale: AxisScale;
  yScale: AxisScale;
  /** Pixel positions of the split lines. */
  splitX: number;
  splitY: number;
  markers: PlacedMarker[];
  labels: PlacedLabel[];
  /** Ranks whose title could not be written beside their point (listed under the chart instead). */
  untitledRanks: number[];
  /** Quadrant names that found no free corner (the legend under the chart names them). */
  unplacedQuadrants: Quadrant[];
}

export type MeasureText = (text: string, fontSize: number) => number;

/** A conservative width estimate when no real text measurement is available (tests, server). */
export const estimateTextWidth: MeasureText = (text, fontSize) => text.length * fontSize * 0.62;

export interface LayoutOptions {
  width: number;
  height: number;
  measureText?: MeasureText;
  /** How many of the best-ranked themes get their title written beside the point. */
  titledPoints?: number;
}

/** Below this width the chart uses smaller markers, fonts and margins (a phone). */
export const COMPACT_WIDTH = 520;
/** This many themes at one identical spot become one marker with a count instead of a ring. */
export const GROUP_AT = 5;
/** A value this many times the next one down (in the top third) is an outlier: the axis is clipped below it. */
export const OUTLIER_RATIO = 3;
const GAP = 2;
const LABEL_PAD = 3;

// ---------------------------------------------------------------------------------------------
// Scales

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

// ---------------------------------------------------------------------------------------------
// Geometry

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const circleBox = (marker: Pick<PlacedMarker, 'x' | 'y' | 'radius'>, pad = 0): Rect => ({
  x: marker.x - marker.radius - pad,
  y: marker.y - marker.radius - pad,
  width: 2 * (marker.radius + pad),
  height: 2 * (marker.radius + pad),
});

/** True when two markers' circles (with the minimum gap) overlap. */
export function markersOverlap(a: Pick<PlacedMarker, 'x' | 'y' | 'radius'>, b: Pick<PlacedMarker, 'x' | 'y' | 'radius'>, gap = GAP): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) < a.radius + b.radius + gap - 1e-6;
}

/** True when two label boxes overlap. */
export const boxesOverlap = overlaps;

interface Body {
  ranks: number[];
  anchorX: number;
  anchorY: number;
  x: number;
  y: number;
  radius: number;
  isBeyondX: boolean;
  isBeyondY: boolean;
}

/**
 * Pushes overlapping markers apart until none overlaps (or the iterations run out), keeping them
 * inside the plot. Deterministic: markers at one identical spot leave it in fixed directions.
 */
function relax(bodies: Body[], plot: Rect, iterations = 400): void {
  const clamp = (body: Body) => {
    body.x = Math.min(plot.x + plot.width - body.radius, Math.max(plot.x + body.radius, body.x));
    body.y = Math.min(plot.y + plot.height - body.radius, Math.max(plot.y + body.radius, body.y));
  };
  bodies.forEach(clamp);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let isMoved = false;
    for (let i = 0; i < bodies.length; i++) {
      for (let j = i + 1; j < bodies.length; j++) {
        const a = bodies[i];
        const b = bodies[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        const wanted = a.radius + b.radius + GAP;
        if (distance >= wanted) continue;
        if (distance < 1e-6) {
          // A fixed direction per pair (golden angle), so identical spots open into a ring.
          const angle = (i * 0.37 + j * 2.39996) % (2 * Math.PI);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          distance = 1;
        }
        const push = (wanted - distance) / 2 + 0.01;
        a.x -= (push * dx) / distance;
        a.y -= (push * dy) / distance;
        b.x += (push * dx) / distance;
        b.y += (push * dy) / distance;
        clamp(a);
        clamp(b);
        isMoved = true;
      }
    }
    if (!isMoved) return;
  }
}

const groupRadius = (count: number, compact: boolean) => (compact ? 12 : 14) + Math.min(4, Math.floor(Math.log2(count)));

function mergeBodies(members: Body[], compact: boolean): Body {
  const ranks = members.flatMap((member) => member.ranks).sort((a, b) => a - b);
  const anchorX = members.reduce((sum, member) => sum + member.anchorX, 0) / members.length;
  const anchorY = members.reduce((sum, member) => sum + member.anchorY, 0) / members.length;
  return {
    ranks,
    anchorX,
    anchorY,
    x: anchorX,
    y: anchorY,
    radius: groupRadius(ranks.length, compact),
    isBeyondX: members.some((member) => member.isBeyondX),
    isBeyondY: members.some((member) => member.isBeyondY),
  };
}

/** Markers that cannot be pushed apart are merged, then everything is relaxed again, until nothing overlaps. */
function separate(bodies: Body[], plot: Rect, compact: boolean): Body[] {
  let current = bodies;
  for (let round = 0; round < bodies.length; round++) {
    relax(current, plot);
    const parent = current.map((_, index) => index);
    const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
    let hasOverlap = false;
    for (let i = 0; i < current.length; i++) {
      for (let j = i + 1; j < current.length; j++) {
        if (markersOverlap(current[i], current[j])) {
          hasOverlap = true;
          parent[find(j)] = find(i);
        }
      }
    }
    if (!hasOverlap) return current;
    const groups = new Map<number, Body[]>();
    current.forEach((body, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), body]));
    current = [...groups.values()].map((members) => (members.length === 1 ? members[0] : mergeBodies(members, compact)));
  }
  relax(current, plot);
  return current;
}

// ---------------------------------------------------------------------------------------------
// Labels

const shorten = (title: string, max: number) => (title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title);

function labelCandidates(marker: PlacedMarker, width: number, height: number, gap: number) {
  const { x, y, radius } = marker;
  const half = height / 2;
  const diagonal = radius * 0.75;
  return [
    { x: x + radius + gap, y, anchor: 'start' as const, box: { x: x + radius + gap, y: y - half, width, height } },
    { x: x - radius - gap, y, anchor: 'end' as const, box: { x: x - radius - gap - width, y: y - half, width, height } },
    { x: x + diagonal, y: y - radius - half, anchor: 'start' as const, box: { x: x + diagonal, y: y - radius - height, width, height } },
    { x: x + diagonal, y: y + radius + half, anchor: 'start' as const, box: { x: x + diagonal, y: y + radius, width, height } },
    { x: x - diagonal, y: y - radius - half, anchor: 'end' as const, box: { x: x - diagonal - width, y: y - radius - height, width, height } },
    { x: x - diagonal, y: y + radius + half, anchor: 'end' as const, box: { x: x - diagonal - width, y: y + radius, width, height } },
    { x, y: y - radius - half - 1, anchor: 'middle' as const, box: { x: x - width / 2, y: y - radius - height - 1, width, height } },
    { x, y: y + radius + half + 1, anchor: 'middle' as const, box: { x: x - width / 2, y: y + radius + 1, width, height } },
  ];
}

// ---------------------------------------------------------------------------------------------
// The layout

export const QUADRANT_CORNERS: Record<Exclude<Quadrant, 'needs-evidence'>, { isRight: boolean; isTop: boolean }> = {
  'do-first': { isRight: true, isTop: true },
  'severe-for-few': { isRight: false, isTop: true },
  widespread: { isRight: true, isTop: false },
  watch: { isRight: false, isTop: false },
};

export function layoutQuadrantChart(
  themes: LayoutTheme[],
  splits: QuadrantSplits,
  options: LayoutOptions & { quadrantNames: Record<Exclude<Quadrant, 'needs-evidence'>, string> },
): QuadrantLayout {
  const measure = options.measureText ?? estimateTextWidth;
  const compact = options.width < COMPACT_WIDTH;
  const markerRadius = compact ? 10 : 11;
  const fontSize = compact ? 11 : 12;
  const margin = compact ? { top: 8, right: 8, bottom: 40, left: 40 } : { top: 12, right: 16, bottom: 44, left: 52 };
  const plot: Rect = {
    x: margin.left,
    y: margin.top,
    width: Math.max(40, options.width - margin.left - margin.right),
    height: Math.max(40, options.height - margin.top - margin.bottom),
  };
  const tickCount = compact ? 4 : 6;
  const xScale = chooseScale(
    themes.map((theme) => theme.developers),
    { split: splits.developers, tickCount, isInteger: true },
  );
  const yScale = chooseScale(
    themes.map((theme) => theme.hours),
    { split: splits.hours, tickCount: compact ? 4 : 5, isInteger: false },
  );
  const toX = (value: number) => plot.x + (Math.min(value, xScale.max) / xScale.max) * plot.width;
  const toY = (value: number) => plot.y + plot.height - (Math.min(value, yScale.max) / yScale.max) * plot.height;

  // Themes at one identical spot: a ring when few, one marker with a count when many.
  const bySpot = new Map<string, LayoutTheme[]>();
  for (const theme of [...themes].sort((a, b) => a.rank - b.rank)) {
    const spot = `${toX(theme.developers).toFixed(1)}:${toY(theme.hours).toFixed(1)}`;
    bySpot.set(spot, [...(bySpot.get(spot) ?? []), theme]);
  }
  const bodies: Body[] = [];
  for (const members of bySpot.values()) {
    const singles = members.map((theme) => ({
      ranks: [theme.rank],
      anchorX: toX(theme.developers),
      anchorY: toY(theme.hours),
      x: toX(theme.developers),
      y: toY(theme.hours),
      radius: markerRadius,
      isBeyondX: theme.developers > xScale.max,
      isBeyondY: theme.hours > yScale.max,
    }));
    if (members.length >= GROUP_AT) bodies.push(mergeBodies(singles, compact));
    else bodies.push(...singles);
  }
  const markers: PlacedMarker[] = separate(bodies, plot, compact)
    .map((body) => ({ ...body, isDisplaced: Math.hypot(body.x - body.anchorX, body.y - body.anchorY) > 1 }))
    .sort((a, b) => a.ranks[0] - b.ranks[0]);

  const obstacles: Rect[] = markers.flatMap((marker) => [
    circleBox(marker, 1),
    ...(marker.isDisplaced ? [{ x: marker.anchorX - 3, y: marker.anchorY - 3, width: 6, height: 6 }] : []),
  ]);
  const labels: PlacedLabel[] = [];
  const height = fontSize + 4;
  const isFree = (box: Rect, bounds: Rect) => inside(box, bounds) && !obstacles.some((obstacle) => overlaps(box, obstacle)) && !labels.some((label) => overlaps(box, label.box));

  // Quadrant names first, in their own region's corners.
  const splitX = toX(splits.developers);
  const splitY = toY(splits.hours);
  const unplacedQuadrants: Quadrant[] = [];
  for (const [quadrant, corner] of Object.entries(QUADRANT_CORNERS) as [Exclude<Quadrant, 'needs-evidence'>, { isRight: boolean; isTop: boolean }][]) {
    const region: Rect = {
      x: corner.isRight ? splitX : plot.x,
      y: corner.isTop ? plot.y : splitY,
      width: corner.isRight ? plot.x + plot.width - splitX : splitX - plot.x,
      height: corner.isTop ? splitY - plot.y : plot.y + plot.height - splitY,
    };
    const text = options.quadrantNames[quadrant];
    const size = fontSize + 1;
    const width = measure(text, size) + 2 * LABEL_PAD;
    const boxHeight = size + 4;
    const left = region.x + 2;
    const right = region.x + region.width - 2 - width;
    const top = region.y + 2;
    const bottom = region.y + region.height - 2 - boxHeight;
    const corners = [
      { x: corner.isRight ? right : left, y: corner.isTop ? top : bottom },
      { x: corner.isRight ? left : right, y: corner.isTop ? top : bottom },
      { x: corner.isRight ? right : left, y: corner.isTop ? bottom : top },
      { x: corner.isRight ? left : right, y: corner.isTop ? bottom : top },
    ];
    const spot = corners.map((point) => ({ x: point.x, y: point.y, width, height: boxHeight })).find((box) => isFree(box, region));
    if (!spot) {
      unplacedQuadrants.push(quadrant);
      continue;
    }
    labels.push({ text, marker: null, quadrant, x: spot.x + LABEL_PAD, y: spot.y + boxHeight / 2, anchor: 'start', fontSize: size, box: spot });
  }

  // Then the titles of the best-ranked themes, beside their marker where nothing else is.
  const titled = options.titledPoints ?? 10;
  const byRank = new Map(themes.map((theme) => [theme.rank, theme]));
  const untitledRanks: number[] = [];
  markers.forEach((marker, index) => {
    const isGroup = marker.ranks.length > 1;
    if (!isGroup && marker.ranks[0] > titled) {
      untitledRanks.push(marker.ranks[0]);
      return;
    }
    const title = isGroup ? `${marker.ranks.length} themes` : byRank.get(marker.ranks[0])!.title;
    const texts = isGroup ? [title] : [shorten(title, compact ? 22 : 30), shorten(title, 14)];
    for (const text of [...new Set(texts)]) {
      const width = measure(text, fontSize) + 2 * LABEL_PAD;
      const spot = labelCandidates(marker, width, height, 2).find((candidate) => isFree(candidate.box, plot));
      if (spot) {
        labels.push({
          text,
          marker: index,
          quadrant: null,
          x: spot.anchor === 'start' ? spot.x + LABEL_PAD : spot.anchor === 'end' ? spot.x - LABEL_PAD : spot.x,
          y: spot.y,
          anchor: spot.anchor,
          fontSize,
          box: spot.box,
        });
        return;
      }
    }
    if (!isGroup) untitledRanks.push(marker.ranks[0]);
  });

  return {
    width: options.width,
    height: options.height,
    plot,
    xScale,
    yScale,
    splitX,
    splitY,
    markers,
    labels,
    untitledRanks: untitledRanks.sort((a, b) => a - b),
    unplacedQuadrants,
  };
}
