// The upload of an export, for the Imports page and POST /api/v1/imports (their HTTP side is
// rest.ts). The file is read as it arrives (multipart/form-data, fields before the file) and never
// held whole in memory; an upload over the limit is refused before it is read.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { z } from 'zod';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { startTicketSearchFill } from '@/server/tickets/service-search-vectors';
import * as queries from './queries';
import type { ImportReport } from './report';
import { isKnownTimeZone } from '@/server/lib/parse-dates';
import { MAX_POSTMORTEM_FILE_BYTES, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, mappingSchema } from './rules';
import { importPostmortems, MAX_POSTMORTEM_FILES } from './service-postmortems';
import { importTicketStream } from './service-tickets';
import { CSV_TICKET_FORMATS, IMPORT_FORMATS, type ColumnMapping, type ImportFormatName, type MappingOptions } from './ticket-formats';

/** An upload as it arrives: its multipart body, the size it declared and fields sent in the query string. */
export interface Upload {
  contentType: string | null;
  declaredBytes: number;
  queryFields: Record<string, string>;
  body: ReadableStream<Uint8Array> | null;
}

export const tooLarge = (bytes?: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `${bytes ? `The upload is ${(bytes / 1024 / 1024).toFixed(1)} MB; ` : 'The upload is too large; '}the limit is ${MAX_UPLOAD_LABEL} per import. Split the export into smaller files.`,
    { field: 'file' },
  );

type Part =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; field: string; fileName: string; stream: Readable & { truncated?: boolean } };

/** The parts of a multipart body in order; the next part is read once the current file is consumed. */
async function* multipartParts(upload: Upload): AsyncGenerator<Part> {
  const contentType = upload.contentType ?? '';
  if (!/^multipart\/form-data/i.test(contentType) || !upload.body) {
    throw new AppError('BAD_REQUEST', 'Send the export as multipart/form-data with a "format" field followed by a "file" field.', { field: 'file' });
  }
  const parser = busboy({
    headers: { 'content-type': contentType },
    limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_POSTMORTEM_FILES, fields: 20, fieldSize: 1024 * 1024 },
  });
  const queue: (Part | { kind: 'end' } | { kind: 'error'; error: unknown })[] = [];
  let wake: (() => void) | null = null;
  const push = (item: (typeof queue)[number]) => {
    queue.push(item);
    wake?.();
  };
  parser.on('field', (name, value) => push({ kind: 'field', name, value }));
  parser.on('file', (field, stream, info) => push({ kind: 'file', field, fileName: info.filename ?? 'upload', stream }));
  parser.on('close', () => push({ kind: 'end' }));
  parser.on('error', (error) => push({ kind: 'error', error }));
  const body = Readable.fromWeb(upload.body as NodeReadableStream<Uint8Array>);
  body.on('error', (error) => push({ kind: 'error', error }));
  body.pipe(parser);
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const item = queue.shift()!;
      if (item.kind === 'end') return;
      if (item.kind === 'error') {
        throw new AppError('BAD_REQUEST', `The upload could not be read as multipart/form-data: ${(item.error as Error).message}.`, { field: 'file' });
      }
      yield item;
      // A file part nobody read is skipped, so the parser can go on to the next part.
      if (item.kind === 'file' && !item.stream.readableEnded) item.stream.resume();
    }
  } finally {
    // Whatever the import did not read is read and dropped, so the request ends normally.
    if (!body.readableEnded) {
      body.unpipe(parser);
      body.resume();
    }
  }
}

async function* fileChunks(stream: Readable & { truncated?: boolean }): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield chunk as Uint8Array;
  if (stream.truncated) throw tooLarge();
}

async function readSmallFile(stream: Readable, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_POSTMORTEM_FILE_BYTES) {
      stream.resume();
      throw new AppError('PAYLOAD_TOO_LARGE', `${name} is larger than ${MAX_POSTMORTEM_FILE_BYTES / 1024 / 1024} MB; a post-mortem file must be smaller.`, { field: 'file' });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const fieldsSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { message: `Use one of: ${IMPORT_FORMATS.join(', ')}` }),
  mapping: z.string().max(100_000).optional(),
  skipBadRows: z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on'], { message: 'Use true or false' }).optional(),
  sourceName: z.string().trim().max(80, 'Keep the source name under 80 characters').optional(),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine(isKnownTimeZone, { message: 'Use a time zone name such as UTC, Europe/Berlin or America/New_York' })
    .optional(),
});

