'use client';
// The pain inventory's frequency x severity chart: one labelled point per theme, the quadrants
// named ("Do first" top right), the numbers on hover or keyboard focus, a click opens the theme.
// A table of the same numbers sits beside it for screen readers and for reading exact values.
import { useRouter } from 'next/navigation';
import { useRef, useState, type KeyboardEvent } from 'react';
import { ReferenceArea, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import { formatHours, QUADRANT_HINTS, QUADRANT_LABELS, type Quadrant, type QuadrantSplits } from '@/server/ranking/inventory-model';

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
  'severe-for-few': '#b45309',
  widespread: '#1d4ed8',
  watch: '#475569',
};
const AREA_FILLS: Record<Quadrant, string> = { 'do-first': '#fee2e2', 'severe-for-few': '#fef3c7', widespread: '#dbeafe', watch: '#f1f5f9' };
/** Points past this rank show their number only, so labels do not pile up. */
const TITLED_POINTS = 8;

const shorten = (title: string, max = 30) => (title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title);

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  return steps.map((step) => step * magnitude).find((candidate) => candidate >= value) ?? 10 * magnitude;
}

function describe(point: Point): string {
  return `#${point.rank} ${point.title}: ${point.developers} affected developer${point.developers === 1 ? '' : 's'}, ${formatHours(point.hours)} hours lost per affected developer per month, score ${formatHours(point.score)} developer-hours per month${point.quadrant ? ` (${QUADRANT_LABELS[point.quadrant]})` : ''}`;
}

