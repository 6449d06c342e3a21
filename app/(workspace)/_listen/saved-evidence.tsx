// The evidence already saved from a source, grouped by the spot it was taken from (`q-2`,
// `notes`, `event-<id>`), and listed under that spot.
import type { RouterOutputs } from '@/server/root';
import { Badge } from '@/app/_components/page-header';
import { formatMinutes } from './format';

export type EvidenceRow = RouterOutputs['evidence']['list']['rows'][number];

export function groupBySpot(rows: EvidenceRow[]): Map<string, EvidenceRow[]> {
  const map = new Map<string, EvidenceRow[]>();
  for (const row of rows) {
    const spot = row.sourcePath.split('#')[1] ?? '';
    map.set(spot, [...(map.get(spot) ?? []), row]);
  }
  return map;
}

export function SavedEvidence({ rows, className = '' }: { rows: EvidenceRow[]; className?: string }) {
  if (rows.length === 0) return null;
  return (
    <div className={className}>
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Saved as evidence</h3>
      <ul className="mt-2 flex flex-col gap-2">
        {rows.map((row) => (
          <li key={row.id} className="text-sm text-slate-800">
            <span className="italic">“{row.excerpt}”</span>
            <span className="ml-2 text-slate-600">
              {row.minutesLost !== null ? `${formatMinutes(row.minutesLost)} × ${row.occurrencesPerMonth}/month` : row.severity ? `severity ${row.severity}` : 'no time estimate'}
            </span>
            {row.themes.map((theme) => (
              <span key={theme.id} className="ml-2">
                <Badge tone="brand">{theme.title}</Badge>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
