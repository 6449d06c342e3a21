// How every page writes a date: '5 Dec 2026' (a long form '5 December 2026' for headings, and
// '28 Sep' on a chart's axis), in UTC, so the server's render and the browser's agree and a
// calendar day ('2026-12-05') is never shifted by the reader's time zone.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const AXIS_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

type DayLike = Date | string | null | undefined;

/** A Date, or a calendar day 'YYYY-MM-DD' (an ISO timestamp is read as its day). */
function toDate(value: DayLike): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** No date: `empty`; a text that is not a day (a quarter, 'No date') is shown as it is. */
function format(formatter: Intl.DateTimeFormat, value: DayLike, empty: string): string {
  const date = toDate(value);
  if (date) return formatter.format(date);
  return typeof value === 'string' && value !== '' ? value : empty;
}

/** '5 Dec 2026'; `empty` (default '—') when there is no date. */
export const formatDay = (value: DayLike, empty = '—') => format(DAY, value, empty);

/** '5 December 2026', for a sentence or a heading. */
export const formatLongDay = (value: DayLike, empty = '—') => format(LONG_DAY, value, empty);

/** '28 Sep', for a chart's axis where the year is in the title or the tooltip. */
export const formatAxisDay = (value: DayLike) => format(AXIS_DAY, value, '');
