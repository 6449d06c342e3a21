// Imports a ticket export as it streams in: rows are read, mapped, checked and written in batches
// of a few thousand inside one transaction (new tickets by COPY, changed ones by one update from a
// copied temporary table), so a file of any size uses the same memory. A second
// import of the same file changes nothing (tickets are unique per source + key and carry a hash of
// their content); an updated export updates the tickets that changed.
import { openCopyIn, type CopyIn } from '@/db/copy-in';
import type { Db } from '@/server/db';
import * as participantQueries from '@/server/participants/queries';
import { categorize, compileRules, type CompiledRules } from '@/server/tickets/categorize';
import * as ticketQueries from '@/server/tickets/queries';
import { cleanCells, cleanRecord, describeTally, emptyTally, type TextTally } from './clean-text';
import {
  compileMapping,
  hashTicket,
  isSameTicketHash,
  mapCsvRow,
  mapGithubIssue,
  normalizeQuestion,
  type MappedRow,
  type RowProblem,
  type TicketRecord,
} from './map-ticket-row';
import { RequesterMatcher } from './match-requesters';
import * as queries from './queries';
import { readSlackExport } from './read-slack-export';
import { decodeText, FileError, MAX_COLUMNS, readCsvRows, readJsonItems, tooManyColumns, type TextFlags } from './read-records';
import { addProblems, type ImportCounts, type ImportReport } from './report';
import { SeenKeys } from './seen-keys';
import { ImportRefused, runBatch } from './service-batches';
import { sourceOf, suggestMapping, type ColumnMapping, type CsvTicketFormat, type MappingOptions, type TicketFormat } from './ticket-formats';

/** Rows written per statement: large enough to be fast, small enough to keep memory flat. */
export const WRITE_BATCH_ROWS = 2000;

export interface TicketImportInput {
  format: TicketFormat;
  fileName: string;
  chunks: AsyncIterable<Uint8Array>;
  mapping?: ColumnMapping | null;
  mappingOptions?: MappingOptions;
  /** The IANA zone of dates written without one; unset: the zone this source's last import used, else UTC. */
  timeZone?: string | null;
  /** For "Other CSV": the system the tickets come from (tickets are unique per source + key). */
  sourceName?: string | null;
  isSkipBadRows: boolean;
  via: 'page' | 'api';
  createdBy: string | null;
  onProgress?: (progress: { rowsRead: number; rowsWritten: number; bytesRead: number }) => void;
}

type Mapped = (MappedRow | { isPullRequest: true }) & { row: number };

interface ReadState {
  flags: TextFlags;
  tally: TextTally;
  options: MappingOptions;
}

/** Rows of the file mapped to ticket records, in order, with NULs removed and bad bytes counted. */
async function* mappedRows(input: TicketImportInput, text: AsyncIterable<string>, state: ReadState): AsyncGenerator<Mapped> {
  if (input.format === 'github') {
    for await (const item of readJsonItems(text)) {
      const mapped = mapGithubIssue(item.value, item.row);
      // Always checked: JSON writes a NUL as the escape \u0000, which the decoded text does not show.
      if ('record' in mapped && mapped.record) mapped.record = cleanRecord(mapped.record, item.row, state.tally);
      yield Object.assign(mapped, { row: item.row });
    }
    return;
  }
  let compiled: ReturnType<typeof compileMapping>['compiled'];
  for await (const { row, cells } of readCsvRows(text)) {
    if (!compiled) {
      const header = cells.map((cell) => cell.trim());
      if (header.length > MAX_COLUMNS) throw tooManyColumns(header.length);
      const format = input.format as CsvTicketFormat;
      const mapping = input.mapping ?? (format === 'csv' ? {} : suggestMapping(format, header));
      const result = compileMapping(input.format, header, mapping, state.options);
      if (result.problems) throw new ImportHeaderProblem(result.problems);
      compiled = result.compiled;
      continue;
    }
    const clean = state.flags.hasOddText ? cleanCells(cells, compiled.header, row, state.tally) : cells;
    // The mapped row itself gets its row number: no copy of it per row.
    yield Object.assign(mapCsvRow(compiled, clean, row), { row });
  }
  if (!compiled) throw new FileError({ row: 1, message: 'The file is empty: it needs a header row.' });
}

