// Where the frequency x severity chart draws everything, in pixels, so that the drawing never lies:
// each axis gets a scale that one outlier cannot squash (the outlier is drawn at the edge, marked),
// markers that would overlap are pushed apart (with a line back to their exact spot) or grouped
// with a count, and titles and quadrant names go only where they overprint nothing. Pure. The
// scales and the marker geometry are in quadrant-scales.ts and quadrant-geometry.ts.
import type { Quadrant, QuadrantSplits } from './inventory-model';
import { circleBox, inside, mergeBodies, overlaps, separate, type Body, type Rect } from './quadrant-geometry';
import { chooseScale, type AxisScale } from './quadrant-scales';

export interface LayoutTheme {
  rank: number;
  title: string;
  developers: number;
  hours: number;
  quadrant: Quadrant | null;
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
const LABEL_PAD = 3;

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
