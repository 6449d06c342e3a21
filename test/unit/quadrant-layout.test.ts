import { describe, expect, it } from 'vitest';
import { quadrantOf, quadrantSplits, type Quadrant } from '@/server/inventory/inventory-model';
import { boxesOverlap, markersOverlap } from '@/server/inventory/quadrant-geometry';
import { layoutQuadrantChart, type LayoutTheme, type QuadrantLayout } from '@/server/inventory/quadrant-layout';
import { chooseScale, niceScale, outlierCut } from '@/server/inventory/quadrant-scales';

const NAMES = { 'do-first': 'Do first', 'severe-for-few': 'Severe for a few', widespread: 'Widespread papercut', watch: 'Watch' };

function themes(points: [number, number][], quadrant: Quadrant | null = 'watch'): LayoutTheme[] {
  return points.map(([developers, hours], index) => ({
    rank: index + 1,
    title: `Theme number ${index + 1} about deploying services`,
    developers,
    hours,
    quadrant,
  }));
}

/** The drawing's promises, checked on any layout: every theme drawn once, nothing overlaps. */
function expectHonest(layout: QuadrantLayout, count: number) {
  const ranks = layout.markers.flatMap((marker) => marker.ranks).sort((a, b) => a - b);
  expect(ranks).toEqual(Array.from({ length: count }, (_, index) => index + 1));
  for (let i = 0; i < layout.markers.length; i++) {
    const marker = layout.markers[i];
    expect(marker.x - marker.radius).toBeGreaterThanOrEqual(layout.plot.x - 1e-6);
    expect(marker.x + marker.radius).toBeLessThanOrEqual(layout.plot.x + layout.plot.width + 1e-6);
    expect(marker.y - marker.radius).toBeGreaterThanOrEqual(layout.plot.y - 1e-6);
    expect(marker.y + marker.radius).toBeLessThanOrEqual(layout.plot.y + layout.plot.height + 1e-6);
    for (let j = i + 1; j < layout.markers.length; j++) expect(markersOverlap(marker, layout.markers[j], 0)).toBe(false);
  }
  for (let i = 0; i < layout.labels.length; i++) {
    for (let j = i + 1; j < layout.labels.length; j++) expect(boxesOverlap(layout.labels[i].box, layout.labels[j].box)).toBe(false);
    for (const marker of layout.markers) {
      const box = { x: marker.x - marker.radius, y: marker.y - marker.radius, width: 2 * marker.radius, height: 2 * marker.radius };
      expect(boxesOverlap(layout.labels[i].box, box)).toBe(false);
    }
  }
}

describe('quadrant classification', () => {
  const theme = (affectedDevelopers: number, hours: number, sourceKinds: ('interview' | 'ticket')[]) => ({
    affectedDevelopers,
    hoursPerDeveloperPerMonth: hours,
    sourceKinds,
  });

  it('never calls a theme "do first" on the strength of one developer or one source kind', () => {
    const splits = { developers: 2, hours: 1 };
    expect(quadrantOf(theme(3, 5, ['interview', 'ticket']), splits)).toBe('do-first');
    expect(quadrantOf(theme(3, 5, ['interview']), splits)).toBe('needs-evidence');
    expect(quadrantOf(theme(1, 5, ['interview', 'ticket']), { developers: 1, hours: 1 })).toBe('needs-evidence');
    // Below the top right the usual names hold, single source or not.
    expect(quadrantOf(theme(1, 5, ['interview']), splits)).toBe('severe-for-few');
    expect(quadrantOf(theme(3, 0.5, ['interview']), splits)).toBe('widespread');
  });

  it('starts "many developers" at two even when most themes have one', () => {
    const rows = [theme(1, 10, ['interview', 'ticket']), theme(1, 2, ['interview', 'ticket']), theme(3, 4, ['interview', 'ticket'])];
    const splits = quadrantSplits(rows)!;
    expect(splits.developers).toBe(2);
    expect(rows.map((row) => quadrantOf(row, splits))).toEqual(['severe-for-few', 'watch', 'do-first']);
  });
});

