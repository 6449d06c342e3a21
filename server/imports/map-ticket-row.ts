// Turns one row of an export (CSV cells under a header, or a GitHub issue object) into a ticket
// record, or into problems naming the row and column. Pure: no database.
import { createHash, hash } from 'node:crypto';
import { DATE_EXAMPLES, parseExportDate } from '@/server/lib/parse-dates';
import {
  FIELD_LABELS,
  labelSeparator,
  REQUIRED_FIELDS,
  TICKET_FIELDS,
  type ColumnMapping,
  type MappingOptions,
  type TicketField,
  type TicketFormat,
} from './ticket-formats';

export interface RowProblem {
  row: number;
  column?: string;
  file?: string;
  message: string;
}

export interface TicketRecord {
  externalKey: string;
  title: string;
  body: string;
  status: string | null;
  exportCategory: string | null;
  labels: string[];
  components: string[];
  comments: string[];
  requesterName: string | null;
  requesterEmail: string | null;
  /** Null when the export gives no creation date. */
  openedAt: string | null;
  resolvedAt: string | null;
}

export type MappedRow =
  | { record: TicketRecord; problems?: undefined; isKeyedByContent?: boolean }
  | { record?: undefined; problems: RowProblem[]; isKeyedByContent?: undefined };

/** Prefix of the key of a ticket whose export has none: a hash of what the ticket says. */
export const CONTENT_KEY_PREFIX = 'content:';

export const MAX_TITLE = 1000;
export const MAX_KEY = 200;
export const MAX_BODY = 200_000;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

const QUESTION_PREFIX = /^\s*(\[[^\]]*\]\s*|re:\s*|fw:\s*|fwd:\s*)+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Lower case, no punctuation, single spaces: the form repeat questions are compared in. A plain
 * ASCII title (most are) skips the Unicode steps: NFKC leaves ASCII as it is, and in ASCII the
 * letters and digits of \p{L}\p{N} are a-z and 0-9 once lower-cased.
 */
