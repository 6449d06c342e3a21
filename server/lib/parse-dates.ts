// Reads the dates ticket systems write into their exports: ISO 8601, `2025-06-30 09:54:12` (with
// or without a zone), Jira's `30/Jun/25 9:54 AM`, and day/month/year numbers. A date without a
// zone is read in the import's time zone (UTC unless the person chose another). Pure.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export const DATE_EXAMPLES = '2025-06-30, 2025-06-30 14:05, 2025-06-30T14:05:00Z or 30/Jun/25 9:54 AM';

export interface DateOptions {
  /** How to read 03/04/2025: day first (the default, as most of the world writes it) or month first. */
  isMonthFirst?: boolean;
  /** The IANA zone dates without a zone are in (default UTC). */
  timeZone?: string;
}

/** Whether the runtime knows an IANA time zone name such as Europe/Berlin. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** Minutes the zone is ahead of UTC at an instant (cached per zone and hour: exports repeat hours). */
function offsetAt(zone: string, instant: number): number {
  const key = `${zone} ${Math.floor(instant / 3_600_000)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The offset of a wall-clock time (given as if it were UTC) in a zone, DST included. */
function wallClockOffset(zone: string | undefined, wall: number): number {
  if (!zone || zone === 'UTC') return 0;
  const guess = offsetAt(zone, wall);
  return offsetAt(zone, wall - guess * 60_000);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a year as Date.UTC reads it (years 0-99 are 1900-1999). */
function daysInMonth(year: number, month: number): number {
  const full = year >= 0 && year <= 99 ? 1900 + year : year;
  const isLeap = (full % 4 === 0 && full % 100 !== 0) || full % 400 === 0;
  return month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * `offsetMinutes` undefined: a wall-clock time in `zone`. One Date per call: Next.js wraps the Date
 * constructor on the server, which made the calendar check's second Date a visible cost of imports.
 */
function build(zone: string | undefined, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, offsetMinutes?: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  // 31/Feb is not a date.
  if (day > daysInMonth(year, month)) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  const time = wall - (offsetMinutes ?? wallClockOffset(zone, wall)) * 60_000;
  if (Number.isNaN(time)) return undefined;
  return new Date(time);
}

function twoDigitYear(value: string): number {
  const year = Number(value);
  if (value.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function hour12(hour: number, meridiem: string | undefined): number | undefined {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return undefined;
  const isPm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (isPm ? 12 : 0);
}

/** The offset a date writes (undefined: none written; null: one this reader does not know). */
function zoneOffset(zone: string | undefined): number | undefined | null {
  if (!zone) return undefined;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const JIRA = /^(\d{1,2})\/([A-Za-z]{3,4})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * The instant a date cell stands for; null for an empty cell; undefined when the text is not a
 * date this reader knows (the caller reports the row and column).
 */
export function parseExportDate(text: string, options: DateOptions = {}): Date | null | undefined {
  const value = text.trim();
  if (value === '') return null;

  const iso = ISO.exec(value);
  if (iso) {
    const offset = zoneOffset(iso[7]);
    if (offset === null) return undefined;
    return build(options.timeZone, Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), offset);
  }

  const jira = JIRA.exec(value);
  if (jira) {
    const month = MONTHS[jira[2].toLowerCase()];
    const hour = hour12(Number(jira[4] ?? 0), jira[7]);
    if (!month || hour === undefined) return undefined;
    return build(options.timeZone, twoDigitYear(jira[3]), month, Number(jira[1]), hour, Number(jira[5] ?? 0), Number(jira[6] ?? 0));
  }

  const numeric = NUMERIC.exec(value);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const [day, month] = options.isMonthFirst ? [second, first] : [first, second];
    const hour = hour12(Number(numeric[4] ?? 0), numeric[7]);
    if (hour === undefined) return undefined;
    return build(options.timeZone, twoDigitYear(numeric[3]), month, day, hour, Number(numeric[5] ?? 0), Number(numeric[6] ?? 0));
  }
  return undefined;
}

/** 'YYYY-MM-DD' of an instant, in UTC. */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
