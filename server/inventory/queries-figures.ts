// The ranking's maintained figures (migrations 0860, 0930). theme_developer_figures: per (theme,
// developer), or the theme's unattributed evidence under the nil uuid, the items, largest recurring
// estimate, single occurrences added up, source kinds and two strongest items. theme_figures: per
// theme, their fold (items, kinds, developers, the two strongest items, the median of the
// developers' monthly minutes for one window). Triggers mark the pairs a write touches (or whole
// themes); refreshThemeFigures() recomputes those pairs from the developer's own evidence, then
// refolds their themes (and every theme once the window has moved, i.e. once a day).
// findDriftedThemeFigures() recomputes everything from the evidence and says which themes differ
// (the integration tests and `npm run check:figures`).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '@/server/db';
import { findEarliestEvidenceDate, monthlyMinutesSql, segmentParticipants, sourceKindBitSql, strongestFirstSql, type InventoryFilter } from './queries';
import { resolveWindow } from './rank-themes';
import type { StoredThemeFold } from './stored-figures';

/** How many strongest items are kept per theme: the inventory shows two quotes per theme. */
export const STORED_QUOTES_PER_THEME = 2;

/** The participant key of a theme's unattributed evidence (migration 0930). */
export const UNATTRIBUTED_KEY = '00000000-0000-0000-0000-000000000000';
const NIL = sql.raw(`'${UNATTRIBUTED_KEY}'::uuid`);
const QUOTES = sql.raw(`[1:${STORED_QUOTES_PER_THEME}]`);

/** Themes recomputed whole per statement (after migrating or a repair). */
const WHOLE_THEMES_PER_STATEMENT = 25;

/** A whole recomputation of this many themes or more refreshes the planner's statistics of the pairs. */
const ANALYZE_AFTER_THEMES = 50;

/** Any number for pg_advisory_xact_lock, owned by this module: refreshes run one at a time. */
const REFRESH_LOCK = 860_001;

const PAIR_COLUMNS = sql.raw('theme_id, participant_key, items, largest_recurring, single_minutes, kinds, quote_ids, quote_minutes, quote_dates');
/** The pair columns a fold reads: all in the pairs' developer index (an index-only scan). */
const PAIR_NUMBERS = sql.raw('d.theme_id, d.participant_key, d.items, d.largest_recurring, d.single_minutes, d.kinds');
const THEME_COLUMNS = sql.raw('theme_id, evidence_count, unattributed_items, kinds, developers, quote_ids, window_months, timed_developers, median_low, median_high');

/**
 * Per (theme, developer) figures computed from the evidence, from tags joined to their items
 * (`evidence_themes as et` and `evidence`) in `from`. A pair's strongest items come with what
 * orders them, so that a theme's two strongest are found among its pairs' (see foldThemesSql).
 */
function freshPairsSql(from: RawBuilder<unknown>) {
  return sql`
    select et.theme_id, coalesce(evidence.participant_id, ${NIL}) as participant_key, count(*)::int as items,
           (max(${monthlyMinutesSql}) filter (where evidence.kind = 'recurring'))::float8 as largest_recurring,
           (sum(${monthlyMinutesSql}) filter (where evidence.kind = 'single'))::float8 as single_minutes,
           bit_or(${sourceKindBitSql})::int as kinds,
           (array_agg(evidence.id order by ${strongestFirstSql}))${QUOTES} as quote_ids,
           (array_agg(${monthlyMinutesSql} order by ${strongestFirstSql}))${QUOTES} as quote_minutes,
           (array_agg(evidence.observed_on order by ${strongestFirstSql}))${QUOTES} as quote_dates
    ${from}
    group by et.theme_id, coalesce(evidence.participant_id, ${NIL})`;
}

/** Every pair of these themes (or of every theme). */
const wholeThemesFrom = (themeIds: string[] | null) =>
  sql`from evidence_themes et join evidence on evidence.id = et.evidence_id ${themeIds ? sql`where et.theme_id = any(${themeIds}::uuid[])` : sql``}`;
/** These developers' pairs: through each developer's own items (evidence_participant_idx), then the tag's key. */
const developerPairsFrom = (themeIds: string[], keys: string[]) => sql`
  from unnest(${themeIds}::uuid[], ${keys}::uuid[]) as s(theme_id, participant_key)
  join evidence on evidence.participant_id = s.participant_key
  join evidence_themes et on et.evidence_id = evidence.id and et.theme_id = s.theme_id`;
/** The unattributed pairs of these themes. */
const unattributedPairsFrom = (themeIds: string[]) => sql`
  from evidence join evidence_themes et on et.evidence_id = evidence.id
  where evidence.participant_id is null and et.theme_id = any(${themeIds}::uuid[])`;

