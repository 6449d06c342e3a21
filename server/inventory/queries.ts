// The rows the ranking needs, filtered in SQL: live themes, their evidence within the date window,
// segment and source kinds, the size of the active directory (or segment) for reach, and the
// earliest evidence (the start of an unfiltered window). The inventory itself is aggregated per
// developer in SQL (summariseRanking: largest recurring estimate, single occurrences added up), so
// that a large inventory does not travel to Node.js row by row; rank-themes.ts does the rest.
import { sql, type AliasedExpression } from 'kysely';
import type { EvidenceSourceKind, TenureBand, ThemeStatus } from '@/db/types';
import type { Db } from '@/server/db';
import type { ExplainableEvidence } from './explain-theme';
import { kindsOfMask } from './stored-figures';
import { SEVERITY_MINUTES, SOURCE_KIND_ORDER, type DeveloperSummary, type RankingEvidence, type RankingTheme, type ThemeEvidenceSummary } from './rank-themes';

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

export const hasSegment = (filter: InventoryFilter) => Boolean(filter.teamId || filter.tenureBand || filter.background);

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
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .select([
      'evidence_themes.theme_id',
      'evidence.id',
      'evidence.participant_id',
      sql<boolean>`participants.archived_at is null`.as('is_active'),
      'evidence.source_kind',
      'evidence.kind',
      'evidence.minutes_lost',
      'evidence.occurrences_per_month',
      'evidence.severity',
    ])
    .execute();
  return rows.map((row) => ({
    themeId: row.theme_id,
    evidenceId: row.id,
    participantId: row.participant_id,
    isParticipantActive: row.is_active,
    sourceKind: row.source_kind,
    kind: row.kind,
    minutesLost: row.minutes_lost === null ? null : Number(row.minutes_lost),
    occurrencesPerMonth: Number(row.occurrences_per_month),
    severity: row.severity,
  }));
}

/** The date of the earliest evidence in the workspace (any theme, any filter): where an unfiltered window starts. */
export async function findEarliestEvidenceDate(db: Db): Promise<string | null> {
  const row = await db.selectFrom('evidence').select(sql<string | null>`min(observed_on)::text`.as('earliest')).executeTakeFirstOrThrow();
  return row.earliest;
}

// The constants below come from rank-themes.ts, written into the SQL as literals.
const severityMinutes = sql.raw(`array[${[1, 2, 3, 4, 5].map((level) => SEVERITY_MINUTES[level]).join(', ')}]::numeric[]`);
/**
 * An item's own figure, as monthlyMinutes() in rank-themes.ts: minutes (or the severity's minutes)
 * x occurrences per month, which for a single occurrence (rate stored as 1) is its minutes; null
 * without either.
 */
export const monthlyMinutesSql = sql<number | null>`(coalesce(evidence.minutes_lost, (${severityMinutes})[evidence.severity]) * evidence.occurrences_per_month)`;
/** An item's source kind as its bit in a mask (kindsOfMask() reads it back). */
export const sourceKindBitSql = sql.raw(`case evidence.source_kind ${SOURCE_KIND_ORDER.map((kind, index) => `when '${kind}' then ${1 << index}`).join(' ')} else 0 end`);
/** The order of a theme's quotes: the most time per month, then attributed, then the most recent. */
export const strongestFirstSql = sql`${monthlyMinutesSql} desc nulls last, (evidence.participant_id is null), evidence.observed_on desc, evidence.id`;

/**
 * The same summaries summariseEvidence() makes from raw rows, aggregated per developer in SQL:
 * the largest recurring estimate and the single occurrences added up (the window's division and
 * the larger of the two are left to rank-themes.ts).
 */
