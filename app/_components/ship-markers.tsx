'use client';
// Ship dates of roadmap items on trend lines: a dashed vertical line on the period an item shipped
// in, and the same list as text under the chart for readers who do not see the drawing.
import Link from 'next/link';
import { ReferenceLine } from 'recharts';

export interface ChartMarker {
  /** The x value of the period the item shipped in, as the chart's data labels it. */
  at: string;
  itemId: string;
  label: string;
}

const SHIP_COLOR = '#9333ea';

/** Vertical lines for a recharts chart; call it inside the chart (recharts reads its direct children). */
export function shipMarkerLines(markers: ChartMarker[]) {
  return markers.map((marker, index) => (
    <ReferenceLine
      key={`${marker.itemId}-${index}`}
      x={marker.at}
      stroke={SHIP_COLOR}
      strokeDasharray="3 3"
      ifOverflow="extendDomain"
      label={{ value: `▲ ${marker.label.length > 28 ? `${marker.label.slice(0, 27)}…` : marker.label}`, position: 'insideTopRight', fontSize: 11, fill: '#6b21a8' }}
    />
  ));
}

/** The shipped items a chart marks, as links to their before/after view. */
export function ShipMarkerList({ markers }: { markers: (ChartMarker & { when: string })[] }) {
  if (markers.length === 0) return null;
  return (
    <p className="mt-2 text-xs text-slate-600">
      <span className="font-medium text-purple-800">Shipped:</span>{' '}
      {markers.map((marker, index) => (
        <span key={`${marker.itemId}-${index}`}>
          {index > 0 && ' · '}
          <Link href={`/metrics/impact/${marker.itemId}`} className="text-purple-800 underline">
            {marker.label}
          </Link>{' '}
          ({marker.when})
        </span>
      ))}
    </p>
  );
}