export function normalizeQuestion(title: string): string {
  if (!NON_ASCII.test(title)) return title.toLowerCase().replace(QUESTION_PREFIX, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(QUESTION_PREFIX, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The mark of a ticket hash written by `hashTicket`; a stored hash without it is `legacyHashTicket`'s. */
export const TICKET_HASH_PREFIX = 'h2:';

/** A text or null, length-prefixed so that no two records encode alike ("-" is null). */
const encodeText = (value: string | null) => (value === null ? '-' : `${value.length}:${value}`);

function encodeList(values: string[]): string {
  let text = `[${values.length}`;
  for (const value of values) text += encodeText(value);
  return text;
}

/**
 * A fingerprint of everything a ticket stores: an unchanged row in a re-import is skipped. One
 * SHA-1 over the fields length-prefixed, without JSON.stringify's escaping or a Hash object per
 * row (together 0.8 s of server CPU per 100,000 rows with the old form).
 */
export function hashTicket(record: TicketRecord): string {
  const text =
    encodeText(record.externalKey) + encodeText(record.title) + encodeText(record.body) + encodeText(record.status) +
    encodeText(record.exportCategory) + encodeList(record.labels) + encodeList(record.components) + encodeList(record.comments) +
    encodeText(record.requesterName) + encodeText(record.requesterEmail) + encodeText(record.openedAt) + encodeText(record.resolvedAt);
  return TICKET_HASH_PREFIX + hash('sha1', text, 'base64url');
}

/**
 * The hash tickets imported before `hashTicket` carry: a re-import compares a ticket that still
 * has one with this, so upgrading does not turn every ticket of the next re-import into an update.
 */
export function legacyHashTicket(record: TicketRecord): string {
  return createHash('sha1').update(JSON.stringify(record)).digest('base64url');
}

/** Whether a stored ticket hash says the same as a record whose `hashTicket` is `hashed`. */
export function isSameTicketHash(stored: string, hashed: string, record: TicketRecord): boolean {
  if (stored === hashed) return true;
  return !stored.startsWith(TICKET_HASH_PREFIX) && stored === legacyHashTicket(record);
}

/**
 * A key for a ticket the export gives none: the same title, body, requester and dates give the
 * same key in every import, so a re-import still changes nothing.
 */
export function contentKey(record: Omit<TicketRecord, 'externalKey'>): string {
  const content = [record.title, record.body, record.requesterName, record.requesterEmail, record.openedAt, record.resolvedAt];
  return `${CONTENT_KEY_PREFIX}${createHash('sha1').update(JSON.stringify(content)).digest('base64url').slice(0, 20)}`;
}

/** Splits "Ada Okafor <ada@example.com>" and bare emails into a name and an email. */
export function splitRequester(name: string | null, email: string | null): { name: string | null; email: string | null } {
  let cleanName = name?.trim() || null;
  let cleanEmail = email?.trim() || null;
  if (cleanName && !cleanEmail) {
    const angled = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(cleanName);
    if (angled) [cleanName, cleanEmail] = [angled[1].trim() || null, angled[2]];
    else if (EMAIL.test(cleanName)) [cleanName, cleanEmail] = [null, cleanName];
  }
  if (cleanEmail && !EMAIL.test(cleanEmail)) cleanEmail = null;
  return { name: cleanName, email: cleanEmail?.toLowerCase() ?? null };
}

export interface CompiledMapping {
  format: TicketFormat;
  header: string[];
  columns: Record<TicketField, number[]>;
  names: Partial<Record<TicketField, string>>;
  options: MappingOptions;
  /** What separates several labels in one cell (made once, not per row). */
  labelSeparator: RegExp;
}

/** Resolves the mapping against the header once; problems when a required field has no column. */
export function compileMapping(
  format: TicketFormat,
  header: string[],
  mapping: ColumnMapping,
  options: MappingOptions = {},
): { compiled: CompiledMapping; problems?: undefined } | { compiled?: undefined; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columns = {} as Record<TicketField, number[]>;
  const names: Partial<Record<TicketField, string>> = {};
  for (const field of TICKET_FIELDS) {
    const name = mapping[field]?.trim();
    const indices: number[] = [];
    if (name) {
      header.forEach((column, index) => {
        if (column === name) indices.push(index);
      });
      if (indices.length === 0) {
        problems.push({ row: 1, column: name, message: `The mapping reads ${FIELD_LABELS[field]} from a column "${name}" that this file does not have.` });
      }
      names[field] = name;
    }
    columns[field] = indices;
  }
  for (const field of REQUIRED_FIELDS) {
    if (!mapping[field]?.trim()) {
      problems.push({
        row: 1,
        column: FIELD_LABELS[field],
        message: `No column is mapped to ${FIELD_LABELS[field]}, which every ticket needs. Choose the column that holds it.`,
      });
    }
  }
  if (problems.length > 0) return { problems };
  return { compiled: { format, header, columns, names, options, labelSeparator: labelSeparator(format) } };
}

function first(cells: string[], indices: number[]): string {
  for (const index of indices) {
    const value = cells[index]?.trim();
    if (value) return value;
  }
  return '';
}

function all(cells: string[], indices: number[], separator: RegExp | null): string[] {
  const values: string[] = [];
  for (const index of indices) {
    const value = cells[index]?.trim();
    if (!value) continue;
    // A cell without a separator (most) is one label, already trimmed: no split.
    if (separator && separator.test(value)) for (const part of value.split(separator)) {
      const label = part.trim();
      if (label && !values.includes(label)) values.push(label);
    }
    else if (!separator || !values.includes(value)) values.push(value);
  }
  return values;
}

/** One CSV row under a compiled mapping. `row` is the spreadsheet row (the header is row 1). */
export function mapCsvRow(mapping: CompiledMapping, cells: string[], row: number): MappedRow {
  const { columns, names } = mapping;
  const problems: RowProblem[] = [];
  const problem = (field: TicketField, message: string) => problems.push({ row, column: names[field], message });

  const givenKey = first(cells, columns.key);
  if (givenKey.length > MAX_KEY) problem('key', `The key is longer than ${MAX_KEY} characters.`);
  const title = first(cells, columns.title);
  if (!title) problem('title', 'The title is empty.');
  else if (title.length > MAX_TITLE) problem('title', `The title is longer than ${MAX_TITLE} characters.`);
  const body = columns.body.length ? first(cells, columns.body) : '';
  if (body.length > MAX_BODY) problem('body', `The body is longer than ${MAX_BODY.toLocaleString('en')} characters.`);

  const readDate = (field: 'created' | 'resolved') => {
    if (columns[field].length === 0) return null;
    const text = first(cells, columns[field]);
    const date = parseExportDate(text, mapping.options);
    if (date === undefined) problem(field, `"${text}" is not a date this import reads. Use a date like ${DATE_EXAMPLES}.`);
    return date ?? null;
  };
  const openedAt = readDate('created');
  const resolvedAt = readDate('resolved');
  if (openedAt && resolvedAt && resolvedAt < openedAt) problem('resolved', 'The ticket is resolved before it was created.');

  if (problems.length > 0) return { problems };
  const requester = splitRequester(first(cells, columns.requester) || null, first(cells, columns.requesterEmail) || null);
  const labels = all(cells, columns.labels, mapping.labelSeparator);
  const category = first(cells, columns.category) || null;
  const record: TicketRecord = {
    externalKey: givenKey,
    title,
    body,
    status: first(cells, columns.status) || null,
    exportCategory: category,
    labels,
    // Jira repeats Component/s; when it is the category column, every component is kept.
    components: names.category === 'Component/s' ? all(cells, columns.category, null) : [],
    comments: all(cells, columns.comments, null),
    requesterName: requester.name,
    requesterEmail: requester.email,
    openedAt: openedAt?.toISOString() ?? null,
    resolvedAt: resolvedAt?.toISOString() ?? null,
  };
  if (givenKey) return { record };
  record.externalKey = contentKey(record);
  return { record, isKeyedByContent: true };
}

// ---- GitHub Issues REST JSON --------------------------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The repository part of an issue's URL, so issue #12 of two repositories stay two tickets. */
function repositoryOf(issue: Record<string, unknown>): string | null {
  for (const key of ['repository_url', 'html_url', 'url']) {
    const value = issue[key];
    if (typeof value !== 'string') continue;
    const match = /github\.com\/(?:repos\/)?([^/]+\/[^/]+)/.exec(value);
    if (match) return match[1];
  }
  return null;
}

/**
 * One item of a GitHub issues list: the REST API's (`GET /repos/{owner}/{repo}/issues`, snake_case)
 * or `gh issue list --json number,title,body,author,createdAt,closedAt,labels,state,url`
 * (camelCase, `author` for `user`). Pull requests, which the REST list returns with a
 * `pull_request` key, are skipped. `row` is the item's number.
 */
export function mapGithubIssue(value: unknown, row: number): MappedRow | { isPullRequest: true } {
  if (!isObject(value)) return { problems: [{ row, message: `Item ${row} is ${typeName(value)}, not an issue object.` }] };
  if ('pull_request' in value && value.pull_request) return { isPullRequest: true };
  const problems: RowProblem[] = [];
  const problem = (column: string, message: string) => problems.push({ row, column, message });

  const number = value.number;
  if (typeof number !== 'number' || !Number.isInteger(number)) problem('number', 'The issue number is missing or not a whole number.');
  const title = typeof value.title === 'string' ? value.title.trim() : '';
  if (!title) problem('title', 'The title is missing.');
  else if (title.length > MAX_TITLE) problem('title', `The title is longer than ${MAX_TITLE} characters.`);
  const body = typeof value.body === 'string' ? value.body : '';
  if (value.body !== undefined && value.body !== null && typeof value.body !== 'string') problem('body', 'The body is not text.');
  if (body.length > MAX_BODY) problem('body', `The body is longer than ${MAX_BODY.toLocaleString('en')} characters.`);

  const readDate = (snake: 'created_at' | 'closed_at', camel: 'createdAt' | 'closedAt') => {
    const column = snake in value ? snake : camel;
    const raw = value[column];
    if (raw === null || raw === undefined) return null;
    const date = typeof raw === 'string' ? parseExportDate(raw) : undefined;
    if (date === undefined) problem(column, `${JSON.stringify(raw)} is not a date this import reads. Use a date like ${DATE_EXAMPLES}.`);
    return date ?? null;
  };
  const openedAt = readDate('created_at', 'createdAt');
  const resolvedAt = readDate('closed_at', 'closedAt');

  const labels: string[] = [];
  if (value.labels !== undefined && !Array.isArray(value.labels)) problem('labels', 'labels is not a list.');
  for (const label of Array.isArray(value.labels) ? value.labels : []) {
    const name = typeof label === 'string' ? label : isObject(label) && typeof label.name === 'string' ? label.name : null;
    if (name?.trim() && !labels.includes(name.trim())) labels.push(name.trim());
  }
  if (problems.length > 0 || typeof number !== 'number') return { problems };

  const user = isObject(value.user) ? value.user : isObject(value.author) ? value.author : {};
  const login = typeof user.login === 'string' ? user.login : typeof user.name === 'string' ? user.name : null;
  const email = typeof user.email === 'string' ? user.email : null;
  const requester = splitRequester(login, email);
  const repository = repositoryOf(value);
  return {
    record: {
      externalKey: repository ? `${repository}#${number}` : `#${number}`,
      title,
      body,
      // gh writes OPEN / CLOSED where the REST API writes open / closed.
      status: typeof value.state === 'string' ? value.state.toLowerCase() : null,
      exportCategory: labels[0] ?? null,
      labels,
      components: [],
      comments: [],
      requesterName: requester.name,
      requesterEmail: requester.email,
      openedAt: openedAt?.toISOString() ?? null,
      resolvedAt: resolvedAt?.toISOString() ?? null,
    },
  };
}
