// Import batches: every import runs as one batch with a history row and a report. The work runs
// in one transaction (all or nothing); a refused or failed import leaves its report in the history
// and nothing else. A finished batch can be rolled back: what it inserted is removed and what it
// updated is written back as it was.
import { sql } from 'kysely';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as postmortemQueries from '@/server/postmortems/queries';
import * as ticketQueries from '@/server/tickets/queries';
import { FileError } from './read-records';
import * as queries from './queries';
import { sourceOf, type TicketFormat } from './ticket-formats';
import { emptyCounts, summarizeReport, addProblems, type ImportCounts, type ImportReport } from './report';

/** Thrown inside a batch's transaction to undo everything and report the problems. */
export class ImportRefused extends Error {
  constructor(readonly counts: ImportCounts) {
    super('import refused');
    this.name = 'ImportRefused';
  }
}

export type BatchMeta = queries.NewBatch;

/**
 * A statement of an import may run this long (requests get STATEMENT_TIMEOUT_MS): one insert of a
 * few thousand rows on a busy server can take more than a page's ten seconds.
 */
export const IMPORT_STATEMENT_TIMEOUT_MS = 5 * 60_000;

export const ABANDONED_IMPORT_MESSAGE = 'The import stopped because the server stopped while it ran; nothing of it was saved. Import the file again.';

// The transaction of a running batch holds an advisory lock keyed on the batch: when its process
// dies, PostgreSQL ends the transaction (nothing of it is committed) and the lock goes with it.
// The first key tells these locks from any other advisory lock ('FL').
const BATCH_LOCK_CLASS = 0x464c;

async function holdBatchLock(trx: Db, batchId: string) {
  await sql`select set_config('statement_timeout', ${String(IMPORT_STATEMENT_TIMEOUT_MS)}, true)`.execute(trx);
  // An import runs many statements of a few thousand rows each: compiling each one (PostgreSQL's
  // JIT starts above a cost such a batch reaches) takes longer than running it.
  await sql`select set_config('jit', 'off', true)`.execute(trx);
  await sql`select pg_advisory_xact_lock(${BATCH_LOCK_CLASS}::int, hashtext(${batchId}::text))`.execute(trx);
}

/**
 * Marks failed every batch still "running" whose transaction is gone (its process was killed):
 * on PGlite, one process per folder, so all of them at start-up; on PostgreSQL only those whose
 * lock no live process holds. Returns how many it marked.
 */
export async function failAbandonedBatches(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await sql<{ id: string }>`
      update import_batches set status = 'failed', error = ${ABANDONED_IMPORT_MESSAGE}, inserted = 0, updated = 0, unchanged = 0,
        participants_created = 0, finished_at = now()
      where status = 'running' and pg_try_advisory_xact_lock(${BATCH_LOCK_CLASS}::int, hashtext(id::text))
      returning id`.execute(trx);
    return result.rows.length;
  });
}

