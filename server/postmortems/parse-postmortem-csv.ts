// Reads a post-mortem CSV (one incident per row: title, date, summary, timeline, contributing
// factors or root cause, action items, category, severity, time to detection and to recovery).
// Multi-line cells become lists. Pure: text in, records and problems (row, column) out.
import { CsvError, parseCsvText } from '@/server/lib/csv';
import { parseExportDate, toIsoDay, DATE_EXAMPLES } from '@/server/lib/parse-dates';
import { findInfrastructureKeywords } from './infrastructure-keywords';
import { listItems, MAX_POSTMORTEM_TITLE, parseDurationMinutes, type PostmortemProblem, type PostmortemRecord } from './parse-postmortem-markdown';

const COLUMNS: Record<string, string[]> = {
  key: ['key', 'id', 'incident id', 'postmortem id', 'post-mortem id'],
  title: ['title', 'name', 'incident'],
  date: ['date', 'incident date', 'started', 'start date', 'opened'],
  summary: ['summary', 'description'],
  timeline: ['timeline'],
  factors: ['contributing factors', 'contributing factor', 'root cause', 'root causes', 'causes'],
  actions: ['action items', 'actions', 'follow-ups', 'follow ups'],
  lessons: ['lessons learned', 'lessons'],
  category: ['category'],
  severity: ['severity', 'sev'],
  detection: ['time to detection', 'ttd', 'time to detect'],
  recovery: ['time to recovery', 'ttr', 'time to recover', 'time to resolution'],
};

export interface ParsedPostmortemCsv {
  rowCount: number;
  records: { row: number; record: PostmortemRecord }[];
  problems: PostmortemProblem[];
}

export function parsePostmortemCsv(fileName: string, text: string): ParsedPostmortemCsv {
  let table;
  try {
    table = parseCsvText(text);
  } catch (error) {
    if (error instanceof CsvError) return { rowCount: 0, records: [], problems: [{ file: fileName, ...error.problem }] };
    throw error;
  }
  const lower = table.header.map((name) => name.toLowerCase());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, names]) => [key, lower.findIndex((name) => names.includes(name))]),
  ) as Record<keyof typeof COLUMNS, number>;
  if (index.title < 0) {
    return {
      rowCount: table.records.length,
      records: [],
      problems: [{ file: fileName, row: 1, column: 'title', message: 'The header has no "title" column; every post-mortem needs a title.' }],
    };
  }
  const records: ParsedPostmortemCsv['records'] = [];
  const problems: PostmortemProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.records) {
    const cell = (key: keyof typeof COLUMNS) => (index[key] >= 0 ? (cells[index[key]] ?? '').trim() : '');
    const name = (key: keyof typeof COLUMNS) => table.header[index[key]];
    const before = problems.length;
    const title = cell('title');
    if (!title) problems.push({ file: fileName, row, column: name('title'), message: 'The title is empty.' });
    else if (title.length > MAX_POSTMORTEM_TITLE) problems.push({ file: fileName, row, column: name('title'), message: `The title is longer than ${MAX_POSTMORTEM_TITLE} characters.` });
    const dateText = cell('date');
    const date = parseExportDate(dateText);
    if (date === undefined) problems.push({ file: fileName, row, column: name('date'), message: `"${dateText}" is not a date this import reads. Use a date like ${DATE_EXAMPLES}.` });
    const incidentDate = date ? toIsoDay(date) : null;
    const externalKey = (cell('key') || `${title} ${incidentDate ?? ''}`).trim().toLowerCase();
    const earlier = seen.get(externalKey);
    if (title && earlier !== undefined) {
      problems.push({ file: fileName, row, column: index.key >= 0 ? name('key') : name('title'), message: `This post-mortem already appears in row ${earlier}.` });
    } else seen.set(externalKey, row);
    if (problems.length > before) continue;

    const summary = cell('summary');
    const factors = cell('factors');
    const record: PostmortemRecord = {
      externalKey: `csv:${externalKey}`,
      title,
      incidentDate,
      summary,
      timeline: cell('timeline'),
      contributingFactors: factors ? listItems(factors) : [],
      actionItems: cell('actions') ? listItems(cell('actions')) : [],
      lessons: cell('lessons'),
      category: cell('category') || null,
      severity: cell('severity') || null,
      detectionMinutes: parseDurationMinutes(cell('detection')),
      recoveryMinutes: parseDurationMinutes(cell('recovery')),
      body: '',
      infrastructureKeywords: [],
    };
    record.body = [`# ${title}`, summary && `## Summary\n\n${summary}`, record.timeline && `## Timeline\n\n${record.timeline}`, factors && `## Contributing factors\n\n${factors}`]
      .filter(Boolean)
      .join('\n\n');
    record.infrastructureKeywords = findInfrastructureKeywords(`${title}\n${summary}\n${record.contributingFactors.join('\n')}`);
    records.push({ row, record });
  }
  if (table.records.length === 0) problems.push({ file: fileName, row: 2, message: 'The file has a header but no post-mortems.' });
  return { rowCount: table.records.length, records, problems };
}
