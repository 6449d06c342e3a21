// The rows the ranking needs, filtered in SQL: live themes, their evidence within the date window,
// segment and source kinds, and the size of the directory (or segment) for reach. The inventory
// itself is summed per developer in SQL (summariseRanking), so that a large inventory does not
// travel to Node.js row by row; rank-themes.ts does everything after that.
import { sql } from 'kysely';
import type { EvidenceSourceKind, TenureBand, ThemeStatus } from '@/db/types';
import type { Db } from '../db';
import { SEVERITY_MINUTES, SOURCE_KIND_ORDER, type RankingEvidence, type RankingTheme, type ThemeEvidenceSummary } from './rank-themes';

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

export interface RankableTheme extends RankingTheme {
  status: ThemeStatus;
  isMvpFocus: boolean;
}

/** Live themes: not archived, not merged into another. */
export async function listRankableThemes(db: Db, filter: InventoryFilter): Promise<RankableTheme[]> {
  if (filter.themeIds && filter.themeIds.length === 0) return [];
  let query = db
    .selectFrom('themes')
    .select(['id', 'title', 'status', 'is_mvp_focus as isMvpFocus'])
    .where('merged_into_id', 'is', null)
    .where('status', '!=', 'archived');
  if (filter.themeIds) query = query.where('id', 'in', filter.themeIds);
  return query.execute();
}

/**
 * Evidence tags narrowed by the filter, for any theme (archived and merged ones too): the one
 * place the inventory's filters become SQL.
 */
export function filteredEvidenceTags(db: Db, filter: InventoryFilter) {
  let query = db.selectFrom('evidence_themes').innerJoin('evidence', 'evidence.id', 'evidence_themes.evidence_id');
  if (filter.themeIds) query = query.where('evidence_themes.theme_id', 'in', filter.themeIds);
  if (filter.from) query = query.where('evidence.observed_on', '>=', filter.from);
  if (filter.to) query = query.where('evidence.observed_on', '<=', filter.to);
  if (filter.sourceKinds?.length) query = query.where('evidence.source_kind', 'in', filter.sourceKinds);
  if (hasSegment(filter)) {
    // A segment is a property of developers: unattributed evidence cannot belong to one.
    query = query.where('evidence.participant_id', 'in', segmentParticipants(db, filter).select('participants.id'));
  }
  return query;
}

/** The filtered evidence tags of live themes (not archived, not merged): what the ranking counts. */
export function filteredThemeEvidence(db: Db, filter: InventoryFilter) {
  return filteredEvidenceTags(db, filter)
    .innerJoin('themes', 'themes.id', 'evidence_themes.theme_id')
    .where('themes.merged_into_id', 'is', null)
    .where('themes.status', '!=', 'archived');
}

export async function listRankingEvidence(db: Db, filter: InventoryFilter): Promise<RankingEvidence[]> {
  if (filter.themeIds && filter.themeIds.length === 0) return [];
  const rows = await filteredThemeEvidence(db, filter)
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

// The constants below come from rank-themes.ts, written into the SQL as literals.
const severityMinutes = sql.raw(`array[${[1, 2, 3, 4, 5].map((level) => SEVERITY_MINUTES[level]).join(', ')}]::numeric[]`);
/** Monthly minutes of one item: minutes (or the severity's minutes) x occurrences per month; null without either. */
export const monthlyMinutesSql = sql<number | null>`(coalesce(evidence.minutes_lost, (${severityMinutes})[evidence.severity]) * evidence.occurrences_per_month)`;
const sourceKindBit = sql.raw(`case evidence.source_kind ${SOURCE_KIND_ORDER.map((kind, index) => `when '${kind}' then ${1 << index}`).join(' ')} else 0 end`);

const kindsOfMask = (mask: number) => SOURCE_KIND_ORDER.filter((_kind, index) => (mask & (1 << index)) !== 0);

/** The same summaries summariseEvidence() makes from raw rows, summed per developer in SQL. */
export async function summariseRanking(db: Db, filter: InventoryFilter): Promise<Map<string, ThemeEvidenceSummary>> {
  if (filter.themeIds && filter.themeIds.length === 0) return new Map();
  const perDeveloper = filteredThemeEvidence(db, filter)
    .select([
      'evidence_themes.theme_id',
      'evidence.participant_id',
      sql<number>`count(*)`.as('items'),
      // sum() skips items without time data and is null when the developer has none.
      sql<number | null>`sum(${monthlyMinutesSql})::float8`.as('minutes'),
      sql<number>`bit_or(${sourceKindBit})`.as('kinds'),
    ])
    .groupBy(['evidence_themes.theme_id', 'evidence.participant_id']);
  const rows = await db
    .selectFrom(perDeveloper.as('d'))
    .select([
      'd.theme_id',
      sql<number>`sum(d.items)::int`.as('evidence_count'),
      sql<number>`coalesce(sum(d.items) filter (where d.participant_id is null), 0)::int`.as('unattributed'),
      sql<(number | null)[] | null>`array_agg(d.minutes) filter (where d.participant_id is not null)`.as('developer_minutes'),
      sql<number>`bit_or(d.kinds)`.as('kinds'),
    ])
    .groupBy('d.theme_id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.theme_id,
      {
        themeId: row.theme_id,
        evidenceCount: row.evidence_count,
        unattributedMentions: row.unattributed,
        developerMinutes: row.developer_minutes ?? [],
        sourceKinds: kindsOfMask(row.kinds),
      },
    ]),
  );
}

function segmentParticipants(db: Db, filter: InventoryFilter) {
  let query = db.selectFrom('participants');
  if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
  if (filter.tenureBand) query = query.where('tenure_band', '=', filter.tenureBand);
  if (filter.background) query = query.where(sql`lower(background)`, '=', filter.background.toLowerCase());
  return query;
}

/** Active developers in the directory, or in the segment when one is chosen. */
export async function countDirectory(db: Db, filter: InventoryFilter): Promise<number> {
  const row = await segmentParticipants(db, filter)
    .select(sql<number>`count(*)::int`.as('count'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

/**
 * The strongest quotes of some themes within the filter: the items that cost the most time per
 * month, then attributed before unattributed, then the most recent. Only narrow rows go through
 * the window's sort; the texts are joined for the winners alone.
 */
export async function listStrongestQuotes(db: Db, input: { filter: InventoryFilter; themeIds: string[]; perTheme: number }) {
  if (input.themeIds.length === 0) return [];
  const ranked = filteredThemeEvidence(db, { ...input.filter, themeIds: input.themeIds }).select([
    'evidence_themes.theme_id',
    'evidence.id',
    sql<number | null>`${monthlyMinutesSql}::float8`.as('monthly_minutes'),
    sql<number>`row_number() over (partition by evidence_themes.theme_id order by ${monthlyMinutesSql} desc nulls last, (evidence.participant_id is null), evidence.observed_on desc, evidence.id)`.as(
      'position',
    ),
  ]);
  return db
    .selectFrom(ranked.as('q'))
    .innerJoin('evidence', 'evidence.id', 'q.id')
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id')
    .select([
      'q.theme_id',
      'evidence.id',
      'evidence.excerpt',
      'evidence.source_kind',
      'evidence.source_path',
      'evidence.observed_on',
      'evidence.participant_id',
      'q.monthly_minutes',
      'participants.display_name as participant_name',
      'participants.background as participant_background',
      'participants.tenure_band as participant_tenure_band',
      'teams.name as team_name',
    ])
    .where('q.position', '<=', input.perTheme)
    .orderBy('q.theme_id')
    .orderBy('q.position')
    .execute();
}
