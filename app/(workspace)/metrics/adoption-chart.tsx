'use client';
// Weekly adoption: share of deployments and of services going through the platform, with the
// year-one target band (60-80% of eligible services) drawn.
import { formatAxisDay, formatDay } from '@/app/_components/format';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RouterOutputs } from '@/server/root';
import { type ChartMarker, ShipMarkerList, shipMarkerLines } from '@/app/_components/ship-markers';
import { percent } from './format';

type Point = RouterOutputs['metrics']['delivery']['adoptionWeekly'][number];

export function AdoptionChart({ points, markers }: { points: Point[]; markers: (ChartMarker & { when: string })[] }) {
  const data = points.map((point) => ({
    week: point.period.slice(5),
    deployments: point.deploymentShare === null ? null : Math.round(point.deploymentShare * 100),
    services: point.serviceShare === null ? null : Math.round(point.serviceShare * 100),
  }));
  return (
    <>
      <div role="img" aria-label="Weekly share of deployments and services through the platform, with the 60 to 80 percent year-one target band" className="h-72 w-full">
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <ReferenceArea y1={60} y2={80} fill="#dcfce7" fillOpacity={0.7} label={{ value: 'Year-one target 60-80%', position: 'insideTopLeft', fill: '#166534', fontSize: 12 }} />
            <XAxis dataKey="week" tickFormatter={formatAxisDay} tick={{ fontSize: 12, fill: '#475569' }} minTickGap={24} />
            <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 12, fill: '#475569' }} width={44} />
            <Tooltip formatter={(value) => `${value}%`} labelFormatter={(week) => `Week of ${formatDay(String(week))}`} />
            <Legend />
            {shipMarkerLines(markers)}
            <Line type="monotone" dataKey="services" name="Services through the platform" stroke="#4338ca" strokeWidth={2} dot={false} connectNulls={false} />
            <Line type="monotone" dataKey="deployments" name="Deployments through the platform" stroke="#0f766e" strokeWidth={2} dot={false} strokeDasharray="5 3" connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
        <span className="sr-only">{data.length ? `Latest week: ${percent(points[points.length - 1].serviceShare)} of services.` : ''}</span>
      </div>
      <ShipMarkerList markers={markers} />
    </>
  );
}
