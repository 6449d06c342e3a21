// Reads a post-mortem written in Markdown: title (the first "# " heading or front matter), date,
// summary, timeline, contributing factors / root cause, action items, lessons and stats such as
// category, time to detection and time to recovery. Built on 40 real post-mortems of a platform
// team and their quirks (a "# Stats" heading, "20202-01-16" in a timeline, "HH:mm" placeholders).
// Pure: text in, a record or problems out.
import { createHash } from 'node:crypto';
import { findInfrastructureKeywords } from './infrastructure-keywords';

export interface PostmortemRecord {
  externalKey: string;
  title: string;
  incidentDate: string | null;
  summary: string;
  timeline: string;
  contributingFactors: string[];
  actionItems: string[];
  lessons: string;
  category: string | null;
  severity: string | null;
  detectionMinutes: number | null;
  recoveryMinutes: number | null;
  body: string;
  infrastructureKeywords: string[];
}

export interface PostmortemProblem {
  file: string;
  row: number;
  column?: string;
  message: string;
}

export type ParsedPostmortem = { record: PostmortemRecord; problems?: undefined } | { record?: undefined; problems: PostmortemProblem[] };

export const MAX_POSTMORTEM_CHARS = 1_000_000;
export const MAX_POSTMORTEM_TITLE = 300;

type SectionKey = 'summary' | 'timeline' | 'factors' | 'actions' | 'lessons' | 'stats';

