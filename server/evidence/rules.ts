// What a valid piece of evidence is: limits, messages, its kind (recurring estimate or single
// occurrence, DESIGN.md "Ranking"), and whether an excerpt really comes from its source. Pure.
import { z } from 'zod';
import type { EvidenceKind, EvidenceMinutesOrigin, EvidenceSourceKind } from '@/db/types';

export const MAX_EXCERPT = 5000;
/** A month of minutes: more than that per occurrence is a typo, not a measurement. */
export const MAX_MINUTES_LOST = 43_200;
export const MAX_OCCURRENCES_PER_MONTH = 10_000;

/** The evidence list's word filter: a few words, not a document. */
export const MAX_FILTER_TEXT = 200;

export const SOURCE_KINDS = ['interview', 'shadowing', 'ticket', 'postmortem', 'survey', 'rating', 'request'] as const;

export const SOURCE_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  interview: 'Interview',
  shadowing: 'Shadowing',
  ticket: 'Ticket',
  postmortem: 'Post-mortem',
  survey: 'Survey',
  rating: 'Rating',
  request: 'Request',
};

export const excerptSchema = z
  .string({ message: 'Select the words that show the friction' })
  .trim()
  .min(1, 'The excerpt is empty: select the words that show the friction')
  .max(MAX_EXCERPT, `Keep the excerpt under ${MAX_EXCERPT} characters`);

export const minutesLostSchema = z
  .number({ message: 'Enter the minutes lost as a number' })
  .min(0, 'Minutes lost cannot be negative')
  .max(MAX_MINUTES_LOST, `More than a month (${MAX_MINUTES_LOST} minutes) per occurrence is not plausible; use occurrences per month instead`);

export const occurrencesSchema = z
  .number({ message: 'Enter how often it happens as a number' })
  .gt(0, 'It must happen more than 0 times a month')
  .max(MAX_OCCURRENCES_PER_MONTH, `Keep occurrences under ${MAX_OCCURRENCES_PER_MONTH} a month`);

export const severitySchema = z
  .number({ message: 'Choose a severity from 1 to 5' })
  .int('Choose a severity from 1 to 5')
  .min(1, 'Choose a severity from 1 to 5')
  .max(5, 'Choose a severity from 1 to 5');

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when the excerpt appears in the source text, ignoring differences in white space and case. */
export function isExcerptInSource(excerpt: string, sourceText: string): boolean {
  const needle = normalise(excerpt);
  return needle.length > 0 && normalise(sourceText).includes(needle);
}

export const EVIDENCE_KINDS = ['recurring', 'single'] as const satisfies readonly EvidenceKind[];
export const MINUTES_ORIGINS = ['entered', 'category_rule', 'working_hours'] as const satisfies readonly EvidenceMinutesOrigin[];

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  recurring: 'Recurring estimate',
  single: 'Single occurrence',
};

/**
 * The kind an item of each source has unless someone says otherwise: what a developer tells about
 * their work (interview, survey answer, request) is an estimate of how often it happens; a ticket,
 * a friction event seen while shadowing and a post-mortem factor happened once, on their date. A
 * rating is one developer's verdict on one use of a flow, on its date, with no rate: single.
 */
export const DEFAULT_KIND_OF_SOURCE = {
  interview: 'recurring',
  survey: 'recurring',
  request: 'recurring',
  ticket: 'single',
  shadowing: 'single',
  postmortem: 'single',
  rating: 'single',
} as const satisfies Record<EvidenceSourceKind, EvidenceKind>;

export const evidenceKindSchema = z.enum(EVIDENCE_KINDS, { message: 'Choose recurring (minutes x times a month) or single (happened once)' });

export interface EvidenceCostInput {
  sourceKind: EvidenceSourceKind;
  /** undefined or null: recurring when a rate is given, else the source's default kind. */
  kind?: EvidenceKind | null;
  minutesLost?: number | null;
  /** Only for recurring items; undefined or null means once a month for them. */
  occurrencesPerMonth?: number | null;
  severity?: number | null;
  /** Where the minutes came from; 'entered' when minutes are given without one. */
  minutesOrigin?: EvidenceMinutesOrigin | null;
}

/** An item's time cost as stored: single items have occurrences 1 and no rate of their own. */
export interface EvidenceCost {
  kind: EvidenceKind;
  minutesLost: number | null;
  occurrencesPerMonth: number;
  severity: number | null;
  minutesOrigin: EvidenceMinutesOrigin | null;
}

export type EvidenceCostField = 'kind' | 'minutesLost' | 'occurrencesPerMonth' | 'severity';

export type EvidenceCostResult = { ok: true; cost: EvidenceCost } | { ok: false; field: EvidenceCostField; message: string };

const problem = (field: EvidenceCostField, message: string): EvidenceCostResult => ({ ok: false, field, message });

function firstIssue(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Invalid value');
}

/**
 * Checks an item's time cost against its source and returns it as stored. The one place that says
 * what a kind may carry, for every writer (the evidence form, cluster-to-evidence, imports, edits):
 * a ticket (or other single-occurrence source) marked recurring must say how often it happens; a
 * single occurrence has no rate; minutes, rate and severity stay within their limits.
 */
export function resolveEvidenceCost(input: EvidenceCostInput): EvidenceCostResult {
  const minutesLost = input.minutesLost ?? null;
  const rate = input.occurrencesPerMonth ?? null;
  const severity = input.severity ?? null;
  if (minutesLost !== null) {
    const message = firstIssue(minutesLostSchema, minutesLost);
    if (message) return problem('minutesLost', message);
  }
  if (rate !== null) {
    const message = firstIssue(occurrencesSchema, rate);
    if (message) return problem('occurrencesPerMonth', message);
  }
  if (severity !== null) {
    const message = firstIssue(severitySchema, severity);
    if (message) return problem('severity', message);
  }
  const sourceDefault = DEFAULT_KIND_OF_SOURCE[input.sourceKind];
  const kind: EvidenceKind = input.kind ?? (rate !== null && rate !== 1 ? 'recurring' : sourceDefault);
  const source = SOURCE_LABELS[input.sourceKind].toLowerCase();
  if (kind === 'recurring' && sourceDefault === 'single' && rate === null) {
    return problem(
      'kind',
      `A ${source} happened once, on its date. To count it as recurring, say how many times a month it happens (occurrences per month).`,
    );
  }
  if (kind === 'single' && rate !== null && rate !== 1) {
    return problem('occurrencesPerMonth', 'A single occurrence has no rate of its own: leave occurrences per month empty, or mark the item recurring.');
  }
  return {
    ok: true,
    cost: {
      kind,
      minutesLost,
      occurrencesPerMonth: kind === 'recurring' ? (rate ?? 1) : 1,
      severity,
      minutesOrigin: minutesLost === null ? null : (input.minutesOrigin ?? 'entered'),
    },
  };
}
