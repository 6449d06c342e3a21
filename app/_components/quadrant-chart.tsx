'use client';
// The pain inventory's frequency x severity chart: one numbered point per theme, the quadrants
// named ("Do first" top right), the numbers on hover or keyboard focus, a click opens the theme.
// Where everything goes is decided by layoutQuadrantChart() (server/inventory/quadrant-layout.ts):
// no point hides another, no label overprints, an outlier is drawn at the edge and marked. A table
// of the same numbers sits below it (quadrant-chart-table.tsx) for screen readers and exact values.
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatHours, QUADRANT_HINTS, QUADRANT_LABELS, QUADRANTS, type Quadrant, type QuadrantSplits } from '@/server/inventory/inventory-model';
import { estimateTextWidth, layoutQuadrantChart, type MeasureText, type PlacedMarker } from '@/server/inventory/quadrant-layout';
import { QuadrantTable } from './quadrant-chart-table';

export interface ChartTheme {
  rank: number;
  title: string;
  affectedDevelopers: number;
  hoursPerDeveloperPerMonth: number | null;
  score: number | null;
  quadrant: Quadrant | null;
  /** Where a click on the point goes; no link on the public share page. */
  href?: string;
}

interface Point extends ChartTheme {
  developers: number;
  hours: number;
}

const COLORS: Record<Quadrant, string> = {
  'do-first': '#b91c1c',
  'needs-evidence': '#9f1239',
  'severe-for-few': '#b45309',
  widespread: '#1d4ed8',
  watch: '#475569',
};
const AREA_FILLS: Record<Exclude<Quadrant, 'needs-evidence'>, string> = { 'do-first': '#fee2e2', 'severe-for-few': '#fef3c7', widespread: '#dbeafe', watch: '#f1f5f9' };
const QUADRANT_NAMES = { 'do-first': QUADRANT_LABELS['do-first'], 'severe-for-few': QUADRANT_LABELS['severe-for-few'], widespread: QUADRANT_LABELS.widespread, watch: QUADRANT_LABELS.watch };

const shorten = (title: string, max = 30) => (title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function describe(point: Point): string {
  return `#${point.rank} ${point.title}: ${plural(point.developers, 'affected developer')}, ${formatHours(point.hours)} hours lost per affected developer per month, score ${formatHours(point.score)} developer-hours per month${point.quadrant ? ` (${QUADRANT_LABELS[point.quadrant]})` : ''}`;
}

/** Text widths as the browser draws them (the page's font), so labels are placed exactly. */
function browserMeasure(element: HTMLElement): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateTextWidth;
  const family = getComputedStyle(element).fontFamily;
  return (text, fontSize) => {
    context.font = `600 ${fontSize}px ${family}`;
    return context.measureText(text).width;
  };
}

