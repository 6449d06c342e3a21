'use client';
// Charts for scores: a distribution of answers per score, and a trend line with optional health
// bands (healthy above 7.5, warning below 6.5 on a 1-10 scale). The drawing is hidden from
// screen readers; every chart comes with the same numbers as a table.
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type ChartMarker, ShipMarkerList, shipMarkerLines } from './ship-markers';

const BRAND = '#4338ca';
const AXIS = { fontSize: 12, fill: '#475569' };

export function Figure({ caption, chart, table, footer }: { caption: string; chart: ReactNode; table: ReactNode; footer?: ReactNode }) {
  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="sr-only">{caption}</figcaption>
      <div aria-hidden className="h-64 w-full min-w-0">
        {chart}
      </div>
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-brand-700">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
      {footer}
    </figure>
  );
}

function NumberTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <table className="min-w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold text-slate-700">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, cellIndex) => (
              <td key={cellIndex} className="border-b border-slate-100 px-2 py-1 text-slate-800">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How many answers gave each score. */
export function DistributionChart({ caption, bars, valueLabel = 'Score' }: { caption: string; bars: { value: number; count: number }[]; valueLabel?: string }) {
  return (
    <Figure
      caption={caption}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="value" tick={AXIS} tickLine={false} />
            <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} />
            <Bar dataKey="count" name="Answers" fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={<NumberTable caption={caption} columns={[valueLabel, 'Answers']} rows={bars.map((bar) => [bar.value, bar.count])} />}
    />
  );
}

/** Whole-number ticks for a small scale (1-5, 1-10), quarters of the range for a wide one (eNPS). */
function ticksOf([min, max]: [number, number]): number[] {
  const step = max - min <= 10 ? 1 : (max - min) / 4;
  return Array.from({ length: Math.round((max - min) / step) + 1 }, (_, index) => min + index * step);
}

export interface TrendPoint {
  label: string;
  value: number | null;
  count: number;
}

/**
 * A trend of means over time. With bands, the healthy zone (above `healthy`) is shaded green and
 * the warning zone (below `warning`) red, so a reader sees at once where each point falls.
 */
export function TrendChart({
  caption,
  points,
  domain,
  bands,
  valueName = 'Mean',
  countName = 'Answers',
  markers = [],
}: {
  caption: string;
  points: TrendPoint[];
  domain: [number, number];
  bands?: { healthy: number; warning: number } | null;
  valueName?: string;
  countName?: string;
  /** Roadmap items shipped in the chart's periods, drawn as dashed lines on their period's label. */
  markers?: (ChartMarker & { when: string })[];
}) {
  const labels = new Set(points.map((point) => point.label));
  const shown = markers.filter((marker) => labels.has(marker.at));
  return (
    <Figure
      footer={<ShipMarkerList markers={shown} />}
      caption={caption}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            {bands && (
              <>
                <ReferenceArea
                  y1={bands.healthy}
                  y2={domain[1]}
                  fill="#16a34a"
                  fillOpacity={0.08}
                  ifOverflow="hidden"
                  label={{ value: `healthy above ${bands.healthy}`, position: 'insideTopLeft', fontSize: 11, fill: '#166534' }}
                />
                <ReferenceArea y1={bands.warning} y2={bands.healthy} fill="#f59e0b" fillOpacity={0.1} ifOverflow="hidden" />
                <ReferenceArea
                  y1={domain[0]}
                  y2={bands.warning}
                  fill="#dc2626"
                  fillOpacity={0.08}
                  ifOverflow="hidden"
                  label={{ value: `warning below ${bands.warning}`, position: 'insideBottomLeft', fontSize: 11, fill: '#991b1b' }}
                />
                <ReferenceLine y={bands.healthy} stroke="#16a34a" strokeDasharray="4 4" />
                <ReferenceLine y={bands.warning} stroke="#dc2626" strokeDasharray="4 4" />
              </>
            )}
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={AXIS} tickLine={false} interval="preserveStartEnd" padding={{ left: 24, right: 24 }} />
            <YAxis domain={domain} ticks={ticksOf(domain)} tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(2) : String(value))} />
            {shipMarkerLines(shown)}
            <Line type="monotone" dataKey="value" name={valueName} stroke={BRAND} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <NumberTable
          caption={caption}
          columns={['', valueName, countName]}
          rows={points.map((point) => [point.label, point.value === null ? '—' : point.value.toFixed(2), point.count])}
        />
      }
    />
  );
}
