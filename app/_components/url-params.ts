// Reading a page's query string the same way on both sides: the browser's useSearchParams()
// (useUrlParams in pager.tsx) and a server page's `searchParams` prop, so a page can prefetch a
// list with exactly the input its client view will ask for (a different input is a different
// query, and the hydrated HTML would not match: React #418).

/** What both URLSearchParams and Next.js's ReadonlyURLSearchParams offer: the first value of a name. */
export interface ParamReader {
  get(name: string): string | null;
}

/** A server page's `searchParams` as the URLSearchParams the browser sees (a repeated name keeps every value, `get` the first). */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/** The list page in the URL (`page`), 1 when missing or not a number. */
export function pageOf(params: ParamReader): number {
  return Math.max(1, Number(params.get('page')) || 1);
}
