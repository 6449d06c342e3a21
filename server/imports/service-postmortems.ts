// Importing post-mortems: Markdown files (many at once) or a post-mortem CSV as one batch,
// idempotent on the file's key. The parsers and the stored rows are the post-mortems domain's.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { hashPostmortem, parsePostmortemMarkdown, type PostmortemProblem, type PostmortemRecord } from '@/server/postmortems/parse-postmortem-markdown';
import { parsePostmortemCsv } from '@/server/postmortems/parse-postmortem-csv';
import * as queries from '@/server/postmortems/queries';
import * as importQueries from './queries';
import { addProblems, type ImportReport } from './report';
import { ImportRefused, runBatch } from './service-batches';

export const MAX_POSTMORTEM_FILES = 500;

export interface PostmortemImportInput {
  format: 'postmortem-markdown' | 'postmortem-csv';
  files: { name: string; text: string }[];
  isSkipBadRows: boolean;
  via: 'page' | 'api';
  createdBy: string | null;
}

function toRow(record: PostmortemRecord): queries.PostmortemRow {
  return {
    external_key: record.externalKey,
    title: record.title,
    incident_date: record.incidentDate,
    summary: record.summary,
    timeline: record.timeline,
    contributing_factors: record.contributingFactors,
    action_items: record.actionItems,
    lessons: record.lessons,
    category: record.category,
    severity: record.severity,
    detection_minutes: record.detectionMinutes,
    recovery_minutes: record.recoveryMinutes,
    body: record.body,
    infrastructure_keywords: record.infrastructureKeywords,
    content_hash: hashPostmortem(record),
  };
}

function parseFiles(input: PostmortemImportInput) {
  const records: PostmortemRecord[] = [];
  const problems: PostmortemProblem[] = [];
  let rowCount = 0;
  if (input.format === 'postmortem-csv') {
    for (const file of input.files) {
      const parsed = parsePostmortemCsv(file.name, file.text);
      rowCount += parsed.rowCount;
      records.push(...parsed.records.map((entry) => entry.record));
      problems.push(...parsed.problems);
    }
    return { records, problems, rowCount };
  }
  const firstFileOfKey = new Map<string, string>();
  for (const file of input.files) {
    rowCount += 1;
    const parsed = parsePostmortemMarkdown(file.name, file.text);
    if (parsed.problems) {
      problems.push(...parsed.problems);
      continue;
    }
    const earlier = firstFileOfKey.get(parsed.record.externalKey);
    if (earlier) {
      problems.push({ file: file.name, row: 1, message: `${file.name} is uploaded twice (also as ${earlier}).` });
      continue;
    }
    firstFileOfKey.set(parsed.record.externalKey, file.name);
    records.push(parsed.record);
  }
  return { records, problems, rowCount };
}

export async function importPostmortems(db: Db, input: PostmortemImportInput & { fileBytes: number }): Promise<ImportReport> {
  if (input.files.length === 0) throw new AppError('BAD_REQUEST', 'Choose at least one post-mortem file.', { field: 'file' });
  if (input.files.length > MAX_POSTMORTEM_FILES) {
    throw new AppError('BAD_REQUEST', `Import at most ${MAX_POSTMORTEM_FILES} post-mortem files at once.`, { field: 'file' });
  }
  const fileName = input.files.length === 1 ? input.files[0].name : `${input.files.length} files (${input.files[0].name}, …)`;
  return runBatch(
    db,
    {
      kind: 'postmortems',
      format: input.format,
      source: 'postmortems',
      fileName,
      fileBytes: input.fileBytes,
      isSkipBadRows: input.isSkipBadRows,
      via: input.via,
      mapping: null,
      createdBy: input.createdBy,
    },
    async (trx, batchId, counts) => {
      const parsed = parseFiles(input);
      counts.rowsRead = parsed.rowCount;
      addProblems(counts, parsed.problems);
      counts.skipped = parsed.rowCount - parsed.records.length;
      if (parsed.problems.length > 0 && (!input.isSkipBadRows || parsed.records.length === 0)) throw new ImportRefused(counts);

      const existing = new Map((await queries.findPostmortemsByKeys(trx, { keys: parsed.records.map((record) => record.externalKey) })).map((row) => [row.external_key, row]));
      const inserts: queries.PostmortemRow[] = [];
      for (const record of parsed.records) {
        const row = toRow(record);
        const current = existing.get(record.externalKey);
        if (!current) inserts.push(row);
        else if (current.content_hash === row.content_hash) counts.unchanged += 1;
        else {
          await importQueries.saveRevisions(trx, { batchId, kind: 'postmortem', ids: [current.id] });
          await queries.updatePostmortem(trx, { id: current.id, batchId, row });
          counts.updated += 1;
        }
      }
      await queries.insertPostmortems(trx, { batchId, rows: inserts });
      counts.inserted = inserts.length;
      if (parsed.problems.length > 0) counts.notes.push(`${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} skipped as asked.`);
    },
  );
}