class ImportHeaderProblem extends Error {
  constructor(readonly problems: RowProblem[]) {
    super('header problem');
  }
}

async function* countBytes(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.byteLength;
    yield chunk;
  }
}

/** The fields a new or changed ticket is written with, as COPY bytes (pure: bench/import-cpu.ts times it without a database). */
export function ticketBytesOf(record: TicketRecord, hash: string, rules: CompiledRules, participantId: string | null): Buffer {
  return ticketQueries.ticketCopyBytes({
    external_key: record.externalKey,
    title: record.title,
    title_norm: normalizeQuestion(record.title),
    body: record.body,
    status: record.status,
    export_category: record.exportCategory,
    category: categorize(record, rules),
    labels: record.labels,
    components: record.components,
    comments: record.comments,
    requester_name: record.requesterName,
    requester_email: record.requesterEmail,
    opened_at: record.openedAt,
    resolved_at: record.resolvedAt,
    content_hash: hash,
    participant_id: participantId,
  });
}

/**
 * A row held until its batch is written. A source without tickets can only gain new ones: its rows
 * are held as the bytes they are written with. A source with tickets keeps the record, since most
 * rows of a re-import are unchanged (never written) and a stored hash of the earlier kind is
 * compared with the record.
 */
type Pending = { key: string; hash: string } & ({ bytes: Buffer; record: null } | { bytes: null; record: TicketRecord; participantId: string | null });

/**
 * Holds rows (as the bytes they are written with where it can: bytes are outside the JavaScript heap,
 * which garbage collection does not trace) and writes them in batches: new requesters created,
 * existing tickets looked up, new rows copied in, changed rows updated.
 */
class TicketWriter {
  private pending: Pending[] = [];

  private constructor(
    private readonly trx: Db,
    private readonly copyIn: CopyIn,
    private readonly batchId: string,
    private readonly source: string,
    private readonly counts: ImportCounts,
    private readonly matcher: RequesterMatcher,
    private readonly rules: CompiledRules,
    /** A source without tickets has only the keys this import adds (each once): none is looked up. */
    private readonly isSourceNew: boolean,
  ) {}

  /** Reads what every row needs before the first: the directory, the category rules, whether the source has tickets. */
  static async open(db: Db, trx: Db, batchId: string, source: string, counts: ImportCounts): Promise<TicketWriter> {
    const matcher = new RequesterMatcher(await participantQueries.findParticipantsForMatching(trx));
    const rules = compileRules((await ticketQueries.listRules(trx)).map((rule) => ({ matchOn: rule.matchOn, pattern: rule.pattern, category: rule.category })));
    const isSourceNew = !(await ticketQueries.hasTicketsOfSource(trx, { source }));
    return new TicketWriter(trx, await openCopyIn(db, trx), batchId, source, counts, matcher, rules, isSourceNew);
  }