describe('scales', () => {
  it('rounds the axis to a nice number a little above the largest value', () => {
    expect(niceScale(10, 5, true)).toEqual({ max: 12, ticks: [0, 3, 6, 9, 12] });
    expect(niceScale(4.5, 5, false)).toEqual({ max: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(niceScale(1, 4, true)).toEqual({ max: 2, ticks: [0, 1, 2] });
    expect(niceScale(0, 4, false).max).toBeGreaterThan(0);
  });

  it('finds an outlier that would squash the rest, and only then', () => {
    expect(outlierCut([2, 3, 4, 40])).toBe(4);
    expect(outlierCut([1, 1, 1, 2, 40, 45])).toBe(2);
    expect(outlierCut([2, 3, 4, 6])).toBeNull();
    expect(outlierCut([1, 100])).toBeNull(); // two points: nothing to squash
    expect(outlierCut([0, 0, 5])).toBeNull(); // no scale to keep below zero
  });

  it('clips the axis below the outlier but keeps the split on it', () => {
    const scale = chooseScale([2, 3, 4, 40], { split: 3.5, tickCount: 5, isInteger: true });
    expect(scale.isClipped).toBe(true);
    expect(scale.max).toBeLessThan(10);
    expect(chooseScale([1, 1, 1], { split: 2, tickCount: 5, isInteger: true }).max).toBeGreaterThanOrEqual(2);
    expect(chooseScale([2, 3, 4], { split: 3, tickCount: 5, isInteger: true }).isClipped).toBe(false);
  });
});

describe('layoutQuadrantChart', () => {
  it('places each point at its value when nothing collides', () => {
    const layout = layoutQuadrantChart(themes([[2, 1], [8, 4]]), { developers: 5, hours: 2.5 }, { width: 1200, height: 420, quadrantNames: NAMES });
    expectHonest(layout, 2);
    expect(layout.markers.every((marker) => !marker.isDisplaced)).toBe(true);
    const [first, second] = layout.markers;
    expect(second.x).toBeGreaterThan(first.x);
    expect(second.y).toBeLessThan(first.y); // more hours is higher up
    expect(layout.labels.filter((label) => label.marker !== null).map((label) => label.text)).toHaveLength(2);
  });

  it('spreads themes at identical coordinates, each with a line back to the exact spot', () => {
    const layout = layoutQuadrantChart(themes([[3, 2], [3, 2], [3, 2], [6, 5]]), { developers: 3, hours: 2 }, { width: 390, height: 340, quadrantNames: NAMES });
    expectHonest(layout, 4);
    const ring = layout.markers.filter((marker) => marker.ranks[0] <= 3);
    expect(ring).toHaveLength(3);
    expect(ring.filter((marker) => marker.isDisplaced).length).toBeGreaterThanOrEqual(2);
    for (const marker of ring) expect(Math.hypot(marker.x - marker.anchorX, marker.y - marker.anchorY)).toBeLessThan(30);
  });

  it('groups many themes at one spot into one marker with their count', () => {
    const layout = layoutQuadrantChart(themes([[1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [4, 3]]), { developers: 2, hours: 1 }, { width: 1200, height: 420, quadrantNames: NAMES });
    expectHonest(layout, 7);
    expect(layout.markers.map((marker) => marker.ranks)).toEqual([[1, 2, 3, 4, 5, 6], [7]]);
    expect(layout.labels.find((label) => label.marker === 0)?.text).toBe('6 themes');
  });

  it('keeps a crowd on a phone apart, grouping only what cannot be pushed apart', () => {
    const crowd = themes(Array.from({ length: 40 }, (_, index) => [1 + (index % 4), 1 + (index % 3) * 0.1] as [number, number]));
    const layout = layoutQuadrantChart(crowd, { developers: 2, hours: 1.1 }, { width: 330, height: 340, quadrantNames: NAMES });
    expectHonest(layout, 40);
  });

  it('never overprints labels, at 1280 px or on a 390 px phone', () => {
    const points: [number, number][] = [[5, 4], [5, 4.1], [5.2, 4], [2, 8], [2, 7.8], [9, 1], [9, 1.1], [1, 0.5], [3, 3], [4, 2]];
    for (const width of [1240, 340]) {
      const layout = layoutQuadrantChart(themes(points), { developers: 4.5, hours: 2.5 }, { width, height: width > 600 ? 420 : 340, quadrantNames: NAMES });
      expectHonest(layout, points.length);
      // Every theme is either titled on the chart or listed as untitled.
      const titled = layout.labels.filter((label) => label.marker !== null).flatMap((label) => layout.markers[label.marker!].ranks);
      expect([...titled, ...layout.untitledRanks].sort((a, b) => a - b)).toEqual(points.map((_, index) => index + 1));
    }
  });

  it('draws an outlier at the edge, marked, instead of squashing the others', () => {
    const layout = layoutQuadrantChart(themes([[40, 2], [2, 1], [3, 2], [4, 1.5]]), { developers: 3.5, hours: 1.75 }, { width: 1200, height: 420, quadrantNames: NAMES });
    expectHonest(layout, 4);
    expect(layout.xScale.isClipped).toBe(true);
    const outlier = layout.markers.find((marker) => marker.ranks[0] === 1)!;
    expect(outlier.isBeyondX).toBe(true);
    expect(outlier.x).toBeCloseTo(layout.plot.x + layout.plot.width - outlier.radius, 0);
    // The rest use the width: the spread between 2 and 4 developers is wide, not a few pixels.
    const rest = layout.markers.filter((marker) => marker.ranks[0] !== 1).map((marker) => marker.anchorX);
    expect(Math.max(...rest) - Math.min(...rest)).toBeGreaterThan(layout.plot.width / 4);
  });

  it('puts the quadrant names only where they cover no point', () => {
    const layout = layoutQuadrantChart(themes([[4, 4], [1, 1]]), { developers: 2, hours: 2 }, { width: 1200, height: 420, quadrantNames: NAMES });
    expectHonest(layout, 2);
    expect(layout.labels.filter((label) => label.quadrant).map((label) => label.quadrant).sort()).toEqual(['do-first', 'severe-for-few', 'watch', 'widespread']);
  });
});