export async function runBatch(db: Db, meta: BatchMeta, work: (trx: Db, batchId: string, counts: ImportCounts) => Promise<void>): Promise<ImportReport> {
  const batch = await queries.insertBatch(db, meta);
  const counts = emptyCounts();
  counts.fileBytes = meta.fileBytes;
  const unit = meta.format === 'postmortem-markdown' ? 'file' : 'row';
  const report = (status: 'completed' | 'failed', final: ImportCounts): ImportReport => ({
    ...final,
    batchId: batch.id,
    kind: meta.kind,
    format: meta.format,
    fileName: meta.fileName,
    status,
    message: summarizeReport({ status, counts: final, unit }),
  });
  try {
    await db.transaction().execute(async (trx) => {
      await holdBatchLock(trx, batch.id);
      await work(trx, batch.id, counts);
    });
  } catch (error) {
    let final: ImportCounts;
    if (error instanceof ImportRefused) final = error.counts;
    else if (error instanceof FileError) {
      addProblems(counts, [error.problem]);
      final = counts;
    } else if (error instanceof AppError) {
      // A refusal with its own status (a file over the size limit): recorded, then passed on.
      await queries.finishBatch(db, { id: batch.id, outcome: { ...counts, inserted: 0, updated: 0, unchanged: 0, participantsCreated: 0, status: 'failed', error: error.message } });
      throw error;
    } else {
      await queries.finishBatch(db, {
        id: batch.id,
        outcome: { ...counts, inserted: 0, updated: 0, unchanged: 0, participantsCreated: 0, status: 'failed', error: 'The import stopped on an error on our side.' },
      });
      throw error;
    }
    const failed = { ...final, inserted: 0, updated: 0, unchanged: 0, participantsCreated: 0 };
    const result = report('failed', failed);
    await queries.finishBatch(db, { id: batch.id, outcome: { ...failed, status: 'failed', error: result.message } });
    return result;
  }
  await queries.finishBatch(db, { id: batch.id, outcome: { ...counts, status: 'completed', error: null } });
  return report('completed', counts);
}

/** Rolls back a finished import: inserted rows removed, updated rows restored, new requesters removed. */
export async function rollbackBatch(db: Db, input: { id: string; userId: string }) {
  return db.transaction().execute(async (trx) => {
    const batch = await queries.lockBatch(trx, { id: input.id });
    if (!batch) throw new AppError('NOT_FOUND', 'This import is no longer in the history.');
    if (batch.status === 'rolled-back') throw new AppError('CONFLICT', 'This import has already been rolled back.');
    if (batch.status !== 'completed') throw new AppError('CONFLICT', 'Only a finished import can be rolled back; this one wrote nothing.');
    const isTickets = batch.kind === 'tickets';
    const changedAfter = isTickets
      ? await ticketQueries.countTicketsChangedAfter(trx, { batchId: batch.id })
      : await postmortemQueries.countPostmortemsChangedAfter(trx, { batchId: batch.id });
    const noun = isTickets ? 'ticket' : 'post-mortem';
    if (changedAfter > 0) {
      throw new AppError(
        'CONFLICT',
        `A later import changed ${changedAfter} ${noun}${changedAfter === 1 ? '' : 's'} of this one. Roll back the later import first.`,
      );
    }
    const evidence = isTickets
      ? await ticketQueries.countEvidenceOfTicketsInsertedBy(trx, { batchId: batch.id })
      : await postmortemQueries.countEvidenceOfPostmortemsInsertedBy(trx, { batchId: batch.id });
    if (evidence > 0) {
      throw new AppError(
        'CONFLICT',
        `${evidence} evidence item${evidence === 1 ? ' was' : 's were'} saved from ${noun}s of this import. Delete that evidence first, or keep the import.`,
      );
    }
    const restored = isTickets ? await ticketQueries.restoreTickets(trx, { batchId: batch.id }) : await postmortemQueries.restorePostmortems(trx, { batchId: batch.id });
    const removed = isTickets
      ? await ticketQueries.deleteTicketsInsertedBy(trx, { batchId: batch.id })
      : await postmortemQueries.deletePostmortemsInsertedBy(trx, { batchId: batch.id });
    const participantsRemoved = await queries.deleteUnusedBatchParticipants(trx, { batchId: batch.id });
    await queries.markRolledBack(trx, { id: batch.id, userId: input.userId });
    return { removed, restored, participantsRemoved };
  });
}

export async function getSourceTimeZone(db: Db, input: { format: TicketFormat; sourceName?: string | null }) {
  const source = sourceOf(input.format, input.sourceName);
  return { source, timeZone: (await queries.findLastTimeZone(db, { source })) ?? 'UTC' };
}

export async function getBatchReport(db: Db, input: { id: string }) {
  const batch = await queries.getBatch(db, input);
  if (!batch) throw new AppError('NOT_FOUND', 'This import is no longer in the history.');
  return batch;
}