export async function summariseRanking(db: Db, filter: InventoryFilter): Promise<Map<string, ThemeEvidenceSummary>> {
  if (filter.themeIds && filter.themeIds.length === 0) return new Map();
  const perDeveloper = filteredThemeEvidence(db, filter)
    .select([
      'evidence_themes.theme_id',
      'evidence.participant_id',
      sql<number>`count(*)`.as('items'),
      // max() and sum() skip items without time data and are null when the developer has none.
      sql<number | null>`max(${monthlyMinutesSql}) filter (where evidence.kind = 'recurring')`.as('largest_recurring'),
      sql<number | null>`sum(${monthlyMinutesSql}) filter (where evidence.kind = 'single')`.as('single_minutes'),
      sql<number>`bit_or(${sourceKindBitSql})`.as('kinds'),
    ])
    .groupBy(['evidence_themes.theme_id', 'evidence.participant_id']);
  const rows = await db
    .selectFrom(perDeveloper.as('d'))
    .leftJoin('participants', 'participants.id', 'd.participant_id')
    .select([
      'd.theme_id',
      sql<number>`sum(d.items)::int`.as('evidence_count'),
      sql<number>`coalesce(sum(d.items) filter (where d.participant_id is null), 0)::int`.as('unattributed'),
      sql<(number | null)[] | null>`array_agg(d.largest_recurring::float8 order by d.participant_id) filter (where d.participant_id is not null)`.as('largest_recurring'),
      sql<(number | null)[] | null>`array_agg(d.single_minutes::float8 order by d.participant_id) filter (where d.participant_id is not null)`.as('single_minutes'),
      sql<boolean[] | null>`array_agg(participants.archived_at is null order by d.participant_id) filter (where d.participant_id is not null)`.as('is_active'),
      sql<number>`bit_or(d.kinds)`.as('kinds'),
    ])
    .groupBy('d.theme_id')
    .execute();
  return new Map(
    rows.map((row) => {
      const active = row.is_active ?? [];
      const singles = row.single_minutes ?? [];
      const developers: DeveloperSummary[] = (row.largest_recurring ?? []).map((largestRecurring, index) => ({
        isActive: active[index],
        largestRecurring,
        singleMinutes: singles[index],
      }));
      return [
        row.theme_id,
        {
          themeId: row.theme_id,
          evidenceCount: row.evidence_count,
          unattributedMentions: row.unattributed,
          developers,
          sourceKinds: kindsOfMask(row.kinds),
        },
      ];
    }),
  );
}

/** The developers of a segment (team, tenure band, background), archived ones too. */
export function segmentParticipants(db: Db, filter: InventoryFilter) {
  let query = db.selectFrom('participants');
  if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
  if (filter.tenureBand) query = query.where('tenure_band', '=', filter.tenureBand);
  if (filter.background) query = query.where(sql`lower(background)`, '=', filter.background.toLowerCase());
  return query;
}

/** Every developer of the segment, archived ones too (their evidence counts, as in filteredEvidenceTags). */
export async function listSegmentParticipantIds(db: Db, filter: InventoryFilter): Promise<Set<string>> {
  const rows = await segmentParticipants(db, filter).select('participants.id').execute();
  return new Set(rows.map((row) => row.id));
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
    sql<number>`row_number() over (partition by evidence_themes.theme_id order by ${strongestFirstSql})`.as('position'),
  ]);
  return listQuoteDetails(db, db.selectFrom(ranked.as('r')).selectAll('r').where('r.position', '<=', input.perTheme).as('q'));
}

/** The same quotes from the ids stored with the theme's figures (queries-figures.ts), without a filter. */
export async function listStoredQuotes(db: Db, input: { themeIds: string[] }) {
  if (input.themeIds.length === 0) return [];
  const stored = sql<QuotePick>`(select f.theme_id, u.id, u.position from theme_figures f cross join lateral unnest(f.quote_ids) with ordinality as u(id, position) where f.theme_id in (${sql.join(input.themeIds)}))`;
  return listQuoteDetails(db, stored.as('q'));
}

interface QuotePick {
  theme_id: string;
  id: string;
  position: number;
}

