// The delivery dashboard's maintained input (issue 19): per (week or quarter, service, team) the
// sums every figure adds up (deployments, through the platform, failures, unrecovered failures)
// and the latest deployment (time, id, through the platform), kept by triggers in the statement
// that writes deployments. An insert adds to its groups; an update or delete recomputes the
// (period, service) groups it touched from their deployments (an index range); a truncate empties
// them. Medians cannot be summed: the per-quarter medians (lead time, recovery; all teams, each
// team, no team) are stored per quarter, and a write marks its quarters stale for the reader to
// recompute (one quarter's deployments, bounded). Frozen.
import { sql, type Kysely } from 'kysely';

/** The week and the quarter of `alias`.deployed_at, as the dashboard's queries name them (UTC). */
const periods = (alias: string) => `
  cross join lateral (values
    ('week', to_char(date_trunc('week', ${alias}.deployed_at at time zone 'UTC'), 'YYYY-MM-DD'),
     date_trunc('week', ${alias}.deployed_at at time zone 'UTC') at time zone 'UTC',
     (date_trunc('week', ${alias}.deployed_at at time zone 'UTC') + interval '7 days') at time zone 'UTC'),
    ('quarter', to_char(date_trunc('quarter', ${alias}.deployed_at at time zone 'UTC'), 'YYYY-"Q"Q'),
     date_trunc('quarter', ${alias}.deployed_at at time zone 'UTC') at time zone 'UTC',
     (date_trunc('quarter', ${alias}.deployed_at at time zone 'UTC') + interval '3 months') at time zone 'UTC')
  ) p(period_kind, period, period_start, period_end)`;

/** Grouped figures of the deployments `from` names (aliased d). */
const grouped = (from: string) => `
  select p.period_kind, p.period, p.period_start, p.period_end, d.service_id, d.team_id,
         count(*)::int, (count(*) filter (where d.via_platform))::int,
         (count(*) filter (where d.outcome = 'failure'))::int,
         (count(*) filter (where d.outcome = 'failure' and d.recovered_at is null))::int,
         max(d.deployed_at), (array_agg(d.id order by d.deployed_at desc, d.id desc))[1],
         (array_agg(d.via_platform order by d.deployed_at desc, d.id desc))[1]
  from ${from} ${periods('d')}`;

const COLUMNS = `(period_kind, period, period_start, period_end, service_id, team_id, deployments, platform_deployments,
  failures, unrecovered_failures, latest_at, latest_id, latest_via_platform)`;

const GROUP = 'group by p.period_kind, p.period, p.period_start, p.period_end, d.service_id, d.team_id';

/** The (period, service) groups of the deployments in `rows`. */
const touched = (rows: string) => `(select distinct p.period_kind, p.period_start, p.period_end, d.service_id from ${rows} d ${periods('d')})`;

/** Recomputes the (period, service) groups of the deployments in `rows` from their deployments. */
const recompute = (rows: string) => `
  delete from delivery_figures f using ${touched(rows)} t
    where f.period_kind = t.period_kind and f.period_start = t.period_start and f.service_id = t.service_id;
  insert into delivery_figures ${COLUMNS}
  ${grouped(`${touched(rows)} t
     join deployments d on d.service_id = t.service_id and d.deployed_at >= t.period_start and d.deployed_at < t.period_end`)}
    where p.period_kind = t.period_kind and p.period_start = t.period_start
    ${GROUP};`;

const markStale = (rows: string) => `
  insert into delivery_quarters_stale (quarter)
  select distinct to_char(date_trunc('quarter', deployed_at at time zone 'UTC'), 'YYYY-"Q"Q') from ${rows}
  on conflict (quarter) do update set marked_at = now();`;

async function triggerFunction(db: Kysely<any>, name: string, body: string) {
  await sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$
    begin
      ${body}
      return null;
    end
    $$`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table delivery_figures (
      period_kind text not null check (period_kind in ('week', 'quarter')),
      period text not null,
      period_start timestamptz not null,
      period_end timestamptz not null,
      service_id uuid not null references delivery_services(id) on delete cascade,
      team_id uuid,
      deployments integer not null,
      platform_deployments integer not null,
      failures integer not null,
      unrecovered_failures integer not null,
      latest_at timestamptz not null,
      latest_id bigint not null,
      latest_via_platform boolean not null,
      constraint delivery_figures_key unique nulls not distinct (period_kind, period_start, service_id, team_id)
    )`.execute(db);
  await sql`create index delivery_figures_team_idx on delivery_figures (team_id, period_kind, period_start)`.execute(db);
  await sql`
    create table delivery_quarter_medians (
      quarter text not null,
      scope text not null,
      lead_time_median_hours float8,
      recovery_median_hours float8,
      primary key (quarter, scope)
    )`.execute(db);
  await sql`
    create table delivery_quarters_stale (
      quarter text primary key,
      marked_at timestamptz not null default now()
    )`.execute(db);

  // Inserted deployments (new event ids only: the transition table holds the rows really inserted)
  // add to their groups; the row lock of the upsert orders concurrent batches.
  await triggerFunction(db, 'add_delivery_figures', `
    insert into delivery_figures as f ${COLUMNS}
    ${grouped('new_deployments d')} ${GROUP}
    order by 1, 3, 5, 6
    on conflict on constraint delivery_figures_key do update set
      deployments = f.deployments + excluded.deployments,
      platform_deployments = f.platform_deployments + excluded.platform_deployments,
      failures = f.failures + excluded.failures,
      unrecovered_failures = f.unrecovered_failures + excluded.unrecovered_failures,
      latest_via_platform = case when (excluded.latest_at, excluded.latest_id) > (f.latest_at, f.latest_id) then excluded.latest_via_platform else f.latest_via_platform end,
      latest_id = case when (excluded.latest_at, excluded.latest_id) > (f.latest_at, f.latest_id) then excluded.latest_id else f.latest_id end,
      latest_at = greatest(f.latest_at, excluded.latest_at);
    ${markStale('new_deployments')}`);
  await triggerFunction(db, 'change_delivery_figures', `
    ${recompute('(select service_id, deployed_at from old_deployments union select service_id, deployed_at from new_deployments)')}
    ${markStale('(select deployed_at from old_deployments union all select deployed_at from new_deployments) r')}`);
  await triggerFunction(db, 'remove_delivery_figures', `
    ${recompute('old_deployments')}
    ${markStale('old_deployments')}`);
  await triggerFunction(db, 'clear_delivery_figures', `
    delete from delivery_figures;
    delete from delivery_quarter_medians;
    delete from delivery_quarters_stale;`);
  await sql`create trigger deployments_figures_insert after insert on deployments referencing new table as new_deployments for each statement execute function add_delivery_figures()`.execute(db);
  await sql`create trigger deployments_figures_update after update on deployments referencing old table as old_deployments new table as new_deployments for each statement execute function change_delivery_figures()`.execute(db);
  await sql`create trigger deployments_figures_delete after delete on deployments referencing old table as old_deployments for each statement execute function remove_delivery_figures()`.execute(db);
  await sql`create trigger deployments_figures_truncate after truncate on deployments for each statement execute function clear_delivery_figures()`.execute(db);

  // Existing deployments: grouped once; their quarters' medians are computed on the first read.
  await sql.raw(`insert into delivery_figures ${COLUMNS} ${grouped('deployments d')} ${GROUP}`).execute(db);
  await sql.raw(markStale('deployments')).execute(db);
}