export function QuadrantChart({ themes, splits, caption }: { themes: ChartTheme[]; splits: QuadrantSplits | null; caption: string }) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [isTableOpen, setTableOpen] = useState(false);
  const [active, setActive] = useState<{ point: Point; x: number; y: number; isLeft: boolean } | null>(null);
  const points: Point[] = themes
    .filter((theme) => theme.hoursPerDeveloperPerMonth !== null && theme.affectedDevelopers > 0)
    .map((theme) => ({ ...theme, developers: theme.affectedDevelopers, hours: theme.hoursPerDeveloperPerMonth! }));
  const unplotted = themes.filter((theme) => theme.hoursPerDeveloperPerMonth === null);

  if (points.length === 0 || !splits) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">
        The chart needs time data: give evidence minutes lost or a severity, and its themes appear here.
      </p>
    );
  }

  const maxX = niceMax(Math.max(...points.map((point) => point.developers)) * 1.15);
  const maxY = niceMax(Math.max(...points.map((point) => point.hours)) * 1.15);
  const areas: { quadrant: Quadrant; x1: number; x2: number; y1: number; y2: number; position: 'insideTopRight' | 'insideTopLeft' | 'insideBottomRight' | 'insideBottomLeft' }[] = [
    { quadrant: 'do-first', x1: splits.developers, x2: maxX, y1: splits.hours, y2: maxY, position: 'insideTopRight' },
    { quadrant: 'severe-for-few', x1: 0, x2: splits.developers, y1: splits.hours, y2: maxY, position: 'insideTopLeft' },
    { quadrant: 'widespread', x1: splits.developers, x2: maxX, y1: 0, y2: splits.hours, position: 'insideBottomRight' },
    { quadrant: 'watch', x1: 0, x2: splits.developers, y1: 0, y2: splits.hours, position: 'insideBottomLeft' },
  ];

  const show = (point: Point, x: number, y: number) => setActive({ point, x, y, isLeft: x > (container.current?.offsetWidth ?? 0) * 0.6 });
  const open = (point: Point) => {
    if (point.href) router.push(point.href);
  };

  const renderPoint = (props: unknown) => {
    const { cx, cy, payload } = props as { cx?: number; cy?: number; payload: Point };
    if (cx === undefined || cy === undefined) return <g />;
    const color = payload.quadrant ? COLORS[payload.quadrant] : COLORS.watch;
    const interactive = payload.href
      ? {
          role: 'link',
          tabIndex: 0,
          onClick: () => open(payload),
          onKeyDown: (event: KeyboardEvent) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              open(payload);
            }
          },
          onFocus: () => show(payload, cx, cy),
          onBlur: () => setActive(null),
          style: { cursor: 'pointer' },
        }
      : { role: 'img' };
    return (
      <g onMouseEnter={() => show(payload, cx, cy)} onMouseLeave={() => setActive(null)}>
        <g {...interactive} aria-label={describe(payload)} className="outline-none [&:focus-visible>circle]:stroke-brand-600 [&:focus-visible>circle]:stroke-[3]">
          <circle cx={cx} cy={cy} r={11} fill={color} stroke="white" strokeWidth={1.5} />
        </g>
        <text x={cx} y={cy + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill="white" aria-hidden pointerEvents="none">
          {payload.rank}
        </text>
        {payload.rank <= TITLED_POINTS && (
          <text
            x={payload.developers > maxX * 0.55 ? cx - 15 : cx + 15}
            y={cy + 4}
            textAnchor={payload.developers > maxX * 0.55 ? 'end' : 'start'}
            fontSize={12}
            fill="#0f172a"
            stroke="white"
            strokeWidth={3}
            paintOrder="stroke"
            aria-hidden
            pointerEvents="none"
          >
            {shorten(payload.title)}
          </text>
        )}
      </g>
    );
  };

  return (
    <figure className="flex flex-col gap-3 break-inside-avoid">
      <figcaption className="text-sm text-slate-600">{caption}</figcaption>
      <div ref={container} className="relative h-[420px] w-full rounded-lg border border-slate-200 bg-white p-2 print:h-[360px]">
        <ScatterChart responsive accessibilityLayer={false} style={{ width: '100%', height: '100%' }} margin={{ top: 16, right: 24, bottom: 28, left: 16 }}>
          {areas.map((area) => (
            <ReferenceArea
              key={area.quadrant}
              x1={area.x1}
              x2={area.x2}
              y1={area.y1}
              y2={area.y2}
              fill={AREA_FILLS[area.quadrant]}
              fillOpacity={0.7}
              ifOverflow="visible"
              label={{ value: QUADRANT_LABELS[area.quadrant], position: area.position, fill: '#334155', fontSize: 13, fontWeight: 600 }}
            />
          ))}
          <ReferenceLine x={splits.developers} stroke="#94a3b8" strokeDasharray="4 4" />
          <ReferenceLine y={splits.hours} stroke="#94a3b8" strokeDasharray="4 4" />
          <XAxis
            type="number"
            dataKey="developers"
            domain={[0, maxX]}
            allowDataOverflow
            allowDecimals={false}
            tick={{ fill: '#334155', fontSize: 12 }}
            label={{ value: 'Affected developers (frequency) →', position: 'insideBottom', offset: -16, fill: '#334155', fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="hours"
            domain={[0, maxY]}
            allowDataOverflow
            tick={{ fill: '#334155', fontSize: 12 }}
            label={{ value: 'Hours lost per developer per month (severity) →', angle: -90, position: 'insideLeft', offset: 8, dy: 150, fill: '#334155', fontSize: 12 }}
          />
          <Scatter data={points} shape={renderPoint} isAnimationActive={false} />
        </ScatterChart>
        {active && (
          <div
            role="status"
            className="pointer-events-none absolute z-10 w-64 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg"
            style={{ left: active.isLeft ? Math.max(4, active.x - 272) : active.x + 24, top: Math.max(4, active.y - 20) }}
          >
            <p className="font-semibold text-slate-900">
              #{active.point.rank} {active.point.title}
            </p>
            <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 text-slate-700">
              <dt>Affected developers</dt>
              <dd className="text-right font-medium">{active.point.developers}</dd>
              <dt>Hours per developer per month</dt>
              <dd className="text-right font-medium">{formatHours(active.point.hours)}</dd>
              <dt>Score (developer-hours per month)</dt>
              <dd className="text-right font-medium">{formatHours(active.point.score)}</dd>
            </dl>
            {active.point.quadrant && <p className="mt-1 text-slate-600">{QUADRANT_LABELS[active.point.quadrant]}</p>}
          </div>
        )}
      </div>
      <p className="text-xs text-slate-600">
        The dashed lines are the medians of the plotted themes. {QUADRANT_LABELS['do-first']}: {QUADRANT_HINTS['do-first']}.
        {unplotted.length > 0 &&
          ` Not plotted (no time data yet): ${unplotted.map((theme) => `#${theme.rank} ${shorten(theme.title, 40)}`).join('; ')}.`}
      </p>
      <details className="no-print text-sm" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer font-medium text-brand-700">The chart as a table</summary>
        {/* Rendered once opened: a large inventory would otherwise weigh on every page load. */}
        {isTableOpen && (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Themes by affected developers and hours lost per developer</caption>
            <thead>
              <tr className="text-slate-700">
                <th scope="col" className="py-1 pr-3">Rank</th>
                <th scope="col" className="py-1 pr-3">Pain theme</th>
                <th scope="col" className="py-1 pr-3 text-right">Affected developers</th>
                <th scope="col" className="py-1 pr-3 text-right">Hours per developer per month</th>
                <th scope="col" className="py-1 pr-3 text-right">Score</th>
                <th scope="col" className="py-1">Quadrant</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.rank} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{theme.rank}</td>
                  <td className="py-1 pr-3">{theme.href ? <a href={theme.href} className="text-brand-700 underline">{theme.title}</a> : theme.title}</td>
                  <td className="py-1 pr-3 text-right">{theme.affectedDevelopers}</td>
                  <td className="py-1 pr-3 text-right">{formatHours(theme.hoursPerDeveloperPerMonth)}</td>
                  <td className="py-1 pr-3 text-right">{formatHours(theme.score)}</td>
                  <td className="py-1">{theme.quadrant ? QUADRANT_LABELS[theme.quadrant] : 'Not plotted'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        )}
      </details>
    </figure>
  );
}
