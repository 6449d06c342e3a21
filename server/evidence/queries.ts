// Kysely queries for evidence and its theme tags.
import { sql } from 'kysely';
import type { EvidenceKind, EvidenceMinutesOrigin, EvidenceSourceKind } from '@/db/types';
import type { Db } from '@/server/db';
import type { CorrectableEvidence, EvidenceChange } from './corrections';

export interface NewEvidenceRow {
  source_kind: EvidenceSourceKind;
  source_id: string;
  source_path: string;
  excerpt: string;
  participant_id: string | null;
  minutes_lost: number | null;
  occurrences_per_month: number;
  severity: number | null;
  kind: EvidenceKind;
  minutes_origin: EvidenceMinutesOrigin | null;
  observed_on: string;
  created_by: string | null;
}

export async function insertEvidence(db: Db, input: { rows: NewEvidenceRow[] }): Promise<string[]> {
  if (input.rows.length === 0) return [];
  const inserted = await db.insertInto('evidence').values(input.rows).returning('id').execute();
  return inserted.map((row) => row.id);
}

export interface EvidenceFilter {
  sourceKinds?: EvidenceSourceKind[];
  sourceId?: string;
  participantId?: string;
  teamId?: string;
  themeId?: string;
  isUntagged?: boolean;
  /** Words of the excerpt (full-text, stemmed: "deploys" finds "deploying"). */
  text?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const evidenceColumns = [
  'evidence.id',
  'evidence.source_kind as sourceKind',
  'evidence.source_id as sourceId',
  'evidence.source_path as sourcePath',
  'evidence.excerpt',
  'evidence.participant_id as participantId',
  'participants.display_name as participantName',
  'participants.tenure_band as participantTenureBand',
  'participants.background as participantBackground',
  'teams.name as teamName',
  'evidence.minutes_lost as minutesLost',
  'evidence.occurrences_per_month as occurrencesPerMonth',
  'evidence.severity',
  'evidence.kind',
  'evidence.minutes_origin as minutesOrigin',
  'evidence.observed_on as observedOn',
  'evidence.created_at as createdAt',
] as const;

function filteredEvidence(db: Db, filter: Omit<EvidenceFilter, 'limit' | 'offset'>) {
  let query = db
    .selectFrom('evidence')
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id');
  if (filter.sourceKinds?.length) query = query.where('evidence.source_kind', 'in', filter.sourceKinds);
  if (filter.sourceId) query = query.where('evidence.source_id', '=', filter.sourceId);
  if (filter.participantId) query = query.where('evidence.participant_id', '=', filter.participantId);
  if (filter.teamId) query = query.where('participants.team_id', '=', filter.teamId);
  if (filter.from) query = query.where('evidence.observed_on', '>=', filter.from);
  if (filter.to) query = query.where('evidence.observed_on', '<=', filter.to);
  if (filter.text) query = query.where(sql<boolean>`evidence.search_vector @@ websearch_to_tsquery('english'::regconfig, ${filter.text})`);
  if (filter.themeId) {
    const themeId = filter.themeId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('evidence_themes')
          .select('evidence_themes.evidence_id')
          .whereRef('evidence_themes.evidence_id', '=', 'evidence.id')
          .where('evidence_themes.theme_id', '=', themeId),
      ),
    );
  }
  if (filter.isUntagged) {
    query = query.where((eb) =>
      eb.not(eb.exists(eb.selectFrom('evidence_themes').select('evidence_themes.evidence_id').whereRef('evidence_themes.evidence_id', '=', 'evidence.id'))),
    );
  }
  return query;
}

export async function listEvidence(db: Db, filter: EvidenceFilter) {
  const query = filteredEvidence(db, filter);
  const [rows, total] = await Promise.all([
    query
      .select([...evidenceColumns])
      .orderBy('evidence.observed_on', 'desc')
      .orderBy('evidence.created_at', 'desc')
      .orderBy('evidence.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  const tags = await listThemesOfEvidence(db, { evidenceIds: rows.map((row) => row.id) });
  return {
    rows: rows.map((row) => ({ ...row, themes: tags.get(row.id) ?? [] })),
    total: total.count,
  };
}

export async function getEvidence(db: Db, input: { id: string }) {
  const row = await filteredEvidence(db, {}).select([...evidenceColumns]).where('evidence.id', '=', input.id).executeTakeFirst();
  if (!row) return undefined;
  const tags = await listThemesOfEvidence(db, { evidenceIds: [row.id] });
  return { ...row, themes: tags.get(row.id) ?? [] };
}

export async function listThemesOfEvidence(db: Db, input: { evidenceIds: string[] }) {
  const byEvidence = new Map<string, { id: string; title: string }[]>();
  if (input.evidenceIds.length === 0) return byEvidence;
  const rows = await db
    .selectFrom('evidence_themes')
    .innerJoin('themes', 'themes.id', 'evidence_themes.theme_id')
    .select(['evidence_themes.evidence_id', 'themes.id', 'themes.title'])
    .where('evidence_themes.evidence_id', 'in', input.evidenceIds)
    .orderBy('themes.title')
    .execute();
  for (const row of rows) {
    const list = byEvidence.get(row.evidence_id) ?? [];
    list.push({ id: row.id, title: row.title });
    byEvidence.set(row.evidence_id, list);
  }
  return byEvidence;
}

export async function findExistingEvidenceIds(db: Db, input: { ids: string[] }): Promise<string[]> {
  if (input.ids.length === 0) return [];
  const rows = await db.selectFrom('evidence').select('id').where('id', 'in', input.ids).execute();
  return rows.map((row) => row.id);
}

export async function insertTags(db: Db, input: { pairs: { evidence_id: string; theme_id: string }[] }): Promise<number> {
  if (input.pairs.length === 0) return 0;
  const result = await db
    .insertInto('evidence_themes')
    .values(input.pairs)
    .onConflict((oc) => oc.columns(['evidence_id', 'theme_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Removes a tag and says when it was made, so that an undo can put it back as it was. */
export async function deleteTag(db: Db, input: { evidenceId: string; themeId: string }) {
  return db
    .deleteFrom('evidence_themes')
    .where('evidence_id', '=', input.evidenceId)
    .where('theme_id', '=', input.themeId)
    .returning(['evidence_id as evidenceId', 'theme_id as themeId', 'created_at as createdAt'])
    .executeTakeFirst();
}

export async function deleteEvidence(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('evidence').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Removes the evidence taken from one source row (when that source is deleted); returns how many. */
export async function deleteEvidenceOfSource(db: Db, input: { sourceKind: EvidenceSourceKind; sourceId: string }): Promise<number> {
  const result = await db
    .deleteFrom('evidence')
    .where('source_kind', '=', input.sourceKind)
    .where('source_id', '=', input.sourceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- Corrections and their history (service-corrections.ts) --------------------------------------

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
