// The ranking's maintained figures (theme_figures, migration 0860): per theme, each developer's
// items, largest recurring estimate, single occurrences added up and source kinds, plus the
// strongest items. Triggers mark the themes a write touches; refreshThemeFigures() recomputes
// those (bounded by their evidence) before a read; findDriftedThemeFigures() recomputes every
// theme and says which stored rows differ (the integration tests and `npm run check:figures`).
import { sql } from 'kysely';
import type { Db } from '@/server/db';
import { filteredEvidenceTags, monthlyMinutesSql, sourceKindBitSql, strongestFirstSql } from './queries';
import type { StoredThemeFigures } from './stored-figures';

/** How many strongest items are kept per theme: the inventory shows two quotes per theme. */
export const STORED_QUOTES_PER_THEME = 2;

const ATTRIBUTED = sql.raw('filter (where d.participant_id is not null)');

/** Any number for pg_advisory_xact_lock, owned by this module: refreshes run one at a time. */
const REFRESH_LOCK = 860_001;

/**
 * The figures of these themes computed from their evidence now (themes without evidence have no
 * row). The tags and their evidence are read once (`i`, materialised because two parts read it):
 * per developer (`d`) and the strongest items (`q`).
 */
function freshThemeFigures(db: Db, themeIds: string[]) {
  const items = filteredEvidenceTags(db, { themeIds }).select([
    'evidence_themes.theme_id',
    'evidence.participant_id',
    'evidence.id',
    'evidence.kind',
    sql<number | null>`${monthlyMinutesSql}`.as('monthly'),
    sql<number>`${sourceKindBitSql}`.as('kind_bit'),
    sql<number>`row_number() over (partition by evidence_themes.theme_id order by ${strongestFirstSql})`.as('position'),
  ]);
  return db
    .with('i', () => items)
    .with('d', (qb) =>
      qb
        .selectFrom('i')
        .select([
          'i.theme_id',
          'i.participant_id',
          sql<number>`count(*)::int`.as('items'),
          // max() and sum() skip items without time data and are null when the developer has none.
          sql<number | null>`max(i.monthly) filter (where i.kind = 'recurring')`.as('largest_recurring'),
          sql<number | null>`sum(i.monthly) filter (where i.kind = 'single')`.as('single_minutes'),
          sql<number>`bit_or(i.kind_bit)`.as('kinds'),
        ])
        .groupBy(['i.theme_id', 'i.participant_id']),
    )
    .with('q', (qb) =>
      qb
        .selectFrom('i')
        .select(['i.theme_id', sql<string[]>`array_agg(i.id order by i.position)`.as('quote_ids')])
        .where('i.position', '<=', STORED_QUOTES_PER_THEME)
        .groupBy('i.theme_id'),
    )
    .selectFrom('d')
    .innerJoin('q', 'q.theme_id', 'd.theme_id')
    .select([
      'd.theme_id',
      sql<number>`sum(d.items)::int`.as('evidence_count'),
      sql<number>`coalesce(sum(d.items) filter (where d.participant_id is null), 0)::int`.as('unattributed_items'),
      sql<number>`coalesce(bit_or(d.kinds) filter (where d.participant_id is null), 0)`.as('unattributed_kinds'),
      sql<string[]>`coalesce(array_agg(d.participant_id order by d.participant_id) ${ATTRIBUTED}, '{}')`.as('participant_ids'),
      sql<number[]>`coalesce(array_agg(d.items order by d.participant_id) ${ATTRIBUTED}, '{}')`.as('items'),
      sql<(number | null)[]>`coalesce(array_agg(d.largest_recurring::float8 order by d.participant_id) ${ATTRIBUTED}, '{}')`.as('largest_recurring'),
      sql<(number | null)[]>`coalesce(array_agg(d.single_minutes::float8 order by d.participant_id) ${ATTRIBUTED}, '{}')`.as('single_minutes'),
      sql<number[]>`coalesce(array_agg(d.kinds order by d.participant_id) ${ATTRIBUTED}, '{}')`.as('kinds'),
      'q.quote_ids',
    ])
    .groupBy(['d.theme_id', 'q.quote_ids']);
}

/**
 * Recomputes the figures of every theme a write has marked since the last refresh. The markers
 * are cleared first, in their own statement, so the recomputation (the next statement) sees every
 * write that marked them; a write marking again meanwhile leaves its marker for the next read.
 */