  add(record: TicketRecord, hash: string): void {
    const key = record.externalKey;
    const participantId = this.matcher.resolve(record.requesterName, record.requesterEmail);
    if (this.isSourceNew) this.pending.push({ key, hash, bytes: ticketBytesOf(record, hash, this.rules, participantId), record: null });
    else this.pending.push({ key, hash, bytes: null, record, participantId });
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Takes the rows held so far and the requesters they introduced; `write` them before the next take. */
  take() {
    const rows = this.pending;
    this.pending = [];
    return { rows, requesters: this.matcher.takeNew() };
  }

  async write({ rows, requesters }: ReturnType<TicketWriter['take']>): Promise<void> {
    const { trx } = this;
    if (requesters.length > 0) {
      await participantQueries.insertParticipants(trx, {
        values: requesters.map((requester) => ({
          id: requester.id,
          display_name: requester.displayName,
          email: requester.email,
          team_id: null,
          tenure_band: null,
          background: null,
          origin: 'ticket-requester' as const,
        })),
      });
      await queries.recordBatchParticipants(trx, { batchId: this.batchId, participantIds: requesters.map((requester) => requester.id) });
      this.counts.participantsCreated += requesters.length;
    }
    const found = this.isSourceNew ? [] : await ticketQueries.findTicketsByKeys(trx, { source: this.source, keys: rows.map((row) => row.key) });
    const existing = new Map(found.map((row) => [row.external_key, row]));
    const inserts: ticketQueries.PendingTicket[] = [];
    const updates: (ticketQueries.PendingTicket & { id: string })[] = [];
    for (const row of rows) {
      const current = existing.get(row.key);
      if (current && row.record && isSameTicketHash(current.content_hash, row.hash, row.record)) {
        this.counts.unchanged += 1;
        continue;
      }
      const bytes = row.bytes ?? ticketBytesOf(row.record, row.hash, this.rules, row.participantId);
      if (current) updates.push({ bytes, id: current.id });
      else inserts.push({ bytes });
    }
    if (updates.length > 0) {
      await queries.saveRevisions(trx, { batchId: this.batchId, kind: 'ticket', ids: updates.map((row) => row.id) });
      await ticketQueries.updateTickets(trx, this.copyIn, { batchId: this.batchId, rows: updates });
    }
    await ticketQueries.copyNewTickets(this.copyIn, { source: this.source, batchId: this.batchId, rows: inserts });
    this.counts.inserted += inserts.length;
    this.counts.updated += updates.length;
  }
}

/** A Slack export is read whole (a zip's directory is at its end); larger ones are refused. */
export const MAX_SLACK_ZIP_BYTES = 100 * 1024 * 1024;

/** The tickets of a Slack export zip, with its counts added to the report's notes. */
async function* slackRows(chunks: AsyncIterable<Uint8Array>, notes: string[]): AsyncGenerator<Mapped> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_SLACK_ZIP_BYTES) {
      throw new FileError({ row: 1, message: `This Slack export is larger than ${MAX_SLACK_ZIP_BYTES / 1024 / 1024} MB; export fewer channels or a shorter period.` });
    }
    parts.push(chunk);
  }
  const { rows, summary } = readSlackExport(Buffer.concat(parts));
  const plural = (count: number, word: string, words = `${word}s`) => `${count.toLocaleString('en')} ${count === 1 ? word : words}`;
  notes.push(
    `Slack export: ${plural(summary.channels, 'channel')}, ${plural(summary.messages, 'message')}; ${plural(summary.replies, 'thread reply', 'thread replies')} kept as comments, ${plural(summary.skippedSystem, 'join, bot or other system message')} skipped.`,
  );
  yield* rows;
}

