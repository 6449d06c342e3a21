// Kysely queries for a theme's evidence: the items behind its numbers (within the inventory's
// filter), evidence outside it to tag in, and moving tags when a theme is split.
import { sql } from 'kysely';
import type { EvidenceSourceKind } from '@/db/types';
import type { Db } from '@/server/db';
import { filteredEvidenceTags, monthlyMinutesSql, type InventoryFilter } from '@/server/inventory/queries';

/** Which of these evidence items are tagged into the theme. */
export async function findTaggedEvidenceIds(db: Db, input: { themeId: string; evidenceIds: string[] }): Promise<string[]> {
  if (input.evidenceIds.length === 0) return [];
  const rows = await db
    .selectFrom('evidence_themes')
    .select('evidence_id')
    .where('theme_id', '=', input.themeId)
    .where('evidence_id', 'in', input.evidenceIds)
    .execute();
  return rows.map((row) => row.evidence_id);
}

export async function moveTags(db: Db, input: { fromThemeId: string; toThemeId: string; evidenceIds: string[] }) {
  if (input.evidenceIds.length === 0) return;
  await db
    .insertInto('evidence_themes')
    .values(input.evidenceIds.map((evidenceId) => ({ evidence_id: evidenceId, theme_id: input.toThemeId })))
    .onConflict((oc) => oc.columns(['evidence_id', 'theme_id']).doNothing())
    .execute();
  await db.deleteFrom('evidence_themes').where('theme_id', '=', input.fromThemeId).where('evidence_id', 'in', input.evidenceIds).execute();
}

export interface ThemeEvidenceFilter {
  themeId: string;
  filter: InventoryFilter;
  /** attributed: only evidence from developers; unattributed: only mentions without one. */
  who?: 'attributed' | 'unattributed';
  sourceKind?: EvidenceSourceKind;
  participantId?: string;
  limit: number;
  offset: number;
}

function themeEvidence(db: Db, input: Omit<ThemeEvidenceFilter, 'limit' | 'offset'>) {
  let query = filteredEvidenceTags(db, { ...input.filter, themeIds: [input.themeId] })
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id');
  if (input.who === 'attributed') query = query.where('evidence.participant_id', 'is not', null);
  if (input.who === 'unattributed') query = query.where('evidence.participant_id', 'is', null);
  if (input.sourceKind) query = query.where('evidence.source_kind', '=', input.sourceKind);
  if (input.participantId) query = query.where('evidence.participant_id', '=', input.participantId);
  return query;
}

/** A theme's evidence within the filter, the costliest first: the evidence behind its numbers. */
export async function listThemeEvidence(db: Db, input: ThemeEvidenceFilter) {
  const query = themeEvidence(db, input);
  const [rows, total] = await Promise.all([
    query
      .select([
        'evidence.id',
        'evidence.source_kind as sourceKind',
        'evidence.source_path as sourcePath',
        'evidence.excerpt',
        'evidence.participant_id as participantId',
        'participants.display_name as participantName',
        'participants.background as participantBackground',
        'participants.tenure_band as participantTenureBand',
        'teams.name as teamName',
        'evidence.minutes_lost as minutesLost',
        'evidence.occurrences_per_month as occurrencesPerMonth',
        'evidence.severity',
        'evidence.kind',
        sql<number | null>`${monthlyMinutesSql}::float8`.as('monthlyMinutes'),
        'evidence.observed_on as observedOn',
        'evidence_themes.created_at as taggedAt',
      ])
      .orderBy(sql`${monthlyMinutesSql} desc nulls last`)
      .orderBy('evidence.observed_on', 'desc')
      .orderBy('evidence.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

/** Evidence not (yet) in this theme, to tag into it from the theme's page. */
export async function listEvidenceOutsideTheme(db: Db, input: { themeId: string; isUntaggedOnly: boolean; limit: number; offset: number }) {
  const query = db
    .selectFrom('evidence')
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('evidence_themes')
            .select('evidence_themes.evidence_id')
            .whereRef('evidence_themes.evidence_id', '=', 'evidence.id')
            .$if(!input.isUntaggedOnly, (inner) => inner.where('evidence_themes.theme_id', '=', input.themeId)),
        ),
      ),
    );
  const [rows, total] = await Promise.all([
    query
      .select([
        'evidence.id',
        'evidence.source_kind as sourceKind',
        'evidence.excerpt',
        'evidence.observed_on as observedOn',
        'participants.display_name as participantName',
      ])
      .orderBy('evidence.observed_on', 'desc')
      .orderBy('evidence.created_at', 'desc')
      .orderBy('evidence.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}