export async function refreshThemeFigures(db: Db): Promise<number> {
  const pending = await db.selectFrom('theme_figures_stale').select('theme_id').limit(1).executeTakeFirst();
  if (!pending) return 0;
  const run = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
    const stale = await trx.deleteFrom('theme_figures_stale').returning('theme_id').execute();
    const themeIds = stale.map((row) => row.theme_id);
    if (themeIds.length === 0) return 0;
    await sql`
      with fresh as (${freshThemeFigures(trx, themeIds)}),
      emptied as (
        delete from theme_figures f
        where f.theme_id in (${sql.join(themeIds)}) and not exists (select 1 from fresh where fresh.theme_id = f.theme_id)
      )
      insert into theme_figures (theme_id, evidence_count, unattributed_items, unattributed_kinds, participant_ids, items, largest_recurring, single_minutes, kinds, quote_ids)
      select theme_id, evidence_count, unattributed_items, unattributed_kinds, participant_ids, items, largest_recurring, single_minutes, kinds, quote_ids from fresh
      on conflict (theme_id) do update set
        evidence_count = excluded.evidence_count, unattributed_items = excluded.unattributed_items, unattributed_kinds = excluded.unattributed_kinds,
        participant_ids = excluded.participant_ids, items = excluded.items, largest_recurring = excluded.largest_recurring,
        single_minutes = excluded.single_minutes, kinds = excluded.kinds, quote_ids = excluded.quote_ids, computed_at = now()`.execute(trx);
    return themeIds.length;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

const numberList = (text: string | null): number[] => (text ? text.split(',').map(Number) : []);
/** With nulls written as '', one null and no entry both read ''; the developer count tells them apart. */
const nullableNumberList = (text: string | null, length: number): (number | null)[] =>
  length === 0 ? [] : (text ?? '').split(',').map((value) => (value === '' ? null : Number(value)));

/**
 * The stored figures of live themes (not archived, not merged), or of some of them. Arrays travel
 * as text: one string per column is far cheaper to parse than a driver's array of 100,000 items.
 */
export async function listThemeFigures(db: Db, input: { themeIds?: string[] }): Promise<StoredThemeFigures[]> {
  if (input.themeIds && input.themeIds.length === 0) return [];
  let query = db
    .selectFrom('theme_figures as f')
    .innerJoin('themes', 'themes.id', 'f.theme_id')
    .select([
      'f.theme_id',
      'f.evidence_count',
      'f.unattributed_items',
      'f.unattributed_kinds',
      sql<string | null>`array_to_string(f.participant_ids, ',')`.as('participant_ids'),
      sql<string | null>`array_to_string(f.items, ',')`.as('items'),
      sql<string | null>`array_to_string(f.largest_recurring, ',', '')`.as('largest_recurring'),
      sql<string | null>`array_to_string(f.single_minutes, ',', '')`.as('single_minutes'),
      sql<string | null>`array_to_string(f.kinds, ',')`.as('kinds'),
    ])
    .where('themes.merged_into_id', 'is', null)
    .where('themes.status', '!=', 'archived');
  if (input.themeIds) query = query.where('f.theme_id', 'in', input.themeIds);
  const rows = await query.execute();
  return rows.map((row) => {
    const participantIds = row.participant_ids ? row.participant_ids.split(',') : [];
    return {
    themeId: row.theme_id,
    evidenceCount: row.evidence_count,
    unattributedItems: row.unattributed_items,
    unattributedKinds: row.unattributed_kinds,
    participantIds,
    items: numberList(row.items),
    largestRecurring: nullableNumberList(row.largest_recurring, participantIds.length),
    singleMinutes: nullableNumberList(row.single_minutes, participantIds.length),
    kinds: numberList(row.kinds),
  };
  });
}

/** The stored strongest items of these themes, strongest first. */
export async function listStoredQuoteIds(db: Db, input: { themeIds: string[] }): Promise<Map<string, string[]>> {
  if (input.themeIds.length === 0) return new Map();
  const rows = await db.selectFrom('theme_figures').select(['theme_id', 'quote_ids']).where('theme_id', 'in', input.themeIds).execute();
  return new Map(rows.map((row) => [row.theme_id, row.quote_ids]));
}

/** Ids of archived developers (few): their evidence counts, their reach does not. */
export async function listArchivedParticipantIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('participants').select('id').where('archived_at', 'is not', null).execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Themes whose stored figures differ from a recomputation from their evidence (missing, extra
 * or different rows), after the pending refresh: what a read would get wrong. Empty when sound.
 */
export async function findDriftedThemeFigures(db: Db): Promise<string[]> {
  await refreshThemeFigures(db);
  const themes = await db.selectFrom('themes').select('id').execute();
  const themeIds = themes.map((theme) => theme.id);
  if (themeIds.length === 0) return [];
  const columns = sql.raw('theme_id, evidence_count, unattributed_items, unattributed_kinds, participant_ids, items, largest_recurring, single_minutes, kinds, quote_ids');
  const rows = await sql<{ theme_id: string }>`
    with fresh as (${freshThemeFigures(db, themeIds)}),
    stored as (select ${columns} from theme_figures),
    differ as ((select ${columns} from fresh except all select ${columns} from stored) union all (select ${columns} from stored except all select ${columns} from fresh))
    select distinct theme_id from differ order by theme_id`.execute(db);
  return rows.rows.map((row) => row.theme_id);
}
