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
