// Kysely queries for import batches (the history and its reports), the revisions a batch keeps
// for rollback, the requesters it added, and saved column mappings.
import { sql } from 'kysely';
import type { ImportFormat, ImportKind, ImportStatus } from '@/db/types';
import type { Db } from '@/server/db';
import type { ImportCounts } from './report';
import type { CsvTicketFormat } from './ticket-formats';

export interface NewBatch {
  kind: ImportKind;
  format: ImportFormat;
  source: string;
  fileName: string;
  fileBytes: number;
  isSkipBadRows: boolean;
  via: 'page' | 'api';
  mapping: unknown;
  createdBy: string | null;
  /** The zone dates without one were read in (ticket imports). */
  timeZone?: string | null;
}

export async function insertBatch(db: Db, input: NewBatch) {
  return db
    .insertInto('import_batches')
    .values({
      kind: input.kind,
      format: input.format,
      source: input.source,
      file_name: input.fileName,
      file_bytes: input.fileBytes,
      status: 'running',
      is_skip_bad_rows: input.isSkipBadRows,
      via: input.via,
      mapping: input.mapping === null || input.mapping === undefined ? null : JSON.stringify(input.mapping),
      created_by: input.createdBy,
      time_zone: input.timeZone ?? null,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export interface BatchOutcome extends ImportCounts {
  status: Exclude<ImportStatus, 'running' | 'rolled-back'>;
  error: string | null;
}

export async function finishBatch(db: Db, input: { id: string; outcome: BatchOutcome }) {
  const { outcome } = input;
  await db
    .updateTable('import_batches')
    .set({
      status: outcome.status,
      file_bytes: outcome.fileBytes,
      rows_read: outcome.rowsRead,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      skipped: outcome.skipped,
      participants_created: outcome.participantsCreated,
      problem_count: outcome.problemCount,
      problems: JSON.stringify(outcome.problems),
      notes: JSON.stringify(outcome.notes),
      error: outcome.error,
      finished_at: new Date(),
    })
    .where('id', '=', input.id)
    .execute();
}

const batchColumns = [
  'import_batches.id',
  'import_batches.kind',
  'import_batches.format',
  'import_batches.source',
  'import_batches.file_name as fileName',
  'import_batches.file_bytes as fileBytes',
  'import_batches.status',
  'import_batches.is_skip_bad_rows as isSkipBadRows',
  'import_batches.via',
  'import_batches.rows_read as rowsRead',
  'import_batches.inserted',
  'import_batches.updated',
  'import_batches.unchanged',
  'import_batches.skipped',
  'import_batches.participants_created as participantsCreated',
  'import_batches.problem_count as problemCount',
  'import_batches.notes',
  'import_batches.error',
  'import_batches.created_at as createdAt',
  'import_batches.finished_at as finishedAt',
  'import_batches.rolled_back_at as rolledBackAt',
  'import_batches.time_zone as timeZone',
  'users.name as createdByName',
] as const;

export async function listBatches(db: Db, input: { kind?: ImportKind; limit: number; offset: number }) {
  let query = db.selectFrom('import_batches').leftJoin('users', 'users.id', 'import_batches.created_by');
  if (input.kind) query = query.where('import_batches.kind', '=', input.kind);
  const [rows, total] = await Promise.all([
    query
      .select([...batchColumns])
      .orderBy('import_batches.created_at', 'desc')
      .orderBy('import_batches.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

/** The zone the last finished import of a source read its dates in: the default of the next one. */
export async function findLastTimeZone(db: Db, input: { source: string }): Promise<string | null> {
  const row = await db
    .selectFrom('import_batches')
    .select('time_zone')
    .where('source', '=', input.source)
    .where('kind', '=', 'tickets')
    .where('status', '=', 'completed')
    .where('time_zone', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.time_zone ?? null;
}

export async function getBatch(db: Db, input: { id: string }) {
  return db
    .selectFrom('import_batches')
    .leftJoin('users', 'users.id', 'import_batches.created_by')
    .select([...batchColumns, 'import_batches.problems', 'import_batches.mapping'])
    .where('import_batches.id', '=', input.id)
    .executeTakeFirst();
}

/** Locks the batch row for a rollback, so two rollbacks of one batch cannot interleave. */
export async function lockBatch(db: Db, input: { id: string }) {
  return db
    .selectFrom('import_batches')
    .select(['id', 'kind', 'status', 'file_name'])
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRolledBack(db: Db, input: { id: string; userId: string }) {
  await db
    .updateTable('import_batches')
    .set({ status: 'rolled-back', rolled_back_at: new Date(), rolled_back_by: input.userId })
    .where('id', '=', input.id)
    .execute();
}

/** Copies the current rows into the batch's revisions before the batch updates them. */
export async function saveRevisions(db: Db, input: { batchId: string; kind: 'ticket' | 'postmortem'; ids: string[] }) {
  if (input.ids.length === 0) return;
  const table = sql.table(input.kind === 'ticket' ? 'tickets' : 'postmortems');
  await sql`
    insert into import_revisions (batch_id, record_kind, record_id, previous)
    select ${input.batchId}::uuid, ${input.kind}, r.id, to_jsonb(r) - 'search_vector' from ${table} r where r.id = any(${input.ids}::uuid[])
    on conflict do nothing`.execute(db);
}

export async function recordBatchParticipants(db: Db, input: { batchId: string; participantIds: string[] }) {
  if (input.participantIds.length === 0) return;
  await db
    .insertInto('import_batch_participants')
    .values(input.participantIds.map((participantId) => ({ batch_id: input.batchId, participant_id: participantId })))
    .execute();
}

/** Removes requesters the batch added that no ticket and no evidence refers to any more. */
export async function deleteUnusedBatchParticipants(db: Db, input: { batchId: string }): Promise<number> {
  const result = await sql`
    delete from participants p
    using import_batch_participants b
    where b.batch_id = ${input.batchId} and b.participant_id = p.id
      and not exists (select 1 from tickets t where t.participant_id = p.id)
      and not exists (select 1 from evidence e where e.participant_id = p.id)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

// ---- Saved mappings ----------------------------------------------------------------------------

export async function listMappings(db: Db) {
  return db.selectFrom('ticket_mappings').select(['id', 'name', 'format', 'mapping', 'updated_at as updatedAt']).orderBy(sql`lower(name)`).execute();
}

export async function findMappingByName(db: Db, input: { name: string }) {
  return db
    .selectFrom('ticket_mappings')
    .select(['id', 'name', 'format', 'mapping'])
    .where(sql`lower(name)`, '=', input.name.toLowerCase())
    .executeTakeFirst();
}

export async function upsertMapping(db: Db, input: { name: string; format: CsvTicketFormat; mapping: unknown; createdBy: string | null }) {
  const existing = await findMappingByName(db, { name: input.name });
  if (existing) {
    return db
      .updateTable('ticket_mappings')
      .set({ name: input.name, format: input.format, mapping: JSON.stringify(input.mapping), updated_at: new Date() })
      .where('id', '=', existing.id)
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
  }
  return db
    .insertInto('ticket_mappings')
    .values({ name: input.name, format: input.format, mapping: JSON.stringify(input.mapping), created_by: input.createdBy })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function deleteMapping(db: Db, input: { id: string }): Promise<boolean> {
  const result = await db.deleteFrom('ticket_mappings').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
