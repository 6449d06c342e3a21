// The ticket exports Frictionlog reads and how their columns map to ticket fields: Jira "Export
// issues to CSV", GitHub issues JSON (the REST API's or `gh issue list --json`), ServiceNow
// incident CSV, Zendesk tickets CSV, Linear's CSV export, a Slack workspace export (zip; read by
// read-slack-export.ts), and any other CSV with a mapping a person chooses. Pure.

export const TICKET_FORMATS = ['jira', 'github', 'servicenow', 'zendesk', 'linear', 'slack', 'csv'] as const;
export type TicketFormat = (typeof TICKET_FORMATS)[number];
export const CSV_TICKET_FORMATS = ['jira', 'servicenow', 'zendesk', 'linear', 'csv'] as const;
export type CsvTicketFormat = (typeof CSV_TICKET_FORMATS)[number];

export const POSTMORTEM_FORMATS = ['postmortem-markdown', 'postmortem-csv'] as const;
export type PostmortemFormat = (typeof POSTMORTEM_FORMATS)[number];
export const IMPORT_FORMATS = [...TICKET_FORMATS, ...POSTMORTEM_FORMATS] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormatName, string> = {
  jira: 'Jira CSV export',
  github: 'GitHub Issues JSON',
  servicenow: 'ServiceNow incident CSV',
  zendesk: 'Zendesk tickets CSV',
  linear: 'Linear CSV export',
  slack: 'Slack export (zip)',
  csv: 'Other CSV (your mapping)',
  'postmortem-markdown': 'Post-mortems in Markdown',
  'postmortem-csv': 'Post-mortem CSV',
};

export const TICKET_FIELDS = [
  'key',
  'title',
  'body',
  'category',
  'requester',
  'requesterEmail',
  'created',
  'resolved',
  'labels',
  'status',
  'comments',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];
/** Only a title: without a key column a ticket is keyed by a hash of its content, and without a
 *  creation date it still counts for repeat questions, categories and evidence. */
export const REQUIRED_FIELDS: readonly TicketField[] = ['title'];

export const FIELD_LABELS: Record<TicketField, string> = {
  key: 'Key (unique per ticket)',
  title: 'Title',
  body: 'Body',
  category: 'Category',
  requester: 'Requester',
  requesterEmail: 'Requester email',
  created: 'Created',
  resolved: 'Resolved',
  labels: 'Labels',
  status: 'Status',
  comments: 'Comments',
};

/** Ticket field -> the header name of the column it comes from (every column of that name). */
export type ColumnMapping = Partial<Record<TicketField, string | null>>;

export interface MappingOptions {
  /** How numeric dates like 03/04/2025 read: day first unless this is set. */
  isMonthFirst?: boolean;
  /** The IANA zone of dates written without one (default UTC). */
  timeZone?: string;
}

/** Label cells: Jira repeats the column with one label each, Zendesk separates tags by spaces. */
export function labelSeparator(format: TicketFormat): RegExp {
  return format === 'zendesk' ? /[\s,;]+/ : /[,;|]+/;
}

type Candidates = Partial<Record<TicketField, string[]>>;

