// The pain inventory's filters and sort order, one definition for the tRPC procedures, the page's
// URL and the REST API's query string (the same names everywhere). Pure.
import { z } from 'zod';
import type { EvidenceSourceKind, TenureBand } from '@/db/types';
import { SOURCE_KINDS, SOURCE_LABELS } from '@/server/evidence/rules';
import { TENURE_BANDS } from '@/server/lib/tenure';

export const INVENTORY_SORTS = ['score', 'affected', 'reach', 'severity', 'confidence'] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];
export const MAX_BACKGROUND_FILTER = 60;

export const SORT_LABELS: Record<InventorySort, string> = {
  score: 'Score',
  affected: 'Affected developers',
  reach: 'Reach',
  severity: 'Severity (hours each)',
  confidence: 'Confidence',
};

const isoDate = z.iso.date({ message: 'Use a date like 2026-03-31' });
const sourceKind = z.enum(SOURCE_KINDS, { message: `Use source kinds from: ${SOURCE_KINDS.join(', ')}` });

/** Each filter field, as typed values (tRPC input). */
const filterFields = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  teamId: z.uuid({ message: 'Use the id of a team' }).optional(),
  tenureBand: z.enum(TENURE_BANDS as [TenureBand, ...TenureBand[]], { message: `Use a tenure band: ${TENURE_BANDS.join(', ')}` }).optional(),
  background: z.string().trim().min(1, 'Name a background, e.g. backend').max(MAX_BACKGROUND_FILTER, `Keep the background under ${MAX_BACKGROUND_FILTER} characters`).optional(),
  sourceKinds: z.array(sourceKind).max(SOURCE_KINDS.length).optional(),
};

const dateOrder = <T extends { from?: string; to?: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date is before the start date' });
  }
};

export const inventoryFilterSchema = z.object(filterFields).superRefine(dateOrder);
export type InventoryFilterInput = z.infer<typeof inventoryFilterSchema>;

/** A query-string value: one string, or several when the parameter repeats. */
type QueryValue = string | string[] | undefined;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[value.length - 1] : value);
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
/** "interview,ticket" or ?sourceKinds=interview&sourceKinds=ticket. */
const listValue = (value: unknown) =>
  value === undefined || value === ''
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((part) => String(part).split(',')).map((part) => part.trim()).filter(Boolean);

/** Each parameter of the query string (the page's URL and GET /api/v1/inventory). */
const queryFields = {
  from: z.preprocess((v) => emptyToUndefined(firstValue(v)), filterFields.from),
  to: z.preprocess((v) => emptyToUndefined(firstValue(v)), filterFields.to),
  teamId: z.preprocess((v) => emptyToUndefined(firstValue(v)), filterFields.teamId),
  tenureBand: z.preprocess((v) => emptyToUndefined(firstValue(v)), filterFields.tenureBand),
  background: z.preprocess((v) => emptyToUndefined(firstValue(v)), filterFields.background),
  sourceKinds: z.preprocess(listValue, filterFields.sourceKinds),
  sort: z.preprocess((v) => emptyToUndefined(firstValue(v)), z.enum(INVENTORY_SORTS, { message: `Sort by one of: ${INVENTORY_SORTS.join(', ')}` }).default('score')),
};

export const INVENTORY_QUERY_PARAMETERS = Object.keys(queryFields) as (keyof typeof queryFields)[];

/** The query string of GET /api/v1/inventory; every parameter is optional. */
export const inventoryQuerySchema = z.object(queryFields).superRefine(dateOrder);

export interface ParsedInventoryParams {
  filter: InventoryFilterInput;
  sort: InventorySort;
  /** Parameters that could not be used, each with why; the page shows them and ignores them. */
  problems: { parameter: string; message: string }[];
}

/**
 * The page's URL parameters, one at a time, so that one bad value (an old bookmark, a typo) is
 * reported and ignored while the others still apply.
 */
export function parseInventoryParams(params: Record<string, QueryValue>): ParsedInventoryParams {
  const filter: Record<string, unknown> = {};
  const problems: ParsedInventoryParams['problems'] = [];
  let sort: InventorySort = 'score';
  for (const key of INVENTORY_QUERY_PARAMETERS) {
    const result = queryFields[key].safeParse(params[key]);
    if (!result.success) {
      problems.push({ parameter: key, message: result.error.issues[0].message });
      continue;
    }
    if (key === 'sort') sort = result.data as InventorySort;
    else if (result.data !== undefined) filter[key] = result.data;
  }
  const typed = filter as InventoryFilterInput;
  if (typed.from && typed.to && typed.from > typed.to) {
    problems.push({ parameter: 'to', message: 'The end date is before the start date' });
    delete typed.to;
  }
  return { filter: typed, sort, problems };
}

/** The filter (and sort) as query-string pairs, for links that keep the same view. */
export function inventorySearchParams(filter: InventoryFilterInput, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.teamId) params.set('teamId', filter.teamId);
  if (filter.tenureBand) params.set('tenureBand', filter.tenureBand);
  if (filter.background) params.set('background', filter.background);
  if (filter.sourceKinds?.length) params.set('sourceKinds', filter.sourceKinds.join(','));
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params;
}

export function isFiltered(filter: InventoryFilterInput): boolean {
  return Boolean(filter.from || filter.to || filter.teamId || filter.tenureBand || filter.background || filter.sourceKinds?.length);
}

const TENURE_WORDS: Record<TenureBand, string> = { '<1y': 'less than 1 year', '1-3y': '1-3 years', '3-5y': '3-5 years', '5y+': '5+ years' };
export const SOURCE_KIND_LABELS: Record<EvidenceSourceKind, string> = SOURCE_LABELS;

/** "Team Payments, 1-3 years, interviews and tickets, 2026-01-01 to 2026-03-31", or "All evidence". */
export function describeFilter(filter: InventoryFilterInput, names: { teamName?: string | null } = {}): string {
  const parts: string[] = [];
  if (filter.teamId) parts.push(names.teamName ? teamLabel(names.teamName) : 'one team');
  if (filter.tenureBand) parts.push(TENURE_WORDS[filter.tenureBand]);
  if (filter.background) parts.push(`${filter.background} developers`);
  if (filter.sourceKinds?.length) parts.push(`from ${filter.sourceKinds.map((kind) => SOURCE_KIND_LABELS[kind].toLowerCase()).join(', ')}`);
  if (filter.from && filter.to) parts.push(`${filter.from} to ${filter.to}`);
  else if (filter.from) parts.push(`since ${filter.from}`);
  else if (filter.to) parts.push(`until ${filter.to}`);
  return parts.length ? parts.join(', ') : 'All evidence, whole directory';
}

export function teamLabel(name: string): string {
  return /^team\b/i.test(name) ? name : `Team ${name}`;
}

/**
 * How a quote is attributed when names are hidden: "backend developer, 1-3 years, Team Payments".
 * Unattributed evidence says so.
 */
export function describeDeveloper(developer: { background: string | null; tenureBand: TenureBand | null; teamName: string | null } | null): string {
  if (!developer) return 'unattributed';
  const parts = [
    developer.background ? `${developer.background} developer` : 'developer',
    developer.tenureBand ? TENURE_WORDS[developer.tenureBand] : null,
    developer.teamName ? teamLabel(developer.teamName) : null,
  ].filter(Boolean);
  return parts.join(', ');
}
