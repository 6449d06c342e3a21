'use client';
// Weekly ticket volume by category as stacked bars: the six biggest categories, the rest as "Other".
import { formatAxisDay, formatDay } from '@/app/_components/format';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ShipMarkerList, shipMarkerLines } from '@/app/_components/ship-markers';
import { useShipMarkers } from '@/app/_components/use-ship-markers';

const COLORS = ['#4338ca', '#0f766e', '#b45309', '#be185d', '#0369a1', '#4d7c0f', '#64748b'];
const TOP = 6;

export function WeeklyChart({ rows }: { rows: { week: string; category: string; ticketCount: number }[] }) {
  const allMarkers = useShipMarkers('week');
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.category, (totals.get(row.category) ?? 0) + row.ticketCount);
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([category]) => category);
  const hasOther = totals.size > TOP;
  const series = hasOther ? [...top, 'Other'] : top;
  const weeks = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const entry = weeks.get(row.week) ?? { week: row.week };
    const key = top.includes(row.category) ? row.category : 'Other';
    entry[key] = Number(entry[key] ?? 0) + row.ticketCount;
    weeks.set(row.week, entry);
  }
  const data = [...weeks.values()];
  const markers = allMarkers.filter((marker) => weeks.has(marker.at));
  let busiest = { week: '', sum: 0 };
  for (const entry of data) {
    const sum = series.reduce((total, key) => total + Number(entry[key] ?? 0), 0);
    if (sum > busiest.sum) busiest = { week: String(entry.week), sum };
  }
  return (
    <figure>
      <div className="h-72 w-full" role="img" aria-label={`Tickets per week by category over ${data.length} weeks; the busiest week, starting ${formatDay(busiest.week)}, had ${busiest.sum} tickets.`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 12, fill: '#334155' }} tickFormatter={formatAxisDay} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#334155' }} />
            <Tooltip labelFormatter={(week) => `Week of ${formatDay(String(week))}`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((key, index) => (
              <Bar key={key} dataKey={key} stackId="tickets" fill={COLORS[index % COLORS.length]} isAnimationActive={false} />
            ))}
            {shipMarkerLines(markers)}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 text-xs text-slate-600">Weeks start on Monday. The top categories table lists the same tickets in numbers.</figcaption>
      <ShipMarkerList markers={markers} />
    </figure>
  );
}