function fieldProblem(error: z.ZodError, fields: Record<string, string>): AppError {
  const [issue] = error.issues;
  const field = issue.path.join('.') || 'format';
  const message = field === 'format' && fields.format === undefined ? 'Send a "format" field before the file.' : issue.message;
  return new AppError('BAD_REQUEST', `Field "${field}": ${message}`, { field });
}

async function resolveMapping(db: Db, format: ImportFormatName, raw: string | undefined): Promise<{ columns: ColumnMapping; options: MappingOptions } | null> {
  if (!raw?.trim()) return null;
  if (!(CSV_TICKET_FORMATS as readonly string[]).includes(format)) return null;
  let value: unknown;
  if (raw.trim().startsWith('{')) {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new AppError('BAD_REQUEST', 'Field "mapping": this is not valid JSON.', { field: 'mapping' });
    }
  } else {
    const saved = await queries.findMappingByName(db, { name: raw.trim() });
    if (!saved) throw new AppError('NOT_FOUND', `Field "mapping": no saved mapping is named "${raw.trim()}".`, { field: 'mapping' });
    value = saved.mapping;
  }
  const parsed = mappingSchema.safeParse(value);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `Field "mapping": ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`, { field: 'mapping' });
  return { columns: parsed.data.columns, options: { isMonthFirst: parsed.data.isMonthFirst } };
}

/** The fields an upload may also send in its query string. */
export const UPLOAD_FIELDS = ['format', 'mapping', 'skipBadRows', 'sourceName', 'timeZone'] as const;

export type ImportProgress = { rowsRead: number; rowsWritten: number; bytesRead: number };

/** Reads a multipart upload and imports it; refuses one over the size limit before reading it. */
export async function importUpload(
  db: Db,
  upload: Upload,
  input: { createdBy: string | null; via: 'page' | 'api'; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportReport> {
  if (upload.declaredBytes > MAX_UPLOAD_BYTES) throw tooLarge(upload.declaredBytes);
  const fields: Record<string, string> = {};
  for (const key of UPLOAD_FIELDS) {
    const value = upload.queryFields[key];
    if (value !== undefined) fields[key] = value;
  }
  const parts = multipartParts(upload);
  try {
    let options: z.infer<typeof fieldsSchema> | null = null;
    const postmortemFiles: { name: string; text: string }[] = [];
    let postmortemBytes = 0;
    for await (const part of parts) {
      if (part.kind === 'field') {
        fields[part.name] = part.value;
        continue;
      }
      if (!options) {
        const parsed = fieldsSchema.safeParse(fields);
        if (!parsed.success) throw fieldProblem(parsed.error, fields);
        options = parsed.data;
      }
      const isSkipBadRows = ['true', '1', 'yes', 'on'].includes(options.skipBadRows ?? 'false');
      if (options.format === 'postmortem-markdown' || options.format === 'postmortem-csv') {
        const text = await readSmallFile(part.stream, part.fileName);
        postmortemBytes += Buffer.byteLength(text);
        postmortemFiles.push({ name: part.fileName, text });
        continue;
      }
      const mapping = await resolveMapping(db, options.format, options.mapping);
      const report = await importTicketStream(db, {
        format: options.format,
        fileName: part.fileName,
        chunks: fileChunks(part.stream),
        mapping: mapping?.columns ?? null,
        mappingOptions: mapping?.options,
        sourceName: options.sourceName,
        timeZone: options.timeZone || null,
        isSkipBadRows,
        via: input.via,
        createdBy: input.createdBy,
        onProgress: input.onProgress,
      });
      if (report.status === 'completed') startTicketSearchFill(db);
      return report;
    }
    if (!options) {
      const parsed = fieldsSchema.safeParse(fields);
      if (!parsed.success) throw fieldProblem(parsed.error, fields);
      throw new AppError('BAD_REQUEST', 'The upload has no file: send the export in a "file" field.', { field: 'file' });
    }
    const format = options.format as 'postmortem-markdown' | 'postmortem-csv';
    return await importPostmortems(db, {
      format,
      files: postmortemFiles,
      fileBytes: postmortemBytes,
      isSkipBadRows: ['true', '1', 'yes', 'on'].includes(options.skipBadRows ?? 'false'),
      via: input.via,
      createdBy: input.createdBy,
    });
  } finally {
    await parts.return(undefined);
  }
}
