// Kysely queries for correcting evidence: the item as an edit sees it, its history rows, and the
// tag a removal can put back.
import type { EvidenceMinutesOrigin } from '@/db/types';
import type { Db } from '../db';
import type { CorrectableEvidence, EvidenceChange } from './corrections';

/** The item with everything a correction checks, locked until the edit's transaction ends. */
export async function findEvidenceForCorrection(db: Db, input: { id: string }) {
  return db
    .selectFrom('evidence')
    .select([
      'id',
      'source_kind',
      'source_id',
      'source_path',
      'excerpt',
      'participant_id',
      'minutes_lost',
      'minutes_origin',
      'occurrences_per_month',
      'severity',
      'kind',
    ])
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
}

export async function participantExists(db: Db, input: { id: string }): Promise<boolean> {
  const row = await db.selectFrom('participants').select('id').where('id', '=', input.id).executeTakeFirst();
  return Boolean(row);
}

export async function updateCorrectedEvidence(db: Db, input: { id: string; values: CorrectableEvidence & { minutes_origin: EvidenceMinutesOrigin | null } }) {
  await db
    .updateTable('evidence')
    .set(input.values)
    .where('id', '=', input.id)
    .execute();
}

export async function insertHistory(db: Db, input: { evidenceId: string; changes: EvidenceChange[]; changedBy: string | null }) {
  await insertHistoryRows(db, { rows: input.changes.map((change) => ({ evidenceId: input.evidenceId, ...change })), changedBy: input.changedBy });
}

/** History rows of several items at once (a category rule re-applied to its evidence). */
export async function insertHistoryRows(db: Db, input: { rows: (EvidenceChange & { evidenceId: string })[]; changedBy: string | null }) {
  if (input.rows.length === 0) return;
  await db
    .insertInto('evidence_history')
    .values(
      input.rows.map((row) => ({
        evidence_id: row.evidenceId,
        field: row.field,
        old_value: row.oldValue,
        new_value: row.newValue,
        changed_by: input.changedBy,
      })),
    )
    .execute();
}

/** An item's history, newest first, with who made each change. */
export async function listHistory(db: Db, input: { evidenceId: string }) {
  return db
    .selectFrom('evidence_history')
    .leftJoin('users', 'users.id', 'evidence_history.changed_by')
    .select([
      'evidence_history.id',
      'evidence_history.field',
      'evidence_history.old_value as oldValue',
      'evidence_history.new_value as newValue',
      'evidence_history.changed_at as changedAt',
      'users.name as changedByName',
    ])
    .where('evidence_history.evidence_id', '=', input.evidenceId)
    .orderBy('evidence_history.changed_at', 'desc')
    .orderBy('evidence_history.id')
    .execute();
}

/** Display names of the developers a history mentions. */
export async function findParticipantNames(db: Db, input: { ids: string[] }): Promise<Map<string, string>> {
  if (input.ids.length === 0) return new Map();
  const rows = await db.selectFrom('participants').select(['id', 'display_name']).where('id', 'in', input.ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

export async function insertTagAt(db: Db, input: { evidenceId: string; themeId: string; createdAt: Date }): Promise<boolean> {
  const result = await db
    .insertInto('evidence_themes')
    // created_at is normally the database's; an undo puts back the tag's own.
    .values({ evidence_id: input.evidenceId, theme_id: input.themeId, created_at: input.createdAt as never })
    .onConflict((oc) => oc.columns(['evidence_id', 'theme_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