const SECTION_NAMES: [SectionKey, RegExp][] = [
  ['summary', /^(summary|overview|description|what happened|incident summary)\b/i],
  ['timeline', /^timeline\b/i],
  ['factors', /^(contributing factors?|root causes?|causes?|findings|what went wrong)\b/i],
  ['actions', /^(action items?|follow[- ]ups?|next steps|remediation|actions)\b/i],
  ['lessons', /^lessons?( learned| learnt)?\b/i],
  ['stats', /^(stats|statistics|metadata|metrics|details)\b/i],
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Stable key of a post-mortem file: its name without folder and extension, lower-cased. */
export function postmortemKey(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(md|markdown|txt)$/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function hashPostmortem(record: PostmortemRecord): string {
  return createHash('sha1').update(JSON.stringify(record)).digest('base64url');
}

function isValidDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1990 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number) => String(value).padStart(2, '0');
const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** "54 minutes", "19 hours 43 minutes.", "11 Days", "N/A", "?" -> minutes or null. */
export function parseDurationMinutes(text: string | null | undefined): number | null {
  if (!text) return null;
  const value = text.replace(/\[\^[^\]]*\]/g, '').toLowerCase();
  let total = 0;
  let found = false;
  for (const match of value.matchAll(/(\d+(?:[.,]\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?)\b/g)) {
    const amount = Number(match[1].replace(',', '.'));
    const unit = match[2][0];
    total += unit === 'd' ? amount * 1440 : unit === 'h' ? amount * 60 : amount;
    found = true;
  }
  if (!found && /^\s*\d+\s*$/.test(value)) return Number(value);
  return found ? Math.round(total) : null;
}

/** List items of a Markdown section (continuation lines joined); paragraphs when it has no list. */
export function listItems(markdown: string): string[] {
  const items: string[] = [];
  let current: string | null = null;
  for (const line of markdown.split('\n')) {
    const bullet = /^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (bullet) {
      if (current !== null) items.push(current.trim());
      current = bullet[1];
    } else if (current !== null && line.trim() !== '' && !/^\s*#/.test(line)) {
      current += ` ${line.trim()}`;
    } else if (current !== null && line.trim() === '') {
      items.push(current.trim());
      current = null;
    }
  }
  if (current !== null) items.push(current.trim());
  const cleaned = items.map((item) => item.trim()).filter(Boolean);
  if (cleaned.length > 0) return cleaned;
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function frontMatter(text: string): { fields: Map<string, string>; rest: string; lines: number } {
  const fields = new Map<string, string>();
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) return { fields, rest: text, lines: 0 };
  for (const line of match[1].split('\n')) {
    const pair = /^([\w -]+):\s*(.*)$/.exec(line);
    if (pair) fields.set(pair[1].trim().toLowerCase(), pair[2].trim().replace(/^["']|["']$/g, ''));
  }
  return { fields, rest: text.slice(match[0].length), lines: match[0].split('\n').length - 1 };
}

/** Dates written in a timeline table or in prose, in order of appearance. */
function datesIn(text: string): { year: number; month: number | null; day: number | null }[] {
  const found: { index: number; year: number; month: number | null; day: number | null }[] = [];
  for (const match of text.matchAll(/(?<!\d)(\d{4,5})[-/](\d{1,2}|\?\?)[-/](\d{1,2}|\?\?)(?!\d)/g)) {
    // A doubled digit ("20202") keeps its first four digits: the year, typed once too often.
    const year = Number(match[1].slice(0, 4));
    const month = match[2] === '??' ? null : Number(match[2]);
    const day = match[3] === '??' ? null : Number(match[3]);
    found.push({ index: match.index ?? 0, year, month, day });
  }
  const names = MONTHS.join('|');
  for (const match of text.matchAll(new RegExp(`\\b(\\d{1,2})\\.?\\s+(${names})\\s+(\\d{4})\\b`, 'gi'))) {
    found.push({ index: match.index ?? 0, year: Number(match[3]), month: MONTHS.indexOf(match[2].toLowerCase()) + 1, day: Number(match[1]) });
  }
  for (const match of text.matchAll(new RegExp(`\\b(${names})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'))) {
    found.push({ index: match.index ?? 0, year: Number(match[3]), month: MONTHS.indexOf(match[1].toLowerCase()) + 1, day: Number(match[2]) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The incident's date: a "Date:" line or front matter, else the first full date of the timeline in
 * the year the post-mortem's id names (PM2022-006 -> 2022), else the first date of the summary.
 */
function incidentDateOf(input: { explicit: string | null; timeline: string; summary: string; idYear: number | null }): string | null {
  if (input.explicit) {
    const [candidate] = datesIn(input.explicit);
    if (candidate?.month && candidate.day && isValidDay(candidate.year, candidate.month, candidate.day)) {
      return isoDay(candidate.year, candidate.month, candidate.day);
    }
  }
  const full = (text: string) =>
    datesIn(text).filter((date): date is { year: number; month: number; day: number } =>
      Boolean(date.month && date.day && isValidDay(date.year, date.month, date.day)),
    );
  const timeline = full(input.timeline);
  const inYear = input.idYear ? timeline.find((date) => date.year === input.idYear) : undefined;
  const pick = inYear ?? timeline[0] ?? full(input.summary)[0];
  return pick ? isoDay(pick.year, pick.month, pick.day) : null;
}

function statValue(stats: string, name: RegExp): string | null {
  for (const line of stats.split('\n')) {
    const match = /^\s*(?:[-*+]\s*)?\**([^:*]+?)\**\s*:\s*(.*)$/.exec(line);
    if (match && name.test(match[1].trim())) return match[2].trim() || null;
  }
  return null;
}

const cleanStat = (value: string | null) => {
  const text = value?.replace(/\[\^[^\]]*\]/g, '').trim();
  return text && !/^(\?|n\/a|none|-|unknown)$/i.test(text) ? text : null;
};

export function parsePostmortemMarkdown(fileName: string, input: string): ParsedPostmortem {
  const problems: PostmortemProblem[] = [];
  if (input.length > MAX_POSTMORTEM_CHARS) {
    return { problems: [{ file: fileName, row: 1, message: `The file is longer than ${MAX_POSTMORTEM_CHARS.toLocaleString('en')} characters.` }] };
  }
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { problems: [{ file: fileName, row: 1, message: 'The file is empty.' }] };
  if (text.includes('\u0000')) return { problems: [{ file: fileName, row: 1, message: 'This file is not Markdown text (it contains binary data).' }] };
  const { fields, rest, lines: offset } = frontMatter(text);

  let title = fields.get('title') ?? null;
  let titleLine = 1;
  const sections = new Map<SectionKey, string[]>();
  const intro: string[] = [];
  let current: SectionKey | 'intro' | 'other' = 'intro';
  let isInFence = false;
  rest.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) isInFence = !isInFence;
    const heading = isInFence ? null : /^(#{1,2})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const name = heading[2].replace(/[*_`]/g, '').trim();
      if (heading[1] === '#' && !title) {
        title = name;
        titleLine = index + 1 + offset;
        return;
      }
      const known = SECTION_NAMES.find(([, pattern]) => pattern.test(name));
      current = known ? known[0] : 'other';
      if (known && !sections.has(known[0])) sections.set(known[0], []);
      return;
    }
    if (current === 'intro') intro.push(line);
    else if (current !== 'other') sections.get(current)!.push(line);
  });
  const section = (key: SectionKey) => (sections.get(key) ?? []).join('\n').trim();

  title = title?.trim() ?? null;
  if (!title) {
    problems.push({ file: fileName, row: 1, column: 'title', message: 'The post-mortem has no title: start the file with a heading such as "# Database outage".' });
  } else if (title.length > MAX_POSTMORTEM_TITLE) {
    problems.push({ file: fileName, row: titleLine, column: 'title', message: `The title is longer than ${MAX_POSTMORTEM_TITLE} characters.` });
  }
  if (problems.length > 0 || !title) return { problems };

  const stats = section('stats');
  const explicitDate = fields.get('date') ?? statValue(`${intro.join('\n')}\n${stats}`, /^(date|incident date)$/i);
  const summary = section('summary') || intro.join('\n').trim();
  const idYear = /\b[A-Z]{1,5}-?((?:19|20)\d{2})-\d+/.exec(fileName)?.[1] ?? /\b[A-Z]{1,5}-?((?:19|20)\d{2})-\d+/.exec(title)?.[1];
  const factors = section('factors');
  const record: PostmortemRecord = {
    externalKey: postmortemKey(fileName),
    title,
    incidentDate: incidentDateOf({ explicit: explicitDate, timeline: section('timeline'), summary, idYear: idYear ? Number(idYear) : null }),
    summary,
    timeline: section('timeline'),
    contributingFactors: factors ? listItems(factors) : [],
    actionItems: section('actions') ? listItems(section('actions')) : [],
    lessons: section('lessons'),
    category: cleanStat(fields.get('category') ?? statValue(stats, /^category$/i)),
    severity: cleanStat(fields.get('severity') ?? statValue(`${stats}\n${intro.join('\n')}`, /^severity$/i)),
    detectionMinutes: parseDurationMinutes(cleanStat(statValue(stats, /^(time to detection|ttd|time to detect)$/i))),
    recoveryMinutes: parseDurationMinutes(cleanStat(statValue(stats, /^(time to recovery|ttr|time to recover|time to resolution)$/i))),
    body: text,
    infrastructureKeywords: [],
  };
  record.infrastructureKeywords = findInfrastructureKeywords(`${record.title}\n${record.summary}\n${record.contributingFactors.join('\n')}`);
  return { record };
}
