// One evidence item as the theme pages show it: the quote, who said it, its source and what it
// costs in time.
import { Badge } from '@/app/_components/page-header';
import { SOURCE_LABELS, type SOURCE_KINDS } from '@/server/evidence/rules';
import { describeDeveloper } from '@/server/inventory/inventory-params';
import { formatHours } from '@/server/inventory/inventory-model';
import { type TENURE_LABELS } from '@/app/(workspace)/directory/tenure-options';
import { SourceLink } from '@/app/_components/source-link';
import { DeveloperLink } from '@/app/_components/developer-link';

const SEVERITY_WORDS: Record<number, string> = { 1: 'minor', 2: 'an hour', 3: 'half a day', 4: 'two days', 5: 'blocked' };

export interface EvidenceView {
  id: string;
  excerpt: string;
  source_kind: (typeof SOURCE_KINDS)[number];
  source_path?: string;
  observed_on: string;
  /** Links the name to the developer's page when given. */
  participant_id?: string | null;
  participant_name: string | null;
  participant_background?: string | null;
  participant_tenure_band?: keyof typeof TENURE_LABELS | null;
  team_name?: string | null;
  minutes_lost?: number | null;
  occurrences_per_month?: number;
  severity?: number | null;
  /** Recurring estimate (a monthly rate) or single occurrence (once, on its date). */
  kind?: 'recurring' | 'single';
  monthly_minutes?: number | null;
}

export function timeCost(item: EvidenceView): string | null {
  if (item.minutes_lost === undefined) return null;
  const often = item.kind === 'single' ? 'once (single occurrence)' : item.occurrences_per_month === 1 ? 'once a month' : `${item.occurrences_per_month}× a month`;
  if (item.minutes_lost !== null) return `${item.minutes_lost} min, ${often}`;
  if (item.severity) return `severity ${item.severity} (${SEVERITY_WORDS[item.severity]}), ${often}`;
  return 'no time estimate';
}

export function EvidenceItem({ item }: { item: EvidenceView }) {
  const cost = timeCost(item);
  const developer =
    item.participant_name === null ? (
      'Unattributed'
    ) : (
      <>
        <DeveloperLink id={item.participant_id} name={item.participant_name} />
        {item.participant_background !== undefined &&
          ` (${describeDeveloper({ background: item.participant_background ?? null, tenureBand: item.participant_tenure_band ?? null, teamName: item.team_name ?? null })})`}
      </>
    );
  return (
    <div className="min-w-0">
      <blockquote className="text-sm break-words text-slate-900">“{item.excerpt}”</blockquote>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <Badge tone="brand">{SOURCE_LABELS[item.source_kind]}</Badge>
        <span>{developer}</span>
        <span>· {item.observed_on}</span>
        {cost && <span>· {cost}</span>}
        {item.monthly_minutes != null && item.kind !== 'single' && <span>· {formatHours(item.monthly_minutes / 60)} h a month</span>}
        {item.source_path && (
          <SourceLink href={item.source_path} className="text-brand-700 underline">
            Open the source
          </SourceLink>
        )}
      </p>
    </div>
  );
}