/**
 * Pairs (`pairs`: a relation with theme_developer_figures' columns and `active`, false for an
 * archived developer; only segments read it) folded per theme, over a
 * window: items, kinds, developers (active ones too), and the median's middle values: each
 * developer's monthly minutes are the larger of their largest recurring estimate and their single
 * occurrences over the window (developerMonthlyMinutes() in rank-themes.ts), sorted; the values at
 * positions (n + 1) / 2 and n / 2 + 1 give the median as median() does (medianOfMiddle()).
 */
function foldThemesSql(pairs: RawBuilder<unknown>, windowMonths: number) {
  const months = sql`${Math.max(1, windowMonths)}::float8`;
  return sql`
    select o.theme_id,
           sum(o.items)::int as evidence_count,
           coalesce(sum(o.items) filter (where o.unattributed), 0)::int as unattributed_items,
           bit_or(o.kinds)::int as kinds,
           (count(*) filter (where not o.unattributed))::int as developers,
           (count(*) filter (where not o.unattributed and o.active))::int as active_developers,
           coalesce(max(o.timed), 0)::int as timed_developers,
           max(o.minutes) filter (where o.position = (o.timed + 1) / 2) as median_low,
           max(o.minutes) filter (where o.position = o.timed / 2 + 1) as median_high
    from (
      select m.*, row_number() over (partition by m.theme_id order by m.minutes) as position, count(m.minutes) over (partition by m.theme_id) as timed
      from (
        select p.theme_id, p.items, p.kinds, p.participant_key = ${NIL} as unattributed, p.active,
               case when p.participant_key = ${NIL} or (p.largest_recurring is null and p.single_minutes is null) then null
                    else greatest(coalesce(p.largest_recurring, 0), coalesce(p.single_minutes / ${months}, 0)) end as minutes
        from ${pairs} p
      ) m
    ) o
    group by o.theme_id`;
}

/** Each theme's strongest items among its pairs' (strongestFirstSql's order). */
function foldQuotesSql(pairs: RawBuilder<unknown>) {
  return sql`
    select p.theme_id, (array_agg(u.id order by u.minutes desc nulls last, p.participant_key = ${NIL}, u.observed_on desc, u.id))${QUOTES} as quote_ids
    from ${pairs} p cross join lateral unnest(p.quote_ids, p.quote_minutes, p.quote_dates) as u(id, minutes, observed_on)
    group by p.theme_id`;
}

/** theme_figures rows folded from `pairs` (a relation named in the enclosing statement). */
function themeRowsSql(pairs: RawBuilder<unknown>, windowMonths: number) {
  return sql`
    select f.theme_id, f.evidence_count, f.unattributed_items, f.kinds, f.developers, q.quote_ids,
           ${windowMonths}::float8 as window_months, f.timed_developers, f.median_low, f.median_high
    from (${foldThemesSql(sql`(select *, true as active from ${pairs})`, windowMonths)}) f join (${foldQuotesSql(pairs)}) q on q.theme_id = f.theme_id`;
}

/** Recomputes pairs from `fresh` (computed from the evidence): `scope` says which pairs `fresh` covers. */
async function replacePairs(db: Db, fresh: RawBuilder<unknown>, scope: RawBuilder<unknown>) {
  await sql`
    with fresh as (${fresh}),
    gone as (
      delete from theme_developer_figures d where ${scope}
      and not exists (select 1 from fresh where fresh.theme_id = d.theme_id and fresh.participant_key = d.participant_key)
    )
    insert into theme_developer_figures as d (${PAIR_COLUMNS}) select ${PAIR_COLUMNS} from fresh
    on conflict (theme_id, participant_key) do update set
      items = excluded.items, largest_recurring = excluded.largest_recurring, single_minutes = excluded.single_minutes, kinds = excluded.kinds,
      quote_ids = excluded.quote_ids, quote_minutes = excluded.quote_minutes, quote_dates = excluded.quote_dates
    -- Unchanged pairs are not rewritten: their pages stay all-visible for the index-only scans.
    where (d.items, d.largest_recurring, d.single_minutes, d.kinds, d.quote_ids, d.quote_minutes, d.quote_dates)
          is distinct from (excluded.items, excluded.largest_recurring, excluded.single_minutes, excluded.kinds, excluded.quote_ids, excluded.quote_minutes, excluded.quote_dates)`.execute(db);
}

