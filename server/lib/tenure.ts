// Tenure bands of the directory and the spellings of them people type into spreadsheets.
import type { TenureBand } from '@/db/types';

export const TENURE_BANDS: readonly TenureBand[] = ['<1y', '1-3y', '3-5y', '5y+'];

export const TENURE_LABELS: Record<TenureBand, string> = {
  '<1y': 'Less than 1 year',
  '1-3y': '1-3 years',
  '3-5y': '3-5 years',
  '5y+': '5 years or more',
};

const ALIASES: Record<string, TenureBand> = {
  '<1y': '<1y', '<1': '<1y', '0-1y': '<1y', '0-1': '<1y', lessthan1y: '<1y', under1y: '<1y',
  '1-3y': '1-3y', '1-3': '1-3y', '1to3y': '1-3y',
  '3-5y': '3-5y', '3-5': '3-5y', '3to5y': '3-5y',
  '5y+': '5y+', '5+': '5y+', '5+y': '5y+', '>5y': '5y+', '>5': '5y+', morethan5y: '5y+', over5y: '5y+',
};

/** The band a typed value means, null for an empty value, undefined when it is not a band. */
export function parseTenureBand(value: string): TenureBand | null | undefined {
  const key = value
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(years?|yrs?)$/, 'y')
  if (key === '') return null;
  return ALIASES[key] ?? ALIASES[key.replace(/y$/, '')];
}

// ---- Tenure as people write it in a directory export ------------------------------------------

/** The band of a tenure of this many whole months: under 12, 12-35, 36-59, 60 and more. */
export function bandOfMonths(months: number): TenureBand {
  if (months < 12) return '<1y';
  if (months < 36) return '1-3y';
  if (months < 60) return '3-5y';
  return '5y+';
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eighteen: 18, twenty: 20, thirty: 30, half: 0.5,
};

const YEAR_UNITS = /^(y|yr|yrs|year|years)$/;
const MONTH_UNITS = /^(m|mo|mos|mth|mths|month|months)$/;

/** "2 years", "6 months", "18m", "1y 6m", "1 year and 6 months", "1.5 years", "six months": whole months, or null. */
export function parseTenureLength(value: string): number | null {
  const text = value.toLowerCase().replace(/,/g, ' ').replace(/\band\b/g, ' ').trim();
  if (text === '') return null;
  const pattern = /(\d+(?:\.\d+)?|[a-z]+)\s*([a-z]+)/g;
  let months = 0;
  let consumed = '';
  let hasYears = false;
  let hasMonths = false;
  for (const match of text.matchAll(pattern)) {
    const [whole, rawCount, unit] = match;
    const count = /^\d/.test(rawCount) ? Number(rawCount) : NUMBER_WORDS[rawCount];
    if (count === undefined || !Number.isFinite(count)) return null;
    if (YEAR_UNITS.test(unit) && !hasYears) {
      months += count * 12;
      hasYears = true;
    } else if (MONTH_UNITS.test(unit) && !hasMonths) {
      months += count;
      hasMonths = true;
    } else return null;
    consumed += whole;
  }
  // Every character must belong to a "<count> <unit>" pair: "2 years ago" or "1y 6" is not a tenure.
  if (consumed.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) return null;
  if (!hasYears && !hasMonths) return null;
  return Math.floor(months + 1e-9);
}

/** Whole months from a date of joining ('2024-03-01' or '2024-03') to today; null when it is not such a date. */
export function monthsSinceJoining(value: string, today: Date): number | 'future' | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : 1];
  const joined = new Date(Date.UTC(year, month - 1, day));
  if (joined.getUTCFullYear() !== year || joined.getUTCMonth() !== month - 1 || joined.getUTCDate() !== day) return null;
  if (joined.getTime() > today.getTime()) return 'future';
  let months = (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() - (month - 1));
  if (today.getUTCDate() < day) months -= 1;
  return Math.max(0, months);
}

export type TenureReading = { band: TenureBand | null } | { problem: string };

export const TENURE_FORMS = 'a band (<1y, 1-3y, 3-5y, 5y+), a length such as "2 years", "6 months", "18m" or "1y 6m", or a date of joining such as 2024-03-01';

/**
 * A directory's tenure cell as a band: a band as written, a length of time, or a date of joining
 * (counted to today). Empty is "unknown" (null band); anything else names what it accepts.
 */
export function readTenure(value: string, today: Date = new Date()): TenureReading {
  const band = parseTenureBand(value);
  if (band !== undefined) return { band };
  const length = parseTenureLength(value);
  if (length !== null) return { band: bandOfMonths(length) };
  const since = monthsSinceJoining(value, today);
  if (since === 'future') return { problem: `"${value.trim()}" is a date of joining in the future.` };
  if (since !== null) return { band: bandOfMonths(since) };
  return { problem: `"${value.trim()}" is not a tenure. Write ${TENURE_FORMS}.` };
}