function listQuoteDetails(db: Db, chosen: AliasedExpression<QuotePick, 'q'>) {
  return db
    .selectFrom(chosen)
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
      sql<number | null>`${monthlyMinutesSql}::float8`.as('monthly_minutes'),
      'participants.display_name as participant_name',
      'participants.background as participant_background',
      'participants.tenure_band as participant_tenure_band',
      'teams.name as team_name',
    ])
    .orderBy('q.theme_id')
    .orderBy('q.position')
    .execute();
}

/** Active developers grouped by background, tenure band and team: what an anonymous attribution is matched against. */
export async function listDirectoryProfiles(db: Db) {
  const rows = await db
    .selectFrom('participants')
    .leftJoin('teams', 'teams.id', 'participants.team_id')
    .select([
      sql<string | null>`lower(btrim(participants.background))`.as('background'),
      'participants.tenure_band',
      'teams.name as team_name',
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('participants.archived_at', 'is', null)
    .groupBy([sql`lower(btrim(participants.background))`, 'participants.tenure_band', 'teams.name'])
    .execute();
  return rows.map((row) => ({ background: row.background, tenureBand: row.tenure_band, teamName: row.team_name, count: row.count }));
}

/** One theme's evidence within the filter, with what its explanation shows (names: workspace only). */
export async function listExplainableEvidence(db: Db, input: { themeId: string; filter: InventoryFilter }): Promise<ExplainableEvidence[]> {
  const rows = await filteredThemeEvidence(db, { ...input.filter, themeIds: [input.themeId] })
    .leftJoin('participants', 'participants.id', 'evidence.participant_id')
    .select([
      'evidence_themes.theme_id',
      'evidence.id',
      'evidence.participant_id',
      'participants.display_name',
      sql<boolean>`participants.archived_at is null`.as('is_active'),
      'evidence.source_kind',
      'evidence.kind',
      'evidence.minutes_lost',
      'evidence.occurrences_per_month',
      'evidence.severity',
      'evidence.observed_on',
      'evidence.source_path',
      sql<string>`left(evidence.excerpt, 200)`.as('excerpt'),
    ])
    .orderBy('evidence.observed_on')
    .orderBy('evidence.id')
    .execute();
  return rows.map((row) => ({
    themeId: row.theme_id,
    evidenceId: row.id,
    participantId: row.participant_id,
    participantName: row.display_name,
    isParticipantActive: row.is_active,
    sourceKind: row.source_kind,
    kind: row.kind,
    minutesLost: row.minutes_lost === null ? null : Number(row.minutes_lost),
    occurrencesPerMonth: Number(row.occurrences_per_month),
    severity: row.severity,
    observedOn: row.observed_on,
    sourcePath: row.source_path,
    excerpt: row.excerpt,
  }));
}

/**
 * One developer's figures per live theme, as summariseRanking() gathers them for every developer:
 * their items, the largest recurring estimate and the single occurrences added up (the developer
 * page divides by the same window and takes the larger, through developerMonthlyMinutes()).
 */
export async function summariseDeveloperThemes(db: Db, input: { participantId: string }) {
  const rows = await filteredThemeEvidence(db, {})
    .where('evidence.participant_id', '=', input.participantId)
    .select([
      'evidence_themes.theme_id as themeId',
      sql<number>`count(*)::int`.as('evidenceCount'),
      sql<number | null>`(max(${monthlyMinutesSql}) filter (where evidence.kind = 'recurring'))::float8`.as('largestRecurring'),
      sql<number | null>`(sum(${monthlyMinutesSql}) filter (where evidence.kind = 'single'))::float8`.as('singleMinutes'),
    ])
    .groupBy('evidence_themes.theme_id')
    .execute();
  return rows.map((row) => ({
    ...row,
    largestRecurring: row.largestRecurring === null ? null : Number(row.largestRecurring),
    singleMinutes: row.singleMinutes === null ? null : Number(row.singleMinutes),
  }));
}