/**
 * Recomputes what writes have marked since the last refresh: the marked pairs from their own
 * evidence, whole themes where marked so, then the fold of every theme touched, and of every
 * theme folded with another window. The markers are cleared first, in their own statements, so
 * the recomputation (the next statements) sees every write that marked them; a write marking
 * again meanwhile leaves its marker for the next read. Returns how many themes were refolded.
 */
export async function refreshThemeFigures(db: Db, input: { windowMonths: number }): Promise<number> {
  const { windowMonths } = input;
  const pending = await sql<{ pending: boolean }>`
    select exists (select 1 from theme_figures_stale) or exists (select 1 from theme_figures_stale_pairs)
        or exists (select 1 from theme_figures where window_months <> ${windowMonths}::float8) as pending`.execute(db);
  if (!pending.rows[0].pending) return 0;
  const run = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
    const whole = new Set((await trx.deleteFrom('theme_figures_stale').returning('theme_id').execute()).map((row) => row.theme_id));
    const pairs = (await trx.deleteFrom('theme_figures_stale_pairs').returning(['theme_id', 'participant_key']).execute()).filter((pair) => !whole.has(pair.theme_id));
    const developers = pairs.filter((pair) => pair.participant_key !== UNATTRIBUTED_KEY);
    const unattributed = [...new Set(pairs.filter((pair) => pair.participant_key === UNATTRIBUTED_KEY).map((pair) => pair.theme_id))];
    if (whole.size > 0) {
      const themeIds = [...whole];
      // A few themes per statement: each stays well within the app's statement timeout.
      for (let start = 0; start < themeIds.length; start += WHOLE_THEMES_PER_STATEMENT) {
        const some = themeIds.slice(start, start + WHOLE_THEMES_PER_STATEMENT);
        await replacePairs(trx, freshPairsSql(wholeThemesFrom(some)), sql`d.theme_id = any(${some}::uuid[])`);
      }
      // Many themes at once (the first read after migrating, a repair): the planner's statistics
      // of the pairs would be those of an empty table, and segments would scan every pair.
      if (themeIds.length >= ANALYZE_AFTER_THEMES) await sql`analyze theme_developer_figures`.execute(trx);
    }
    if (developers.length > 0) {
      const themeIds = developers.map((pair) => pair.theme_id);
      const keys = developers.map((pair) => pair.participant_key);
      await replacePairs(
        trx,
        freshPairsSql(developerPairsFrom(themeIds, keys)),
        sql`(d.theme_id, d.participant_key) in (select * from unnest(${themeIds}::uuid[], ${keys}::uuid[]))`,
      );
    }
    if (unattributed.length > 0) {
      await replacePairs(trx, freshPairsSql(unattributedPairsFrom(unattributed)), sql`d.theme_id = any(${unattributed}::uuid[]) and d.participant_key = ${NIL}`);
    }
    const moved = await trx.selectFrom('theme_figures').select('theme_id').where(sql<boolean>`window_months <> ${windowMonths}::float8`).execute();
    const themeIds = [...new Set([...whole, ...pairs.map((pair) => pair.theme_id), ...moved.map((row) => row.theme_id)])];
    if (themeIds.length === 0) return 0;
    await sql`
      with p as (select * from theme_developer_figures where theme_id = any(${themeIds}::uuid[])),
      fresh as (${themeRowsSql(sql`p`, windowMonths)}),
      emptied as (delete from theme_figures t where t.theme_id = any(${themeIds}::uuid[]) and not exists (select 1 from fresh where fresh.theme_id = t.theme_id))
      insert into theme_figures (${THEME_COLUMNS}) select ${THEME_COLUMNS} from fresh
      on conflict (theme_id) do update set
        evidence_count = excluded.evidence_count, unattributed_items = excluded.unattributed_items, kinds = excluded.kinds,
        developers = excluded.developers, quote_ids = excluded.quote_ids, window_months = excluded.window_months,
        timed_developers = excluded.timed_developers, median_low = excluded.median_low, median_high = excluded.median_high, computed_at = now()`.execute(trx);
    return themeIds.length;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

interface FoldRow {
  theme_id: string;
  evidence_count: number;
  unattributed_items: number;
  kinds: number;
  developers: number;
  active_developers: number;
  timed_developers: number;
  median_low: number | null;
  median_high: number | null;
}

const toFold = (row: FoldRow): StoredThemeFold => ({
  themeId: row.theme_id,
  evidenceCount: row.evidence_count,
  unattributedItems: row.unattributed_items,
  kinds: row.kinds,
  developers: row.developers,
  activeDevelopers: row.active_developers,
  timedDevelopers: row.timed_developers,
  medianLow: row.median_low,
  medianHigh: row.median_high,
});

const liveThemes = sql`t.merged_into_id is null and t.status <> 'archived'`;

/**
 * The folded figures of live themes (not archived, not merged), or of some of them, after a
 * refresh with this window. The whole directory: the stored per-theme rows (archived developers
 * subtracted at read time: they are few, found through the pairs' developer index). A segment
 * (team, tenure, background): its developers' pairs folded now, which leaves unattributed items out.
 */
export async function listThemeFolds(db: Db, filter: InventoryFilter, input: { windowMonths: number }): Promise<StoredThemeFold[]> {
  if (filter.themeIds && filter.themeIds.length === 0) return [];
  const onlyThemes = (column: RawBuilder<unknown>) => (filter.themeIds ? sql`and ${column} = any(${filter.themeIds}::uuid[])` : sql``);
  const segment = filter.teamId || filter.tenureBand || filter.background;
  const rows = segment
    ? await sql<FoldRow>`
        with p as (
          -- Developer by developer (offset 0 keeps the lateral apart): the pairs' developer index,
          -- never a scan of every pair, whatever the planner knows of the table's visibility.
          select d.*, sp.archived_at is null as active from (${segmentParticipants(db, filter).select(['participants.id', 'participants.archived_at'])}) sp
          cross join lateral (
            select ${PAIR_NUMBERS} from theme_developer_figures d where d.participant_key = sp.id ${onlyThemes(sql`d.theme_id`)} offset 0
          ) d
        )
        select f.* from (${foldThemesSql(sql`p`, input.windowMonths)}) f join themes t on t.id = f.theme_id where ${liveThemes}`.execute(db)
    : await sql<FoldRow>`
        select f.theme_id, f.evidence_count, f.unattributed_items, f.kinds, f.developers, f.developers - coalesce(a.archived, 0) as active_developers,
               f.timed_developers, f.median_low, f.median_high
        from theme_figures f
        join themes t on t.id = f.theme_id
        left join (
          select d.theme_id, count(*)::int as archived from participants pa join theme_developer_figures d on d.participant_key = pa.id
          where pa.archived_at is not null group by d.theme_id
        ) a on a.theme_id = f.theme_id
        where ${liveThemes} ${onlyThemes(sql`f.theme_id`)}`.execute(db);
  return rows.rows.map(toFold);
}

/** The window an unfiltered ranking uses today: the earliest evidence to today. */
export async function currentWindowMonths(db: Db, today: string = new Date().toISOString().slice(0, 10)): Promise<number> {
  return resolveWindow({ earliestEvidence: await findEarliestEvidenceDate(db), today }).months;
}

/**
 * Themes whose stored figures (pairs or per-theme rows) differ from a recomputation from their
 * evidence (missing, extra or different rows), after the pending refresh: what a read would get
 * wrong. Empty when sound.
 */
export async function findDriftedThemeFigures(db: Db, input: { windowMonths?: number } = {}): Promise<string[]> {
  const windowMonths = input.windowMonths ?? (await currentWindowMonths(db));
  await refreshThemeFigures(db, { windowMonths });
  const rows = await sql<{ theme_id: string }>`
    with fresh_pairs as (${freshPairsSql(wholeThemesFrom(null))}),
    stored_pairs as (select ${PAIR_COLUMNS} from theme_developer_figures),
    fresh_themes as (${themeRowsSql(sql`fresh_pairs`, windowMonths)}),
    stored_themes as (select ${THEME_COLUMNS} from theme_figures),
    differ as (
      (select theme_id from (select ${PAIR_COLUMNS} from fresh_pairs except all select ${PAIR_COLUMNS} from stored_pairs) a)
      union all (select theme_id from (select ${PAIR_COLUMNS} from stored_pairs except all select ${PAIR_COLUMNS} from fresh_pairs) b)
      union all (select theme_id from (select ${THEME_COLUMNS} from fresh_themes except all select ${THEME_COLUMNS} from stored_themes) c)
      union all (select theme_id from (select ${THEME_COLUMNS} from stored_themes except all select ${THEME_COLUMNS} from fresh_themes) d)
    )
    select distinct theme_id from differ order by theme_id`.execute(db);
  return rows.rows.map((row) => row.theme_id);
}

/** Marks these themes for a whole recomputation on the next refresh (`npm run check:figures --repair`). */
export async function markThemesStale(db: Db, themeIds: string[]): Promise<void> {
  if (themeIds.length === 0) return;
  await sql`insert into theme_figures_stale (theme_id) select unnest(${themeIds}::uuid[]) on conflict (theme_id) do update set marked_at = now()`.execute(db);
}
