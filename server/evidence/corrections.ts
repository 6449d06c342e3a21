// Corrections of an evidence item: which fields an edit changes (each becomes a history row, old
// and new value as text) and how a history row reads ("Minutes lost: 480 min → 45 min"). Pure.
import type { EvidenceHistoryField, EvidenceKind } from '@/db/types';
import { EVIDENCE_KIND_LABELS } from './rules';

/** The fields a person can correct, as stored. */
export interface CorrectableEvidence {
  minutes_lost: number | null;
  occurrences_per_month: number;
  kind: EvidenceKind;
  severity: number | null;
  participant_id: string | null;
  excerpt: string;
}

export interface EvidenceChange {
  field: EvidenceHistoryField;
  oldValue: string | null;
  newValue: string | null;
}

/** In the order a history shows them. */
export const HISTORY_FIELDS: readonly EvidenceHistoryField[] = ['excerpt', 'participant_id', 'kind', 'minutes_lost', 'occurrences_per_month', 'severity'];

export const HISTORY_FIELD_LABELS: Record<EvidenceHistoryField, string> = {
  excerpt: 'Excerpt',
  participant_id: 'Developer',
  kind: 'Kind',
  minutes_lost: 'Minutes lost',
  occurrences_per_month: 'Occurrences per month',
  severity: 'Severity',
};

const asText = (value: string | number | null): string | null => (value === null ? null : String(value));

/** The fields whose stored value differs between before and after (numbers compared as numbers). */
export function evidenceChanges(before: CorrectableEvidence, after: CorrectableEvidence): EvidenceChange[] {
  const changes: EvidenceChange[] = [];
  for (const field of HISTORY_FIELDS) {
    const old = before[field];
    const next = after[field];
    const isSame = typeof old === 'number' || typeof next === 'number' ? (old === null ? null : Number(old)) === (next === null ? null : Number(next)) : old === next;
    if (!isSame) changes.push({ field, oldValue: asText(old), newValue: asText(next) });
  }
  return changes;
}

const MINUTES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** One value of a history row as people read it; developer ids are looked up in `names`. */
export function describeHistoryValue(field: EvidenceHistoryField, value: string | null, names: Map<string, string>): string {
  if (value === null) {
    if (field === 'participant_id') return 'unattributed';
    if (field === 'minutes_lost') return 'no minutes';
    if (field === 'severity') return 'no severity';
    return '—';
  }
  switch (field) {
    case 'minutes_lost':
      return `${MINUTES.format(Number(value))} min`;
    case 'occurrences_per_month':
      return `${MINUTES.format(Number(value))} a month`;
    case 'severity':
      return `${value} of 5`;
    case 'kind':
      return value === 'recurring' || value === 'single' ? EVIDENCE_KIND_LABELS[value].toLowerCase() : value;
    case 'participant_id':
      return names.get(value) ?? 'a developer no longer in the directory';
    case 'excerpt':
      return `“${value}”`;
  }
}