export async function importTicketStream(db: Db, input: TicketImportInput): Promise<ImportReport> {
  const source = sourceOf(input.format, input.sourceName);
  const byteCounter = { bytes: 0 };
  const timeZone = input.timeZone || (await queries.findLastTimeZone(db, { source })) || 'UTC';
  const state: ReadState = { flags: { hasOddText: false }, tally: emptyTally(), options: { ...input.mappingOptions, timeZone } };
  return runBatch(
    db,
    {
      kind: 'tickets',
      format: input.format,
      source,
      fileName: input.fileName,
      fileBytes: 0,
      isSkipBadRows: input.isSkipBadRows,
      via: input.via,
      mapping: input.mapping ? { columns: input.mapping, ...input.mappingOptions } : null,
      createdBy: input.createdBy,
      timeZone,
    },
    async (trx, batchId, counts) => {
      // A search vector fill waits for this import's end (see lockForSearchFill).
      await ticketQueries.lockForImport(trx);
      const writer = await TicketWriter.open(db, trx, batchId, source, counts);
      // The first row of each key and a hash of what it says: a repeat that says the same is
      // imported once and counted, one that says something else is a problem naming both rows.
      const seen = new SeenKeys();
      let repeated = 0;
      let undated = 0;
      let keyedByContent = 0;
      let isWriting = true;
      let pullRequests = 0;
      let inflight: Promise<void> = Promise.resolve();
      let writeError: unknown = null;
      const progress = () =>
        input.onProgress?.({ rowsRead: counts.rowsRead, rowsWritten: counts.inserted + counts.updated + counts.unchanged, bytesRead: byteCounter.bytes });
      const flush = async () => {
        const batch = writer.take();
        await inflight;
        if (writeError) throw writeError;
        // Writing overlaps with reading the next rows; the next flush waits for this one.
        inflight = writer.write(batch).then(progress, (error: unknown) => {
          writeError = error;
        });
      };

      try {
        const bytes = countBytes(input.chunks, byteCounter);
        const rows = input.format === 'slack' ? slackRows(bytes, counts.notes) : mappedRows(input, decodeText(bytes, state.flags), state);
        for await (const mapped of rows) {
          counts.rowsRead += 1;
          if ('isPullRequest' in mapped) {
            pullRequests += 1;
            continue;
          }
          if (mapped.problems) {
            addProblems(counts, mapped.problems);
            counts.skipped += 1;
            if (!input.isSkipBadRows) isWriting = false;
            continue;
          }
          const { record } = mapped;
          const hash = hashTicket(record);
          const earlier = seen.firstOrAdd(record.externalKey, mapped.row, hash);
          if (earlier?.isSameTag) {
            repeated += 1;
            continue;
          }
          if (earlier) {
            const message = `Rows ${earlier.row.toLocaleString('en')} and ${mapped.row.toLocaleString('en')} have the same key ${record.externalKey} but different content; keep one of them.`;
            addProblems(counts, [{ row: mapped.row, column: 'key', message }]);
            counts.skipped += 1;
            if (!input.isSkipBadRows) isWriting = false;
            continue;
          }
          if (record.openedAt === null) undated += 1;
          if (mapped.isKeyedByContent) keyedByContent += 1;
          if (!isWriting) continue;
          writer.add(record, hash);
          if (writer.pendingCount >= WRITE_BATCH_ROWS) await flush();
        }
        if (isWriting && writer.pendingCount > 0) await flush();
        await inflight;
        if (writeError) throw writeError;
      } catch (error) {
        // Let a write that is still running finish before the transaction is undone.
        await inflight;
        if (error instanceof ImportHeaderProblem) {
          addProblems(counts, error.problems);
          throw new ImportRefused(counts);
        }
        throw error;
      } finally {
        counts.fileBytes = byteCounter.bytes;
      }
      counts.skipped += pullRequests;
      counts.repeated = repeated;
      counts.undated = undated;
      if (repeated > 0) counts.notes.push(`Repeated in the file: ${repeated.toLocaleString('en')} (rows identical to an earlier row with the same key; each ticket imported once).`);
      if (undated > 0) {
        counts.notes.push(`${undated.toLocaleString('en')} ticket${undated === 1 ? ' has' : 's have'} no creation date: they count for repeat questions, categories and evidence, not in the weekly volume.`);
      }
      if (keyedByContent > 0) {
        counts.notes.push(`${keyedByContent.toLocaleString('en')} ticket${keyedByContent === 1 ? ' has' : 's have'} no key; each is keyed by a hash of its title, body, requester and dates, so importing the file again changes nothing.`);
      }
      counts.notes.push(...describeTally(state.tally));
      if (timeZone !== 'UTC') counts.notes.push(`Dates without a time zone were read as ${timeZone} time.`);
      if (pullRequests > 0) counts.notes.push(`${pullRequests.toLocaleString('en')} pull request${pullRequests === 1 ? '' : 's'} skipped (GitHub lists them with issues).`);
      if (counts.problemCount > 0 && !input.isSkipBadRows) throw new ImportRefused(counts);
      if (counts.rowsRead === 0) {
        addProblems(counts, [{ row: 2, message: 'The file has a header but no tickets.' }]);
        throw new ImportRefused(counts);
      }
      if (counts.problemCount > 0) {
        counts.notes.push(`${counts.problemCount.toLocaleString('en')} problem row${counts.problemCount === 1 ? '' : 's'} skipped as asked.`);
      }
      if (counts.inserted + counts.updated > 0) await ticketQueries.markSearchPending(trx, { batchId });
      progress();
    },
  );
}