export function QuadrantChart({ themes, splits, caption }: { themes: ChartTheme[]; splits: QuadrantSplits | null; caption: string }) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number; measure: MeasureText } | null>(null);
  const [isTableOpen, setTableOpen] = useState(false);
  const [active, setActive] = useState<{ marker: PlacedMarker } | null>(null);

  const points: Point[] = useMemo(
    () =>
      themes
        .filter((theme) => theme.hoursPerDeveloperPerMonth !== null && theme.affectedDevelopers > 0)
        .map((theme) => ({ ...theme, developers: theme.affectedDevelopers, hours: theme.hoursPerDeveloperPerMonth! })),
    [themes],
  );
  const byRank = useMemo(() => new Map(points.map((point) => [point.rank, point])), [points]);
  const unplotted = themes.filter((theme) => theme.hoursPerDeveloperPerMonth === null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = browserMeasure(element);
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      const height = Math.floor(entry.contentRect.height);
      setSize((previous) => (previous && previous.width === width && previous.height === height ? previous : { width, height, measure }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [points.length, splits]);

  const layout = useMemo(
    () =>
      size && splits && points.length > 0
        ? layoutQuadrantChart(points, splits, { width: size.width, height: size.height, measureText: size.measure, quadrantNames: QUADRANT_NAMES })
        : null,
    [size, splits, points],
  );

  if (points.length === 0 || !splits) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">
        The chart needs time data: give evidence minutes lost or a severity, and its themes appear here.
      </p>
    );
  }

  const open = (href: string | undefined) => {
    if (href) router.push(href);
  };
  const beyond = layout ? layout.markers.filter((marker) => marker.isBeyondX || marker.isBeyondY).flatMap((marker) => marker.ranks) : [];
  const groups = layout ? layout.markers.filter((marker) => marker.ranks.length > 1) : [];
  const hasNeedsEvidence = points.some((point) => point.quadrant === 'needs-evidence');

  const renderMarker = (marker: PlacedMarker, index: number) => {
    const isGroup = marker.ranks.length > 1;
    const point = byRank.get(marker.ranks[0])!;
    const members = marker.ranks.map((rank) => byRank.get(rank)!);
    const label = isGroup
      ? `${marker.ranks.length} themes at one spot: ${members.map((member) => `#${member.rank} ${member.title}`).join('; ')}. Open the chart as a table for each one's numbers.`
      : describe(point);
    const href = isGroup ? undefined : point.href;
    const color = isGroup ? '#334155' : point.quadrant ? COLORS[point.quadrant] : COLORS.watch;
    const isHollow = !isGroup && point.quadrant === 'needs-evidence';
    const activate = () => (isGroup ? setTableOpen(true) : open(href));
    const isInteractive = isGroup || Boolean(href);
    return (
      <g
        key={marker.ranks.join('-')}
        data-marker={index}
        data-ranks={marker.ranks.join(' ')}
        role={isInteractive ? (isGroup ? 'button' : 'link') : 'img'}
        tabIndex={isInteractive ? 0 : undefined}
        aria-label={label}
        onClick={isInteractive ? activate : undefined}
        onKeyDown={
          isInteractive
            ? (event: KeyboardEvent) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  activate();
                }
              }
            : undefined
        }
        onMouseEnter={() => setActive({ marker })}
        onMouseLeave={() => setActive(null)}
        onFocus={() => setActive({ marker })}
        onBlur={() => setActive(null)}
        style={isInteractive ? { cursor: 'pointer' } : undefined}
        className="outline-none [&:focus-visible>circle]:stroke-brand-600 [&:focus-visible>circle]:stroke-[3]"
      >
        {isGroup && <circle cx={marker.x} cy={marker.y} r={marker.radius + 3} fill="white" stroke={color} strokeWidth={1.5} />}
        <circle
          cx={marker.x}
          cy={marker.y}
          r={marker.radius}
          fill={isHollow ? 'white' : color}
          stroke={isHollow ? color : 'white'}
          strokeWidth={isHollow ? 2 : 1.5}
          strokeDasharray={isHollow ? '3 2' : undefined}
        />
        <text
          x={marker.x}
          y={marker.y}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={isGroup ? 11 : 11}
          fontWeight={700}
          fill={isHollow ? color : 'white'}
          aria-hidden
          pointerEvents="none"
        >
          {isGroup ? `×${marker.ranks.length}` : point.rank}
        </text>
        {marker.isBeyondX && <path d={`M ${marker.x + marker.radius + 1} ${marker.y - 5} l 6 5 l -6 5 z`} fill={color} aria-hidden />}
        {marker.isBeyondY && <path d={`M ${marker.x - 5} ${marker.y - marker.radius - 1} l 5 -6 l 5 6 z`} fill={color} aria-hidden />}
      </g>
    );
  };

  return (
    <figure className="flex flex-col gap-3 break-inside-avoid">
      <figcaption className="text-sm text-slate-600">{caption}</figcaption>
      <div ref={container} data-testid="quadrant-chart" className="relative h-[340px] w-full rounded-lg border border-slate-200 bg-white sm:h-[420px] print:h-[360px]">
        {layout && (
          <svg width={layout.width} height={layout.height} role="group" aria-label="Frequency × severity chart" className="absolute inset-0 block font-sans">
            {QUADRANTS.filter((quadrant): quadrant is Exclude<Quadrant, 'needs-evidence'> => quadrant !== 'needs-evidence').map((quadrant) => {
              const isRight = quadrant === 'do-first' || quadrant === 'widespread';
              const isTop = quadrant === 'do-first' || quadrant === 'severe-for-few';
              const { plot, splitX, splitY } = layout;
              return (
                <rect
                  key={quadrant}
                  x={isRight ? splitX : plot.x}
                  y={isTop ? plot.y : splitY}
                  width={Math.max(0, isRight ? plot.x + plot.width - splitX : splitX - plot.x)}
                  height={Math.max(0, isTop ? splitY - plot.y : plot.y + plot.height - splitY)}
                  fill={AREA_FILLS[quadrant]}
                  fillOpacity={0.7}
                />
              );
            })}
            <line x1={layout.splitX} x2={layout.splitX} y1={layout.plot.y} y2={layout.plot.y + layout.plot.height} stroke="#94a3b8" strokeDasharray="4 4" />
            <line x1={layout.plot.x} x2={layout.plot.x + layout.plot.width} y1={layout.splitY} y2={layout.splitY} stroke="#94a3b8" strokeDasharray="4 4" />
            <g aria-hidden fontSize={11} fill="#334155">
              <line x1={layout.plot.x} x2={layout.plot.x + layout.plot.width} y1={layout.plot.y + layout.plot.height} y2={layout.plot.y + layout.plot.height} stroke="#64748b" />
              <line x1={layout.plot.x} x2={layout.plot.x} y1={layout.plot.y} y2={layout.plot.y + layout.plot.height} stroke="#64748b" />
              {layout.xScale.ticks.map((tick, index) => {
                const x = layout.plot.x + (tick / layout.xScale.max) * layout.plot.width;
                const isLast = index === layout.xScale.ticks.length - 1;
                return (
                  <text key={tick} x={x} y={layout.plot.y + layout.plot.height + 14} textAnchor={isLast ? 'end' : 'middle'}>
                    {tick}
                    {isLast && layout.xScale.isClipped ? '+' : ''}
                  </text>
                );
              })}
              {layout.yScale.ticks.map((tick, index) => {
                const y = layout.plot.y + layout.plot.height - (tick / layout.yScale.max) * layout.plot.height;
                const isLast = index === layout.yScale.ticks.length - 1;
                return (
                  <text key={tick} x={layout.plot.x - 5} y={y} textAnchor="end" dominantBaseline={index === 0 ? 'auto' : isLast ? 'hanging' : 'central'}>
                    {formatHours(tick)}
                    {isLast && layout.yScale.isClipped ? '+' : ''}
                  </text>
                );
              })}
              <text x={layout.plot.x + layout.plot.width / 2} y={layout.height - 6} textAnchor="middle" fontSize={12}>
                Affected developers (frequency) →
              </text>
              <text
                transform={`translate(12 ${layout.plot.y + layout.plot.height / 2}) rotate(-90)`}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={12}
              >
                {layout.width < 520 ? 'Hours per developer a month →' : 'Hours lost per developer per month (severity) →'}
              </text>
            </g>
            <g aria-hidden>
              {layout.markers
                .filter((marker) => marker.isDisplaced)
                .map((marker) => (
                  <g key={marker.ranks.join('-')}>
                    <line x1={marker.anchorX} y1={marker.anchorY} x2={marker.x} y2={marker.y} stroke="#475569" strokeWidth={1} />
                    <circle cx={marker.anchorX} cy={marker.anchorY} r={2.5} fill="#0f172a" />
                  </g>
                ))}
            </g>
            {layout.markers.map(renderMarker)}
            <g aria-hidden pointerEvents="none">
              {layout.labels.map((label) => (
                <text
                  key={`${label.marker ?? label.quadrant}`}
                  data-label={label.marker ?? label.quadrant}
                  x={label.x}
                  y={label.y}
                  textAnchor={label.anchor}
                  dominantBaseline="central"
                  fontSize={label.fontSize}
                  fontWeight={600}
                  fill={label.quadrant ? '#334155' : '#0f172a'}
                  stroke="white"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {label.text}
                </text>
              ))}
            </g>
          </svg>
        )}
        {layout && active && (
          <div
            role="status"
            className="pointer-events-none absolute z-10 w-64 max-w-[calc(100%-8px)] rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg"
            style={{
              left: active.marker.x > layout.width * 0.55 ? Math.max(4, active.marker.x - 280) : Math.min(active.marker.x + 24, Math.max(4, layout.width - 260)),
              top: Math.max(4, Math.min(active.marker.y - 20, layout.height - 150)),
            }}
          >
            {active.marker.ranks.length === 1 && (() => {
              const point = byRank.get(active.marker.ranks[0])!;
              return (
                <>
                  <p className="font-semibold text-slate-900">
                    #{point.rank} {point.title}
                  </p>
                  <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 text-slate-700">
                    <dt>Affected developers</dt>
                    <dd className="text-right font-medium">{point.developers}</dd>
                    <dt>Hours per developer per month</dt>
                    <dd className="text-right font-medium">{formatHours(point.hours)}</dd>
                    <dt>Score (developer-hours per month)</dt>
                    <dd className="text-right font-medium">{formatHours(point.score)}</dd>
                  </dl>
                  {point.quadrant && <p className="mt-1 text-slate-600">{QUADRANT_LABELS[point.quadrant]}</p>}
                </>
              );
            })()}
            {active.marker.ranks.length > 1 && active.marker.ranks.map((rank) => {
              const point = byRank.get(rank)!;
              return (
                <div key={rank} className="[&+&]:mt-2">
                  <p className="font-semibold text-slate-900">
                    #{point.rank} {point.title}
                  </p>
                  <p className="text-slate-700">
                    {plural(point.developers, 'affected developer')} · {formatHours(point.hours)} h per developer a month · score {formatHours(point.score)}
                    {point.quadrant && ` · ${QUADRANT_LABELS[point.quadrant]}`}
                  </p>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Chart legend">
        {QUADRANTS.map((quadrant) => (
          <li key={quadrant} className="flex items-center gap-1.5">
            <svg width="12" height="12" aria-hidden>
              <circle
                cx="6"
                cy="6"
                r="5"
                fill={quadrant === 'needs-evidence' ? 'white' : COLORS[quadrant]}
                stroke={quadrant === 'needs-evidence' ? COLORS[quadrant] : 'none'}
                strokeDasharray={quadrant === 'needs-evidence' ? '2 1.5' : undefined}
                strokeWidth={1.5}
              />
            </svg>
            <span>
              <strong className="font-semibold">{QUADRANT_LABELS[quadrant]}</strong>: {QUADRANT_HINTS[quadrant]}
            </span>
          </li>
        ))}
      </ul>
      <div className="space-y-1 text-xs text-slate-600">
        <p>The dashed lines are the medians of the plotted themes (“many” starts at two developers at least). Numbers on the points are ranks.</p>
        {hasNeedsEvidence && (
          <p>Hollow points need more evidence: they sit top right, but one developer or one source kind backs them, so they are not called “do first”.</p>
        )}
        {beyond.length > 0 && (
          <p>
            Off the scale, drawn at the edge with an arrow so the others stay readable:{' '}
            {beyond
              .map((rank) => byRank.get(rank)!)
              .map((point) => `#${point.rank} ${shorten(point.title, 40)} (${plural(point.developers, 'developer')}, ${formatHours(point.hours)} h)`)
              .join('; ')}
            .
          </p>
        )}
        {groups.length > 0 && (
          <p>
            {groups
              .map((group) => `${group.ranks.map((rank) => `#${rank}`).join(', ')} share one spot and are drawn as one marker (×${group.ranks.length})`)
              .join('; ')}
            .
          </p>
        )}
        {layout && layout.untitledRanks.length > 0 && (
          <p>
            Points without a title:{' '}
            {layout.untitledRanks
              .map((rank) => byRank.get(rank)!)
              .map((point) => `#${point.rank} ${shorten(point.title, 40)}`)
              .join('; ')}
            .
          </p>
        )}
        {unplotted.length > 0 && <p>Not plotted (no time data yet): {unplotted.map((theme) => `#${theme.rank} ${shorten(theme.title, 40)}`).join('; ')}.</p>}
      </div>
      <QuadrantTable themes={themes} isOpen={isTableOpen} onToggle={setTableOpen} />
    </figure>
  );
}
