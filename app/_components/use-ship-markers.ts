'use client';
// The ship dates of roadmap items, placed on a chart's periods (weeks or quarters) by the same
// labels the chart draws, so every trend line can mark what shipped when.
import { useQuery } from '@tanstack/react-query';
import { quarterOf, weekOf } from '@/server/metrics/definitions';
import { useTRPC } from '@/app/_trpc/client';
import { formatDay } from './format';
import type { ChartMarker } from './ship-markers';


export function useShipMarkers(period: 'week' | 'quarter', labelOf: (period: string) => string = (value) => value): (ChartMarker & { when: string })[] {
  const trpc = useTRPC();
  const shipped = useQuery(trpc.metrics.shipMarkers.queryOptions());
  return (shipped.data ?? []).map((item) => {
    const at = new Date(item.shippedAt);
    return { at: labelOf(period === 'week' ? weekOf(at) : quarterOf(at)), itemId: item.id, label: item.title, when: formatDay(at) };
  });
}