const VENDOR_COLUMNS: Record<Exclude<CsvTicketFormat, 'csv'>, Candidates> = {
  jira: {
    key: ['Issue key'],
    title: ['Summary'],
    body: ['Description'],
    category: ['Custom field (Request Type)', 'Component/s', 'Issue Type'],
    requester: ['Reporter'],
    requesterEmail: ['Reporter email', 'Custom field (Reporter email)'],
    created: ['Created'],
    resolved: ['Resolved'],
    labels: ['Labels'],
    status: ['Status'],
    comments: ['Comment'],
  },
  servicenow: {
    key: ['number', 'Number'],
    title: ['short_description', 'Short description'],
    body: ['description', 'Description'],
    category: ['category', 'Category'],
    requester: ['caller_id', 'Caller'],
    requesterEmail: ['caller_id.email', 'Caller.Email', 'u_email'],
    created: ['opened_at', 'Opened'],
    resolved: ['resolved_at', 'Resolved', 'closed_at', 'Closed'],
    labels: ['subcategory', 'Subcategory'],
    status: ['state', 'State'],
    comments: ['comments', 'close_notes'],
  },
  zendesk: {
    key: ['Id', 'ID'],
    title: ['Subject'],
    body: ['Description'],
    category: ['Ticket type', 'Group'],
    requester: ['Requester'],
    requesterEmail: ['Requester email'],
    created: ['Created at'],
    resolved: ['Solved at'],
    labels: ['Tags'],
    status: ['Status'],
  },
  // Linear: Settings > Import / Export > Export CSV. Dates are ISO 8601 with a zone; labels are
  // one cell separated by commas; a canceled issue is done as much as a completed one.
  linear: {
    key: ['ID'],
    title: ['Title'],
    body: ['Description'],
    category: ['Project', 'Team'],
    requester: ['Creator'],
    created: ['Created'],
    resolved: ['Completed', 'Canceled'],
    labels: ['Labels'],
    status: ['Status'],
  },
};

const GENERIC_COLUMNS: Candidates = {
  key: ['key', 'id', 'ticket id', 'ticket', 'issue key', 'number', 'ticket number'],
  title: ['title', 'summary', 'subject', 'question', 'short description'],
  body: ['body', 'description', 'details', 'text', 'message'],
  category: ['category', 'type', 'component', 'topic', 'request type'],
  requester: ['requester', 'reporter', 'requested by', 'author', 'user', 'name', 'opened by'],
  requesterEmail: ['requester email', 'email', 'reporter email', 'user email'],
  created: ['created', 'created at', 'opened', 'opened at', 'date', 'submitted', 'created on'],
  resolved: ['resolved', 'resolved at', 'closed', 'closed at', 'solved at', 'resolved on'],
  labels: ['labels', 'tags', 'label'],
  status: ['status', 'state'],
  comments: ['comments', 'comment'],
};

/** The columns a format reads by default, for the header this file has. */
export function suggestMapping(format: CsvTicketFormat, header: string[]): ColumnMapping {
  const exact = new Set(header);
  const byLower = new Map<string, string>();
  for (const name of header) if (!byLower.has(name.toLowerCase())) byLower.set(name.toLowerCase(), name);
  const mapping: ColumnMapping = {};
  const candidates = format === 'csv' ? GENERIC_COLUMNS : VENDOR_COLUMNS[format];
  for (const field of TICKET_FIELDS) {
    const names = candidates[field] ?? [];
    const found = names.find((name) => exact.has(name)) ?? names.map((name) => byLower.get(name.toLowerCase())).find(Boolean);
    mapping[field] = found ?? null;
  }
  return mapping;
}

/** Which export a CSV header looks like. */
export function detectCsvFormat(header: string[]): CsvTicketFormat | 'postmortem-csv' {
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  if (names.has('issue key') && names.has('summary')) return 'jira';
  if (names.has('number') && (names.has('short_description') || names.has('short description'))) return 'servicenow';
  if (names.has('id') && names.has('title') && names.has('team') && (names.has('creator') || names.has('cycle name'))) return 'linear';
  if (names.has('id') && names.has('subject') && (names.has('requester') || names.has('requester email'))) return 'zendesk';
  if (names.has('title') && ['contributing factors', 'root cause', 'time to recovery', 'action items'].some((name) => names.has(name))) {
    return 'postmortem-csv';
  }
  return 'csv';
}

/** The default source name (tickets are unique per source + key). */
export function sourceOf(format: TicketFormat, sourceName?: string | null): string {
  if (format !== 'csv') return format;
  const name = sourceName?.trim().toLowerCase();
  return name ? `csv:${name}` : 'csv';
}
