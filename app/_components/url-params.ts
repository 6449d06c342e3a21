// The pure half of useUrlParams (pager.tsx): a page's `searchParams` prop as URLSearchParams and
// the list page in it. A server page that prefetches parses its filters with the same function
// its client component applies to useSearchParams(), so both ask for the same query (a different
// input is a hydration mismatch, React #418).
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** What both URLSearchParams and Next.js's ReadonlyURLSearchParams offer: the first value of a name. */
export type ParamReader = Pick<URLSearchParams, 'get'>;

/** The page's `searchParams` prop as the browser's URLSearchParams would read the same address. */
export function toUrlSearchParams(record: SearchParamsRecord): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, one);
  }
  return params;
}

/** The list page in the address ('page'), 1 when absent or not a number. */
export function pageOf(params: ParamReader): number {
  return Math.max(1, Number(params.get('page')) || 1);
}

/** The value of an address parameter when it is one of `values`, else `fallback` (an unknown or missing value). */
export function oneOf<T extends string, F>(value: string | null, values: readonly T[], fallback: F): T | F {
  return values.includes(value as T) ? (value as T) : fallback;
}
