// Small pieces the survey and rating pages share: state and health badges, number formats.
import { Badge } from '@/app/_components/page-header';

export function formatScore(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

const STATE_LABELS = { open: 'Open', scheduled: 'Not open yet', closed: 'Closed' } as const;

export function StateBadge({ state, isImported = false }: { state: keyof typeof STATE_LABELS; isImported?: boolean }) {
  if (isImported) return <Badge tone="slate">Imported</Badge>;
  return <Badge tone={state === 'open' ? 'green' : state === 'scheduled' ? 'brand' : 'slate'}>{STATE_LABELS[state]}</Badge>;
}

const HEALTH = {
  healthy: { tone: 'green', label: 'Healthy (above 7.5)' },
  watch: { tone: 'amber', label: 'Watch (6.5 to 7.5)' },
  warning: { tone: 'red', label: 'Warning (below 6.5)' },
} as const;

export function HealthBadge({ health }: { health: keyof typeof HEALTH | null }) {
  if (!health) return null;
  return <Badge tone={HEALTH[health].tone}>{HEALTH[health].label}</Badge>;
}

/** The health band of a 1-10 mean, as the results compute it. */
export function healthOfMean(mean: number | null): keyof typeof HEALTH | null {
  if (mean === null) return null;
  return mean > 7.5 ? 'healthy' : mean < 6.5 ? 'warning' : 'watch';
}
