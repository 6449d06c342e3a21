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
  sourceKind: (typeof SOURCE_KINDS)[number];
  sourcePath?: string;
  observedOn: string;
  /** Links the name to the developer's page when given. */
  participantId?: string | null;
  participantName: string | null;
  participantBackground?: string | null;
  participantTenureBand?: keyof typeof TENURE_LABELS | null;
  teamName?: string | null;
  minutesLost?: number | null;
  occurrencesPerMonth?: number;
  severity?: number | null;
  /** Recurring estimate (a monthly rate) or single occurrence (once, on its date). */
  kind?: 'recurring' | 'single';
  monthlyMinutes?: number | null;
}

export function timeCost(item: EvidenceView): string | null {
  if (item.minutesLost === undefined) return null;
  const often = item.kind === 'single' ? 'once (single occurrence)' : item.occurrencesPerMonth === 1 ? 'once a month' : `${item.occurrencesPerMonth}× a month`;
  if (item.minutesLost !== null) return `${item.minutesLost} min, ${often}`;
  if (item.severity) return `severity ${item.severity} (${SEVERITY_WORDS[item.severity]}), ${often}`;
  return 'no time estimate';
}

export function EvidenceItem({ item }: { item: EvidenceView }) {
  const cost = timeCost(item);
  const developer =
    item.participantName === null ? (
      'Unattributed'
    ) : (
      <>
        <DeveloperLink id={item.participantId} name={item.participantName} />
        {item.participantBackground !== undefined &&
          ` (${describeDeveloper({ background: item.participantBackground ?? null, tenureBand: item.participantTenureBand ?? null, teamName: item.teamName ?? null })})`}
      </>
    );
  return (
    <div className="min-w-0">
      <blockquote className="text-sm break-words text-slate-900">“{item.excerpt}”</blockquote>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <Badge tone="brand">{SOURCE_LABELS[item.sourceKind]}</Badge>
        <span>{developer}</span>
        <span>· {item.observedOn}</span>
        {cost && <span>· {cost}</span>}
        {item.monthlyMinutes != null && item.kind !== 'single' && <span>· {formatHours(item.monthlyMinutes / 60)} h a month</span>}
        {item.sourcePath && (
          <SourceLink href={item.sourcePath} className="text-brand-700 underline">
            Open the source
          </SourceLink>
        )}
      </p>
    </div>
  );
}
