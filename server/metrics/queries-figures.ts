// The delivery dashboard's maintained figures (migration 0940): the per-quarter medians a write
// marked stale, recomputed on the next read, and the comparison of everything maintained with a
// full recomputation from the deployments (`npm run check:figures`).
import { sql } from 'kysely';
import type { Db } from '@/server/db';
import { nextQuarter, quarterStart } from './definitions';

/** Serialises refreshes across processes, so two readers never recompute the same quarter at once. */
const REFRESH_LOCK = 940_001;

/** A quarter's medians for every scope: all teams ('all'), each team (its id) and no team ('none'). */
function quarterMediansSql(range: { from: Date; to: Date } | null) {
  const where = range ? sql`where deployed_at >= ${range.from} and deployed_at < ${range.to}` : sql``;
  return sql`
    select quarter,
           case when grouping(team_id) = 1 then 'all' else coalesce(team_id::text, 'none') end as scope,
           percentile_cont(0.5) within group (order by extract(epoch from deployed_at - commit_at) / 3600)
             filter (where outcome = 'success') as lead_time_median_hours,
           percentile_cont(0.5) within group (order by extract(epoch from recovered_at - deployed_at) / 3600)
             filter (where outcome = 'failure' and recovered_at is not null) as recovery_median_hours
    from (select to_char(date_trunc('quarter', deployed_at at time zone 'UTC'), 'YYYY-"Q"Q') as quarter, * from deployments ${where}) d
    group by grouping sets ((quarter), (quarter, team_id))`;
}

/**
 * Recomputes the medians of the quarters writes have marked (one quarter's deployments each).
 * The markers are cleared first, in their own statement, so the recomputation sees every write
 * that marked them; a write marking again meanwhile leaves its marker for the next read.
 * Returns the quarters recomputed.
 */
export async function refreshQuarterMedians(db: Db): Promise<string[]> {
  const pending = await sql<{ pending: boolean }>`select exists (select 1 from delivery_quarters_stale) as pending`.execute(db);
  if (!pending.rows[0].pending) return [];
  const run = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
    const quarters = (await trx.deleteFrom('delivery_quarters_stale').returning('quarter').execute()).map((row) => row.quarter);
    for (const quarter of quarters) {
      await trx.deleteFrom('delivery_quarter_medians').where('quarter', '=', quarter).execute();
      const range = { from: quarterStart(quarter), to: quarterStart(nextQuarter(quarter)) };
      await sql`insert into delivery_quarter_medians (quarter, scope, lead_time_median_hours, recovery_median_hours) ${quarterMediansSql(range)}`.execute(trx);
    }
    return quarters;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Every figure delivery_figures holds, recomputed from all deployments. */
const FRESH_FIGURES = sql`
  select p.period_kind, p.period, p.period_start, p.period_end, d.service_id, d.team_id,
         count(*)::int as deployments, (count(*) filter (where d.via_platform))::int as platform_deployments,
         (count(*) filter (where d.outcome = 'failure'))::int as failures,
         (count(*) filter (where d.outcome = 'failure' and d.recovered_at is null))::int as unrecovered_failures,
         max(d.deployed_at) as latest_at, (array_agg(d.id order by d.deployed_at desc, d.id desc))[1] as latest_id,
         (array_agg(d.via_platform order by d.deployed_at desc, d.id desc))[1] as latest_via_platform
  from deployments d
  cross join lateral (values
    ('week', date_trunc('week', d.deployed_at at time zone 'UTC'), interval '7 days', 'YYYY-MM-DD'),
    ('quarter', date_trunc('quarter', d.deployed_at at time zone 'UTC'), interval '3 months', 'YYYY-"Q"Q')
  ) k(period_kind, local_start, length, format)
  cross join lateral (select k.period_kind, to_char(k.local_start, k.format) as period, k.local_start at time zone 'UTC' as period_start,
                             (k.local_start + k.length) at time zone 'UTC' as period_end) p
  group by 1, 2, 3, 4, 5, 6`;

const FIGURE_COLUMNS = sql.raw(
  'period_kind, period, period_start, period_end, service_id, team_id, deployments, platform_deployments, failures, unrecovered_failures, latest_at, latest_id, latest_via_platform',
);

/**
 * The periods whose maintained figures differ from a recomputation from the deployments (missing,
 * extra or different rows), and the quarters whose medians do, after the pending refresh: what a
 * read would get wrong. Empty when sound. Names like 'week 2026-03-30' and 'quarter 2026-Q2 medians'.
 */
export async function findDriftedDeliveryFigures(db: Db): Promise<string[]> {
  await refreshQuarterMedians(db);
  const rows = await sql<{ drifted: string }>`
    with fresh as (${FRESH_FIGURES}),
    stored as (select ${FIGURE_COLUMNS} from delivery_figures),
    fresh_medians as (${quarterMediansSql(null)}),
    stored_medians as (select quarter, scope, lead_time_median_hours, recovery_median_hours from delivery_quarter_medians),
    differ as (
      (select period_kind || ' ' || period as drifted from (select * from fresh except all select * from stored) a)
      union all (select period_kind || ' ' || period from (select * from stored except all select * from fresh) b)
      union all (select 'quarter ' || quarter || ' medians' from (select * from fresh_medians except all select * from stored_medians) c)
      union all (select 'quarter ' || quarter || ' medians' from (select * from stored_medians except all select * from fresh_medians) d)
    )
    select distinct drifted from differ order by 1`.execute(db);
  return rows.rows.map((row) => row.drifted);
}

/** Recomputes every maintained delivery figure from the deployments (`npm run check:figures -- --repair`). */
export async function rebuildDeliveryFigures(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
    await trx.deleteFrom('delivery_figures').execute();
    await sql`insert into delivery_figures (${FIGURE_COLUMNS}) select ${FIGURE_COLUMNS} from (${FRESH_FIGURES}) fresh`.execute(trx);
    await trx.deleteFrom('delivery_quarter_medians').execute();
    await sql`insert into delivery_quarter_medians (quarter, scope, lead_time_median_hours, recovery_median_hours) ${quarterMediansSql(null)}`.execute(trx);
  });
}
