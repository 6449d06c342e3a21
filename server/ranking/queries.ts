// The rows the ranking needs, filtered in SQL: live themes, their evidence within the date window,
// segment and source kinds, and the size of the directory (or segment) for reach.
import { sql } from 'kysely';
import type { EvidenceSourceKind, TenureBand } from '@/db/types';
import type { Db } from '../db';
import type { RankingEvidence, RankingTheme } from './rank-themes';

export interface InventoryFilter {
  from?: string;
  to?: string;
  teamId?: string;
  tenureBand?: TenureBand;
  background?: string;
  sourceKinds?: EvidenceSourceKind[];
  /** Only these themes (e.g. the themes linked to a roadmap item). */
  themeIds?: string[];
}

const hasSegment = (filter: InventoryFilter) => Boolean(filter.teamId || filter.tenureBand || filter.background);

export async function listRankableThemes(db: Db, filter: InventoryFilter): Promise<RankingTheme[]> {
  if (filter.themeIds && filter.themeIds.length === 0) return [];
  let query = db.selectFrom('themes').select(['id', 'title']).where('merged_into_id', 'is', null).where('status', '!=', 'archived');
  if (filter.themeIds) query = query.where('id', 'in', filter.themeIds);
  return query.execute();
}

export async function listRankingEvidence(db: Db, filter: InventoryFilter): Promise<RankingEvidence[]> {
  if (filter.themeIds && filter.themeIds.length === 0) return [];
  let query = db
    .selectFrom('evidence_themes')
    .innerJoin('themes', 'themes.id', 'evidence_themes.theme_id')
    .innerJoin('evidence', 'evidence.id', 'evidence_themes.evidence_id')
    .where('themes.merged_into_id', 'is', null)
    .where('themes.status', '!=', 'archived');
  if (filter.themeIds) query = query.where('themes.id', 'in', filter.themeIds);
  if (filter.from) query = query.where('evidence.observed_on', '>=', filter.from);
  if (filter.to) query = query.where('evidence.observed_on', '<=', filter.to);
  if (filter.sourceKinds?.length) query = query.where('evidence.source_kind', 'in', filter.sourceKinds);
  if (hasSegment(filter)) {
    // A segment is a property of developers: unattributed evidence cannot belong to one.
    query = query.where('evidence.participant_id', 'in', segmentParticipantIds(db, filter));
  }
  const rows = await query
    .select([
      'evidence_themes.theme_id',
      'evidence.id',
      'evidence.participant_id',
      'evidence.source_kind',
      'evidence.minutes_lost',
      'evidence.occurrences_per_month',
      'evidence.severity',
    ])
    .execute();
  return rows.map((row) => ({
    themeId: row.theme_id,
    evidenceId: row.id,
    participantId: row.participant_id,
    sourceKind: row.source_kind,
    minutesLost: row.minutes_lost,
    occurrencesPerMonth: row.occurrences_per_month,
    severity: row.severity,
  }));
}

function segmentParticipants(db: Db, filter: InventoryFilter) {
  let query = db.selectFrom('participants');
  if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
  if (filter.tenureBand) query = query.where('tenure_band', '=', filter.tenureBand);
  if (filter.background) query = query.where(sql`lower(background)`, '=', filter.background.toLowerCase());
  return query;
}

function segmentParticipantIds(db: Db, filter: InventoryFilter) {
  return segmentParticipants(db, filter).select('participants.id');
}

/** Active developers in the directory, or in the segment when one is chosen. */
export async function countDirectory(db: Db, filter: InventoryFilter): Promise<number> {
  const row = await segmentParticipants(db, filter)
    .select(sql<number>`count(*)::int`.as('count'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}
